/*
** pthread_cond.c: pthread condition variables, with spurious wakeups.
**
** A wait is two steps, both shown as "wait": the first checks that the
** caller holds the mutex, queues it and unlocks the mutex; the second
** returns once the wait is signalled and the mutex is free, and takes the
** mutex back. signal wakes the longest waiter, broadcast all of them. A
** timed wait's second step may time out instead; it then takes the mutex
** back in a "relock" step.
**
** Spurious wakeups (on unless --no-spurious): before a wait
** the thread chooses (a weft_choose, "spurious wakeup? -> 0/1") whether
** this wait may return without a signal. If so, its second step needs only
** the mutex, whenever the scheduler picks it ("spurious wake"); if not, it
** needs a signal. Both
** are explored, so a wait that is not inside a loop re-testing its
** predicate is found out, and a deadlock (a signal nobody will send) is
** still a deadlock in the branch without the spurious wakeup. A thread may
** choose a spurious wakeup again only after another thread made progress
** since its last one (a step that is not a read, a yield or a condition
** wait): a predicate loop then cannot spin on spurious wakeups forever.
** Timed waits have no spurious wakeups: their timeouts already return
** without a signal (with ETIMEDOUT).
*/
#include <errno.h>
#include <time.h>

#include "pthread_int.h"

#define PC __builtin_return_address(0)

/* A waiter lives on the waiting thread's stack while it is inside wait. */
typedef struct waiter {
    struct waiter *next;         /* on cv->head's list until signalled or gone */
    weft__thread *t;
    weft__pt_mutex *mutex;
    bool notified;
    bool spurious;               /* may return without a signal */
} waiter;

typedef struct cond {
    weft__obj obj;
    waiter *head, **tail;        /* FIFO of waiters, oldest first */
    weft__pt_mutex *mutex;       /* the waiters' mutex (POSIX: one at a time) */
} cond;

static const weft__opdesc OP_WAIT = {"wait", 0};
static const weft__opdesc OP_TIMEDWAIT = {"timedwait", 0};
static const weft__opdesc OP_WAKE = {"wait", 0};
static const weft__opdesc OP_TIMEDWAKE = {"timedwait", 0};
static const weft__opdesc OP_SPURIOUS = {"spurious wake", 0};
static const weft__opdesc OP_RELOCK = {"relock", 0};
static const weft__opdesc OP_MAY_WAKE = {"spurious wakeup?", WEFT__F_LOCAL | WEFT__F_RES};
static const weft__opdesc OP_SIGNAL = {"signal", WEFT__F_RES};
static const weft__opdesc OP_BROADCAST = {"broadcast", WEFT__F_RES};
static const weft__opdesc OP_DESTROY = {"destroy", 0};

static cond *cond_new(void *c)
{
    cond *cv = weft__pt_new(c, WEFT__PT_COND, sizeof *cv, WEFT__O_COND, "cond");
    cv->tail = &cv->head;
    return cv;
}

/* PTHREAD_COND_INITIALIZER is all zeros and carries nothing weft needs. */
static cond *cond_of(void *c)
{
    cond *cv = weft__pt_find(c, WEFT__PT_COND);
    return cv ? cv : cond_new(c);
}

int weft__pt_cond_init(void *c)
{
    cond_new(c);
    return 0;
}

static bool wake_ready(void *a)
{
    const waiter *w = a;
    return (w->notified || w->spurious) && weft__pt_mutex_free(w->mutex);
}

static void unlink_waiter(cond *cv, waiter *w)
{
    for (waiter **p = &cv->head; *p; p = &(*p)->next) {
        if (*p == w) {
            *p = w->next;
            if (cv->tail == &w->next)
                cv->tail = p;
            return;
        }
    }
}

static bool wait_op(const weft__opdesc *op)
{
    return op == &OP_WAIT || op == &OP_TIMEDWAIT || op == &OP_WAKE || op == &OP_TIMEDWAKE ||
           op == &OP_SPURIOUS ||
           op == &OP_RELOCK || op == &OP_MAY_WAKE;
}

/* May the calling thread wake spuriously in this wait? Not again until
   another thread has made progress since its last spurious wakeup. */
static bool may_wake_spuriously(weft__pt_thread *p)
{
    weft__exec *ex = weft__ex;
    if (!ex->opt->spurious)
        return false;
    if (p->spurious_ev < 0)
        return true;
    for (long i = p->spurious_ev + 1; i < ex->nevents; i++) {
        const weft__event *e = &ex->events[i];
        if (e->tid == p->t->id || wait_op(e->op) ||
            (e->op->flags & (WEFT__F_READS | WEFT__F_LOCAL | WEFT__F_YIELD)))
            continue;
        return true;
    }
    return false;
}

/* The choice, as a weft_choose step shown as "spurious wakeup?" at the
   model's call. */
static bool choose_spurious(const void *pc)
{
    weft__exec *ex = weft__ex;
    bool yes = weft_choose(2) == 1;
    weft__event *e = &ex->events[ex->cur->last_ev];
    e->op = &OP_MAY_WAKE;
    e->pc = pc;
    return yes;
}

int weft__pt_cond_wait(void *c, void *m, bool timed, const void *pc)
{
    cond *cv = cond_of(c);
    weft__pt_mutex *x = weft__pt_mutex_of(m, pc);
    weft__thread *me = weft__self();
    weft__pt_thread *p = weft__pt_self();
    waiter w = {NULL, me, x, false, false};

    if (!timed && may_wake_spuriously(p))
        w.spurious = choose_spurious(pc);
    /* both steps act on the mutex too (unlock, then lock): DPOR must see
       them conflict with the other threads' operations on it */
    weft__op_touches(x);
    weft__op(timed ? &OP_TIMEDWAIT : &OP_WAIT, cv, 0, NULL, NULL, pc);
    if (x->obj.holder != me)
        weft__pt_misuse(pc, "waits on condition variable %s with mutex %s, which it does not "
                        "hold (POSIX: EPERM for errorcheck and recursive mutexes, undefined "
                        "for normal ones)",
                        cv->obj.name, x->obj.name);
    if (cv->head && cv->mutex != x)
        weft__pt_misuse(pc, "waits on condition variable %s with mutex %s while %s waits on "
                        "it with mutex %s (POSIX: undefined)", cv->obj.name, x->obj.name,
                        weft__thread_name(cv->head->t), cv->mutex->obj.name);
    cv->mutex = x;
    *cv->tail = &w;
    cv->tail = &w.next;
    int count = x->count;
    x->count = 0;
    x->obj.holder = NULL;
    weft__hb_release(x);

    int rc = 0;
    weft__op_touches(x);
    if (!timed) {
        weft__op(&OP_WAKE, cv, 0, wake_ready, &w, pc);
        if (!w.notified) {
            unlink_waiter(cv, &w);
            weft__pt_relabel(&OP_SPURIOUS, false);
            p->spurious_ev = me->last_ev;
        }
    } else if (!weft__op_timed(&OP_TIMEDWAKE, cv, 0, wake_ready, &w, pc)) {
        if (w.notified) {
            /* signalled, but the mutex is taken: not a timeout */
            weft__pt_relabel(&OP_TIMEDWAKE, false);
        } else {
            unlink_waiter(cv, &w);
            rc = ETIMEDOUT;
        }
        weft__op(&OP_RELOCK, x, 0, weft__pt_mutex_free, x, pc);
    }
    if (w.notified)
        weft__hb_acquire(cv);
    weft__pt_mutex_take(x, count);
    return rc;
}

int weft__pt_cond_signal(void *c, bool all, const void *pc)
{
    cond *cv = cond_of(c);
    weft__op(all ? &OP_BROADCAST : &OP_SIGNAL, cv, 0, NULL, NULL, pc);
    weft__hb_release(cv);
    int n = 0;
    while (cv->head && (all || n == 0)) {
        waiter *w = cv->head;
        cv->head = w->next;
        w->notified = true;
        n++;
    }
    if (!cv->head)
        cv->tail = &cv->head;
    weft__result(n);
    return 0;
}

int weft__pt_cond_destroy(void *c, const void *pc)
{
    cond *cv = cond_of(c);
    weft__op(&OP_DESTROY, cv, 0, NULL, NULL, pc);
    if (cv->head)
        weft__pt_misuse(pc, "destroys condition variable %s while %s waits on it (POSIX: "
                        "EBUSY)", cv->obj.name,
                        weft__thread_name(cv->head->t));
    weft__pt_forget(c);
    return 0;
}

/* ---- the wrapped functions ------------------------------------------------------------ */

int __wrap_pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *attr);
int __wrap_pthread_cond_destroy(pthread_cond_t *c);
int __wrap_pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m);
int __wrap_pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
                                  const struct timespec *abstime);
int __wrap_pthread_cond_clockwait(pthread_cond_t *c, pthread_mutex_t *m, clockid_t clock,
                                  const struct timespec *abstime);
int __wrap_pthread_cond_signal(pthread_cond_t *c);
int __wrap_pthread_cond_broadcast(pthread_cond_t *c);

#define ACTIVE weft__pt_active()

int __wrap_pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *attr)
{
    if (!ACTIVE)
        return pthread_cond_init(c, attr);
    return weft__pt_cond_init(c);
}

int __wrap_pthread_cond_destroy(pthread_cond_t *c)
{
    if (!ACTIVE)
        return pthread_cond_destroy(c);
    return weft__pt_cond_destroy(c, PC);
}

int __wrap_pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
    if (!ACTIVE)
        return pthread_cond_wait(c, m);
    return weft__pt_cond_wait(c, m, false, PC);
}

/* Virtual time: the deadline is not read; the wait is explored both ways,
   signalled and timed out. */
int __wrap_pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
                                  const struct timespec *abstime)
{
    if (!ACTIVE)
        return pthread_cond_timedwait(c, m, abstime);
    return weft__pt_cond_wait(c, m, true, PC);
}

int __wrap_pthread_cond_clockwait(pthread_cond_t *c, pthread_mutex_t *m, clockid_t clock,
                                  const struct timespec *abstime)
{
    if (!ACTIVE)
        return pthread_cond_clockwait(c, m, clock, abstime);
    return weft__pt_cond_wait(c, m, true, PC);
}

int __wrap_pthread_cond_signal(pthread_cond_t *c)
{
    if (!ACTIVE)
        return pthread_cond_signal(c);
    return weft__pt_cond_signal(c, false, PC);
}

int __wrap_pthread_cond_broadcast(pthread_cond_t *c)
{
    if (!ACTIVE)
        return pthread_cond_broadcast(c);
    return weft__pt_cond_signal(c, true, PC);
}
