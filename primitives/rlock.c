/*
** rlock.c: threading.RLock, an owner (obj.holder) and a recursion count: the
** owner re-enters without blocking, only the owner may release it, and other
** threads see it free (happens-before is published) when the count is 0.
*/
#include "prim.h"

struct weft_rlock {
    weft__obj obj;              /* first: obj.holder is the owner or NULL */
    int count;                  /* acquisitions by the owner not yet released */
};

static const weft__opdesc OP_ACQUIRE = {"acquire", 0};
static const weft__opdesc OP_TRY = {"try_acquire", WEFT__F_RES};
static const weft__opdesc OP_TIMED = {"acquire_timeout", WEFT__F_RES};
static const weft__opdesc OP_RELEASE = {"release", 0};

bool weft__rlock_free(void *l)
{
    return ((weft_rlock *)l)->obj.holder == NULL;
}

/* The caller's first acquisition (count 1), or restoring a saved count. */
void weft__rlock_take(weft_rlock *l, int count)
{
    WEFT_ASSERT(l->obj.holder == NULL && l->count == 0 && count > 0);
    l->obj.holder = weft__self();
    l->count = count;
    weft__hb_acquire(l);
}

/* Release every level at once (Condition.wait's _release_save); returns the
   count to restore. The caller has checked that it owns the lock. */
int weft__rlock_drop_all(weft_rlock *l)
{
    int count = l->count;
    l->count = 0;
    l->obj.holder = NULL;
    weft__hb_release(l);
    return count;
}

static void enter(weft_rlock *l)
{
    if (l->obj.holder == weft__self())
        l->count++;
    else
        weft__rlock_take(l, 1);
}

/* Only the owner can make the holder itself, so if the caller does not own
   the lock now, it waits for it to be free; if it does, it re-enters at once. */
void weft__rlock_acquire(weft_rlock *l, const void *pc)
{
    bool mine = l->obj.holder == weft__self();
    weft__op(&OP_ACQUIRE, l, 0, mine ? NULL : weft__rlock_free, l, pc);
    enter(l);
}

void weft__rlock_release(weft_rlock *l, const void *pc)
{
    weft__op(&OP_RELEASE, l, 0, NULL, NULL, pc);
    if (l->obj.holder != weft__self())
        weft__misuse(l, "release", "RuntimeError: cannot release un-acquired lock", pc);
    if (--l->count == 0) {
        l->obj.holder = NULL;
        weft__hb_release(l);
    }
}

/* A timed step that times out at once if another thread owns the lock (see
   lock.c): a failed attempt is no progress. */
static bool try_acquire(weft_rlock *l, const void *pc)
{
    bool mine = l->obj.holder == weft__self();
    bool ok = weft__op_timed(&OP_TRY, l, 0, mine ? NULL : weft__rlock_free, l, pc);
    if (ok)
        enter(l);
    weft__result(ok);
    return ok;
}

weft_rlock *weft_rlock_new(const char *name)
{
    return weft__obj_new(sizeof(weft_rlock), WEFT__O_RLOCK, "rlock", name);
}

void weft_rlock_acquire(weft_rlock *l)
{
    weft__rlock_acquire(l, __builtin_return_address(0));
}

bool weft_rlock_try_acquire(weft_rlock *l)
{
    return try_acquire(l, __builtin_return_address(0));
}

bool weft_rlock_acquire_timeout(weft_rlock *l, int ticks)
{
    const void *pc = __builtin_return_address(0);
    if (ticks < 0) {
        weft__rlock_acquire(l, pc);
        return true;
    }
    bool ok = true;
    if (l->obj.holder == weft__self())
        weft__op(&OP_TIMED, l, ticks, NULL, NULL, pc);  /* the owner never waits */
    else
        ok = weft__op_timed(&OP_TIMED, l, ticks, weft__rlock_free, l, pc);
    if (ok)
        enter(l);
    weft__result(ok);
    return ok;
}

void weft_rlock_release(weft_rlock *l)
{
    weft__rlock_release(l, __builtin_return_address(0));
}
