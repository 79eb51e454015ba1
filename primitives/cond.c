/*
** cond.c: threading.Condition over a Lock, an RLock, or its own RLock, with
** CPython's FIFO of waiters: notify(n) wakes the first n. A timed-out waiter
** stays queued until it has the lock back, so a notify in that gap is lost.
*/
#include <stdio.h>

#include "prim.h"

/* A waiter record lives on the waiting thread's stack: it is listed only
   while that thread is inside wait. "Holds the lock" means being its holder,
   also for a plain Lock (CPython can only check that a Lock is locked). */
typedef struct waiter {
    struct waiter *next;        /* on cond->head's list until notified or gone */
    weft_cond *cond;
    bool notified;              /* set by notify, which also unlinks it */
} waiter;

struct weft_cond {
    weft__obj obj;
    weft__obj *lock;            /* a Lock or an RLock; obj.holder is its owner */
    waiter *head;               /* FIFO of threads inside wait, oldest first */
    waiter **tail;
};

static const weft__opdesc OP_WAIT = {"wait", 0};
static const weft__opdesc OP_WOKEN = {"wait", WEFT__F_RES};
static const weft__opdesc OP_WAIT_TIMED = {"wait_timeout", WEFT__F_RES};
static const weft__opdesc OP_REACQUIRE = {"reacquire", 0};
static const weft__opdesc OP_NOTIFY = {"notify", WEFT__F_VAL | WEFT__F_RES};
static const weft__opdesc OP_NOTIFY_ALL = {"notify_all", WEFT__F_RES};

/* ---- the underlying lock, whichever kind it is ---- */

static bool lock_is_lock(const weft_cond *c)
{
    return c->lock->kind == WEFT__O_LOCK;
}

static bool lock_free(const weft_cond *c)
{
    return lock_is_lock(c) ? weft__lock_free(c->lock) : weft__rlock_free(c->lock);
}

/* Release the lock completely; returns what restore needs (an RLock's count). */
static int lock_save(weft_cond *c)
{
    if (lock_is_lock(c)) {
        weft__lock_drop((weft_lock *)c->lock);
        return 1;
    }
    return weft__rlock_drop_all((weft_rlock *)c->lock);
}

static void lock_restore(weft_cond *c, int saved)
{
    if (lock_is_lock(c))
        weft__lock_take((weft_lock *)c->lock);
    else
        weft__rlock_take((weft_rlock *)c->lock, saved);
}

static bool lock_ready(void *a)
{
    return lock_free(a);
}

/* Notified and the lock is free: the waiter can return at once. */
static bool woken_ready(void *a)
{
    const waiter *w = a;
    return w->notified && lock_free(w->cond);
}

static bool notified(void *a)
{
    return ((const waiter *)a)->notified;
}

static void unlink_waiter(weft_cond *c, waiter *w)
{
    for (waiter **p = &c->head; *p; p = &(*p)->next)
        if (*p == w) {
            *p = w->next;
            if (c->tail == &w->next)
                c->tail = p;
            return;
        }
}

/* Returns true if notified, false if timed out; ticks < 0: no timeout. The
   steps: "wait" checks ownership, queues the caller and releases the lock;
   without a timeout, a second "wait" returns once notified with the lock
   free. With one, "wait_timeout" ends notified or timed out, and then
   "reacquire" gets the lock back, as CPython's wait does. */
static bool cond_wait(weft_cond *c, int ticks, const void *pc)
{
    waiter w = {NULL, c, false};
    weft__op_touches(c->lock);   /* waiting releases the lock */
    weft__op(&OP_WAIT, c, ticks, NULL, NULL, pc);
    if (c->lock->holder != weft__self())
        weft__misuse(c, "wait", "RuntimeError: cannot wait on un-acquired lock", pc);
    *c->tail = &w;
    c->tail = &w.next;
    int saved = lock_save(c);

    if (ticks < 0) {
        weft__op_touches(c->lock);   /* waking needs the lock too */
        weft__op(&OP_WOKEN, c, 0, woken_ready, &w, pc);
        weft__result(1);
        weft__hb_acquire(c);
        lock_restore(c, saved);
        return true;
    }
    /* ticks 0 is a timed step too: it times out at once if not notified */
    bool got = weft__op_timed(&OP_WAIT_TIMED, c, ticks, notified, &w, pc);
    weft__result(got);
    if (got)
        weft__hb_acquire(c);
    weft__op(&OP_REACQUIRE, c->lock, 0, lock_ready, c, pc);
    if (!w.notified)
        unlink_waiter(c, &w);
    lock_restore(c, saved);
    return got;
}

static void cond_notify(weft_cond *c, const weft__opdesc *op, int n, const void *pc)
{
    weft__op(op, c, n, NULL, NULL, pc);
    if (c->lock->holder != weft__self())
        weft__misuse(c, op->verb, "RuntimeError: cannot notify on un-acquired lock", pc);
    weft__hb_release(c);
    int woken = 0;
    for (; c->head && (op == &OP_NOTIFY_ALL || woken < n); woken++) {
        waiter *w = c->head;
        c->head = w->next;
        w->notified = true;
    }
    if (!c->head)
        c->tail = &c->head;
    weft__result(woken);
}

void weft__cond_acquire(weft_cond *c, const void *pc)
{
    if (lock_is_lock(c))
        weft__lock_acquire((weft_lock *)c->lock, pc);
    else
        weft__rlock_acquire((weft_rlock *)c->lock, pc);
}

void weft__cond_release(weft_cond *c, const void *pc)
{
    if (lock_is_lock(c))
        weft__lock_release((weft_lock *)c->lock, pc);
    else
        weft__rlock_release((weft_rlock *)c->lock, pc);
}

weft_cond *weft_cond_new(void *lock, const char *name)
{
    weft_cond *c = weft__obj_new(sizeof(weft_cond), WEFT__O_COND, "cond", name);
    c->tail = &c->head;
    if (lock) {
        c->lock = lock;
        if (c->lock->kind != WEFT__O_LOCK && c->lock->kind != WEFT__O_RLOCK)
            weft__misuse(c, "new", "TypeError: a Condition needs a Lock or an RLock",
                         __builtin_return_address(0));
    } else {
        char own[WEFT__NAME + 8];
        snprintf(own, sizeof own, "%s.lock", c->obj.name);
        c->lock = (weft__obj *)weft_rlock_new(own);
    }
    return c;
}

void weft_cond_acquire(weft_cond *c)
{
    weft__cond_acquire(c, __builtin_return_address(0));
}

void weft_cond_release(weft_cond *c)
{
    weft__cond_release(c, __builtin_return_address(0));
}

void weft_cond_wait(weft_cond *c)
{
    cond_wait(c, WEFT_FOREVER, __builtin_return_address(0));
}

bool weft_cond_wait_timeout(weft_cond *c, int ticks)
{
    return cond_wait(c, ticks, __builtin_return_address(0));
}

/* CPython's loop: test, wait, test again. Under virtual time a notified wait
   takes no time, so with a timeout the loop ends after the first wait that
   timed out; with timeout 0, after the first wait, whatever it returned. */
bool weft_cond_wait_for(weft_cond *c, bool (*pred)(void *), void *arg, int ticks)
{
    const void *pc = __builtin_return_address(0);
    bool ok = pred(arg);
    bool waited = false, timed_out = false;
    while (!ok) {
        if (timed_out || (ticks == 0 && waited))
            break;
        timed_out = !cond_wait(c, ticks, pc);
        waited = true;
        ok = pred(arg);
    }
    return ok;
}

void weft_cond_notify(weft_cond *c, int n)
{
    cond_notify(c, &OP_NOTIFY, n, __builtin_return_address(0));
}

void weft_cond_notify_all(weft_cond *c)
{
    cond_notify(c, &OP_NOTIFY_ALL, 0, __builtin_return_address(0));
}
