/*
** value.c: multiprocessing.Value and Array, longs shared between processes.
** Each get or set is one visible step, so `v.value += 5` (a get, then a set)
** loses updates when two processes interleave, unless they hold the object's
** lock around it: an RLock, as multiprocessing gives, made only on request.
*/
#include <stdio.h>

#include "../checker/weft_int.h"

struct weft_value {
    weft__obj obj;              /* first */
    long v;
    weft_rlock *lock;           /* NULL when made with lock = false */
};

struct weft_array {
    weft__obj obj;              /* first */
    int n;
    long *a;                    /* n longs, zeroed, arena memory */
    weft_rlock *lock;
};

/* Accesses act as sequentially consistent atomics for the race detector: a
   set publishes the setter's prior writes to whoever gets the value after. */
static const weft__opdesc OP_GET = {"get", WEFT__F_READS | WEFT__F_RES};
static const weft__opdesc OP_SET = {"set", WEFT__F_VAL};
static const weft__opdesc OP_AGET = {"get", WEFT__F_READS | WEFT__F_VAL | WEFT__F_RES};
static const weft__opdesc OP_ASET = {"set", WEFT__F_VAL};

static weft_rlock *lock_for(const weft__obj *o)
{
    char name[WEFT__NAME];
    snprintf(name, sizeof name, "%.26s.lock", o->name);
    return weft_rlock_new(name);
}

weft_value *weft_value_new(long init, bool lock, const char *name)
{
    weft_value *v = weft__obj_new(sizeof *v, WEFT__O_VALUE, "value", name);
    v->v = init;
    if (lock)
        v->lock = lock_for(&v->obj);
    return v;
}

long weft_value_get(weft_value *v)
{
    weft__op(&OP_GET, v, 0, NULL, NULL, __builtin_return_address(0));
    weft__hb_acquire(v);
    weft__result(v->v);
    return v->v;
}

void weft_value_set(weft_value *v, long x)
{
    weft__op(&OP_SET, v, x, NULL, NULL, __builtin_return_address(0));
    v->v = x;
    weft__hb_release(v);
}

weft_rlock *weft_value_get_lock(weft_value *v)
{
    return v->lock;
}

weft_array *weft_array_new(int n, bool lock, const char *name)
{
    weft_array *a = weft__obj_new(sizeof *a, WEFT__O_ARRAY, "array", name);
    if (n < 0)
        weft__misuse(a, "Array", "ValueError: Array length must be >= 0", __builtin_return_address(0));
    a->n = n;
    a->a = weft__alloc(sizeof *a->a * (size_t)(n ? n : 1));
    if (lock)
        a->lock = lock_for(&a->obj);
    return a;
}

/* Negative indices are misuse too: in C they are a bug, not Python's
   count-from-the-end. The listing shows the index as the step's value. */
static void check_index(weft_array *a, int i, const char *op, const void *pc)
{
    if (i < 0 || i >= a->n)
        weft__misuse(a, op, "IndexError: invalid index", pc);
}

long weft_array_get(weft_array *a, int i)
{
    const void *pc = __builtin_return_address(0);
    weft__op(&OP_AGET, a, i, NULL, NULL, pc);
    check_index(a, i, "get", pc);
    weft__hb_acquire(a);
    weft__result(a->a[i]);
    return a->a[i];
}

/* The listing shows the value set; the index is in the source line. */
void weft_array_set(weft_array *a, int i, long x)
{
    const void *pc = __builtin_return_address(0);
    weft__op(&OP_ASET, a, x, NULL, NULL, pc);
    check_index(a, i, "set", pc);
    a->a[i] = x;
    weft__hb_release(a);
}

/* The length never changes: no step. */
int weft_array_len(weft_array *a)
{
    return a->n;
}

weft_rlock *weft_array_get_lock(weft_array *a)
{
    return a->lock;
}
