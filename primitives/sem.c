/*
** sem.c: threading.Semaphore and BoundedSemaphore, a counter each. Python does
** not say which waiter a release wakes, so any blocked acquirer may take a
** released unit; a bounded one refuses to rise above its initial value.
*/
#include "prim.h"

struct weft_sem {
    weft__obj obj;              /* kind WEFT__O_SEM or WEFT__O_BSEM; its value is obj.units */
    int initial;                /* the bound of a BoundedSemaphore */
};

static const weft__opdesc OP_ACQUIRE = {"acquire", WEFT__F_UNITS};
static const weft__opdesc OP_TRY = {"try_acquire", WEFT__F_RES};
static const weft__opdesc OP_TIMED = {"acquire_timeout", WEFT__F_RES};
static const weft__opdesc OP_RELEASE = {"release", WEFT__F_VAL};
static const weft__opdesc OP_VALUE = {"value", WEFT__F_READS | WEFT__F_RES};

static bool positive(void *a)
{
    return ((weft_sem *)a)->obj.units > 0;
}

static void take(weft_sem *s)
{
    s->obj.units--;
    weft__hb_acquire(s);
}

static weft_sem *make(int value, int kind, const char *kname, const char *name,
                      const void *pc)
{
    weft_sem *s = weft__obj_new(sizeof(weft_sem), kind, kname, name);
    s->obj.units = s->initial = value;
    if (value < 0)
        weft__misuse(s, "new", "ValueError: semaphore initial value must be >= 0", pc);
    return s;
}

static void release_n(weft_sem *s, int n, const void *pc)
{
    weft__op(&OP_RELEASE, s, n, NULL, NULL, pc);
    if (n < 1)
        weft__misuse(s, "release", "ValueError: n must be one or more", pc);
    if (s->obj.kind == WEFT__O_BSEM && s->obj.units + n > s->initial)
        weft__misuse(s, "release", "ValueError: Semaphore released too many times", pc);
    s->obj.units += n;
    weft__hb_release(s);
}

void weft__sem_acquire(weft_sem *s, const void *pc)
{
    weft__op(&OP_ACQUIRE, s, 0, positive, s, pc);
    take(s);
    /* not printed (no WEFT__F_RES): the value left, from which the lock-order
       detector works out the initial value, how many threads can hold it */
    weft__result(s->obj.units);
}

void weft__sem_release(weft_sem *s, const void *pc)
{
    release_n(s, 1, pc);
}

/* A timed step that times out at once when the value is 0 (see lock.c). */
static bool try_acquire(weft_sem *s, const void *pc)
{
    bool ok = weft__op_timed(&OP_TRY, s, 0, positive, s, pc);
    if (ok)
        take(s);
    weft__result(ok);
    return ok;
}

weft_sem *weft_sem_new(int value, const char *name)
{
    return make(value, WEFT__O_SEM, "sem", name, __builtin_return_address(0));
}

weft_sem *weft_bsem_new(int value, const char *name)
{
    return make(value, WEFT__O_BSEM, "bsem", name, __builtin_return_address(0));
}

void weft_sem_acquire(weft_sem *s)
{
    weft__sem_acquire(s, __builtin_return_address(0));
}

bool weft_sem_try_acquire(weft_sem *s)
{
    return try_acquire(s, __builtin_return_address(0));
}

bool weft_sem_acquire_timeout(weft_sem *s, int ticks)
{
    const void *pc = __builtin_return_address(0);
    if (ticks < 0) {
        weft__sem_acquire(s, pc);
        return true;
    }
    bool ok = weft__op_timed(&OP_TIMED, s, ticks, positive, s, pc);
    if (ok)
        take(s);
    weft__result(ok);
    return ok;
}

void weft_sem_release(weft_sem *s)
{
    release_n(s, 1, __builtin_return_address(0));
}

void weft_sem_release_n(weft_sem *s, int n)
{
    release_n(s, n, __builtin_return_address(0));
}

int weft_sem_value(weft_sem *s)
{
    weft__op(&OP_VALUE, s, 0, NULL, NULL, __builtin_return_address(0));
    weft__result(s->obj.units);
    return s->obj.units;
}
