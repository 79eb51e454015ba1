/*
** with.c: WEFT_WITH(x), Python's `with x:` for Lock, RLock, Condition (its
** lock), Semaphore and BoundedSemaphore: the object's own acquire and release
** steps at the model's call site. Anything else is misuse (TypeError).
*/
#include "prim.h"

static const weft__opdesc OP_ENTER = {"__enter__", 0};
static const weft__opdesc OP_EXIT = {"__exit__", 0};

#define NOT_A_CM "TypeError: object does not support the context manager protocol"

/* Is x an object of this execution? Its id indexes the execution's table. */
static bool is_obj(const void *x)
{
    const weft__obj *o = x;
    return o && o->id >= 0 && o->id < weft__ex->nobjs && weft__ex->objs[o->id] == o;
}

/* x is no context manager: a weft object of another kind is named in the
   report; anything else (NULL, a stray pointer) cannot be. */
static _Noreturn void refuse(void *x, const weft__opdesc *op, const void *pc)
{
    if (is_obj(x)) {
        weft__op(op, x, 0, NULL, NULL, pc);
        weft__misuse(x, op->verb, NOT_A_CM, pc);
    }
    weft__fail(WEFT__MISUSE, pc, "%s: WEFT_WITH on %s, which is not a weft object (Python: %s)",
               weft__thread_name(weft__self()), x ? "a pointer" : "NULL", NOT_A_CM);
}

void weft_with_enter(void *x)
{
    const void *pc = __builtin_return_address(0);
    switch (is_obj(x) ? ((weft__obj *)x)->kind : 0) {
    case WEFT__O_LOCK: weft__lock_acquire(x, pc); break;
    case WEFT__O_RLOCK: weft__rlock_acquire(x, pc); break;
    case WEFT__O_COND: weft__cond_acquire(x, pc); break;
    case WEFT__O_SEM:
    case WEFT__O_BSEM: weft__sem_acquire(x, pc); break;
    default: refuse(x, &OP_ENTER, pc);
    }
}

void weft_with_exit(void *x)
{
    const void *pc = __builtin_return_address(0);
    switch (is_obj(x) ? ((weft__obj *)x)->kind : 0) {
    case WEFT__O_LOCK: weft__lock_release(x, pc); break;
    case WEFT__O_RLOCK: weft__rlock_release(x, pc); break;
    case WEFT__O_COND: weft__cond_release(x, pc); break;
    case WEFT__O_SEM:
    case WEFT__O_BSEM: weft__sem_release(x, pc); break;
    default: refuse(x, &OP_EXIT, pc);
    }
}
