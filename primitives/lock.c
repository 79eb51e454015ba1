/*
** lock.c: threading.Lock, a flag and the thread that set it (obj.holder, for
** deadlock reports). Any thread may release it, as in Python; acquiring it
** again while holding it blocks forever, which the scheduler reports.
*/
#include "prim.h"

struct weft_lock {
    weft__obj obj;              /* first: obj.holder is the owner or NULL */
    bool locked;
};

static const weft__opdesc OP_ACQUIRE = {"acquire", 0};
static const weft__opdesc OP_TRY = {"try_acquire", WEFT__F_RES};
static const weft__opdesc OP_TIMED = {"acquire_timeout", WEFT__F_RES};
static const weft__opdesc OP_RELEASE = {"release", 0};
static const weft__opdesc OP_LOCKED = {"locked", WEFT__F_READS | WEFT__F_RES};

bool weft__lock_free(void *l)
{
    return !((weft_lock *)l)->locked;
}

void weft__lock_take(weft_lock *l)
{
    WEFT_ASSERT(!l->locked);
    l->locked = true;
    l->obj.holder = weft__self();
    weft__hb_acquire(l);
}

void weft__lock_drop(weft_lock *l)
{
    l->locked = false;
    l->obj.holder = NULL;
    weft__hb_release(l);
}

void weft__lock_acquire(weft_lock *l, const void *pc)
{
    weft__op(&OP_ACQUIRE, l, 0, weft__lock_free, l, pc);
    weft__lock_take(l);
}

void weft__lock_release(weft_lock *l, const void *pc)
{
    weft__op(&OP_RELEASE, l, 0, NULL, NULL, pc);
    if (!l->locked)
        weft__misuse(l, "release", "RuntimeError: release unlocked lock", pc);
    weft__lock_drop(l);
}

/* acquire(blocking=False). A timed step that times out at once when the lock
   is taken: so a failed attempt counts as no progress, and a retry loop lets
   the other threads run first (the scheduler's fairness). */
static bool try_acquire(weft_lock *l, const void *pc)
{
    bool ok = weft__op_timed(&OP_TRY, l, 0, weft__lock_free, l, pc);
    if (ok)
        weft__lock_take(l);
    weft__result(ok);
    return ok;
}

weft_lock *weft_lock_new(const char *name)
{
    return weft__obj_new(sizeof(weft_lock), WEFT__O_LOCK, "lock", name);
}

void weft_lock_acquire(weft_lock *l)
{
    weft__lock_acquire(l, __builtin_return_address(0));
}

bool weft_lock_try_acquire(weft_lock *l)
{
    return try_acquire(l, __builtin_return_address(0));
}

bool weft_lock_acquire_timeout(weft_lock *l, int ticks)
{
    const void *pc = __builtin_return_address(0);
    if (ticks < 0) {
        weft__lock_acquire(l, pc);
        return true;
    }
    bool ok = weft__op_timed(&OP_TIMED, l, ticks, weft__lock_free, l, pc);
    if (ok)
        weft__lock_take(l);
    weft__result(ok);
    return ok;
}

void weft_lock_release(weft_lock *l)
{
    weft__lock_release(l, __builtin_return_address(0));
}

bool weft_lock_locked(weft_lock *l)
{
    weft__op(&OP_LOCKED, l, 0, NULL, NULL, __builtin_return_address(0));
    weft__result(l->locked);
    return l->locked;
}
