/*
** pthread_rwlock.c: read-write locks with glibc's default preference for
** readers (a reader gets in whenever no writer holds the lock, even while a
** writer waits). Readers see what writers released; a writer sees what
** readers and writers released: two clocks, so that two readers are not
** ordered by the lock (a write under a read lock still races).
*/
#include <errno.h>
#include <time.h>

#include "pthread_int.h"

#define PC __builtin_return_address(0)

typedef struct rwlock {
    weft__obj obj;               /* obj.holder: the writer, or a reader (for reports) */
    weft__obj readers_out;       /* not registered: only its clock, what readers released */
    weft__thread *writer;
    int readers;
    unsigned char held[WEFT__MAX_THREADS];   /* read locks held, per thread id */
} rwlock;

static const weft__opdesc OP_RDLOCK = {"rdlock", 0};
static const weft__opdesc OP_WRLOCK = {"wrlock", WEFT__F_UNITS};
static const weft__opdesc OP_TRYRDLOCK = {"tryrdlock", WEFT__F_RES};
static const weft__opdesc OP_TRYWRLOCK = {"trywrlock", WEFT__F_RES};
static const weft__opdesc OP_TIMEDRDLOCK = {"timedrdlock", WEFT__F_RES};
static const weft__opdesc OP_TIMEDWRLOCK = {"timedwrlock", WEFT__F_RES};
static const weft__opdesc OP_UNLOCK = {"unlock", 0};
static const weft__opdesc OP_DESTROY = {"destroy", 0};

enum { BLOCK, TRY, TIMED };

static rwlock *rw_new(void *l)
{
    rwlock *x = weft__pt_new(l, WEFT__PT_RWLOCK, sizeof(rwlock), WEFT__O_OTHER, "rwlock");
    x->obj.units = 1;   /* free: what a wrlock waits for (set_holder keeps it) */
    return x;
}

static rwlock *rw_of(void *l)
{
    rwlock *x = weft__pt_find(l, WEFT__PT_RWLOCK);
    return x ? x : rw_new(l);
}

/* After a change: who holds it (for reports), and whether a wrlock could
   take it now (obj.units 1: can_write; WEFT__F_UNITS). */
static void set_holder(rwlock *x)
{
    weft__exec *ex = weft__ex;
    x->obj.units = x->writer == NULL && x->readers == 0;
    x->obj.holder = x->writer;
    for (int i = 0; !x->obj.holder && x->readers && i < ex->nthreads; i++)
        if (x->held[i])
            x->obj.holder = ex->threads[i];
}

static bool can_read(void *a)
{
    return ((rwlock *)a)->writer == NULL;
}

static bool can_write(void *a)
{
    const rwlock *x = a;
    return x->writer == NULL && x->readers == 0;
}

/* Steps that may fail: a try is a step that times out at once when the
   lock is taken (see lock.c). Returns 0, EBUSY or ETIMEDOUT. */
static int acquire(rwlock *x, bool write, int mode, const void *pc)
{
    static const weft__opdesc *const ops[2][3] = {
        {&OP_RDLOCK, &OP_TRYRDLOCK, &OP_TIMEDRDLOCK},
        {&OP_WRLOCK, &OP_TRYWRLOCK, &OP_TIMEDWRLOCK},
    };
    const weft__opdesc *op = ops[write][mode];
    weft__thread *me = weft__self();
    if (x->writer == me) {
        weft__op(op, x, 0, NULL, NULL, pc);
        weft__pt_misuse(pc, "%s of rwlock %s, which it holds for writing (POSIX: EDEADLK)",
                        op->verb, x->obj.name);
    }
    weft__pred ready = write ? can_write : can_read;
    if (mode == BLOCK) {
        /* a reader asking to write waits for itself: a deadlock, as in glibc */
        weft__op(op, x, 0, ready, x, pc);
    } else {
        bool ok = weft__op_timed(op, x, 0, ready, x, pc);
        weft__result(ok);
        if (!ok)
            return mode == TRY ? EBUSY : ETIMEDOUT;
    }
    weft__hb_acquire(x);
    if (write) {
        x->writer = me;
        weft__hb_acquire(&x->readers_out);
    } else {
        x->readers++;
        x->held[me->id]++;
    }
    set_holder(x);
    return 0;
}

static int unlock(rwlock *x, const void *pc)
{
    weft__thread *me = weft__self();
    weft__op(&OP_UNLOCK, x, 0, NULL, NULL, pc);
    if (x->writer == me) {
        x->writer = NULL;
        weft__hb_release(x);
    } else if (x->held[me->id]) {
        x->held[me->id]--;
        x->readers--;
        weft__hb_release(&x->readers_out);
    } else {
        weft__pt_misuse(pc, "unlocks rwlock %s, which it does not hold (POSIX: undefined)",
                        x->obj.name);
    }
    set_holder(x);
    return 0;
}

static int destroy(void *l, const void *pc)
{
    weft__exec *ex = weft__ex;
    rwlock *x = rw_of(l);
    weft__op(&OP_DESTROY, x, 0, NULL, NULL, pc);
    if (x->obj.holder)
        weft__pt_misuse(pc, "destroys rwlock %s while %s holds it (POSIX: EBUSY)", x->obj.name,
                        x->obj.holder == weft__self() ? "it" : weft__thread_name(x->obj.holder));
    for (int i = 0; i < ex->nthreads; i++) {
        weft__thread *t = ex->threads[i];
        if (t->state == WEFT__RUN && t != ex->cur && t->pend.obj == &x->obj)
            weft__pt_misuse(pc, "destroys rwlock %s while %s waits for it (POSIX: EBUSY)",
                            x->obj.name, weft__thread_name(t));
    }
    weft__pt_forget(l);
    return 0;
}

/* ---- the wrapped functions ------------------------------------------------------------ */

int __wrap_pthread_rwlock_init(pthread_rwlock_t *l, const pthread_rwlockattr_t *attr);
int __wrap_pthread_rwlock_destroy(pthread_rwlock_t *l);
int __wrap_pthread_rwlock_rdlock(pthread_rwlock_t *l);
int __wrap_pthread_rwlock_wrlock(pthread_rwlock_t *l);
int __wrap_pthread_rwlock_tryrdlock(pthread_rwlock_t *l);
int __wrap_pthread_rwlock_trywrlock(pthread_rwlock_t *l);
int __wrap_pthread_rwlock_timedrdlock(pthread_rwlock_t *l, const struct timespec *abstime);
int __wrap_pthread_rwlock_timedwrlock(pthread_rwlock_t *l, const struct timespec *abstime);
int __wrap_pthread_rwlock_clockrdlock(pthread_rwlock_t *l, clockid_t clock,
                                      const struct timespec *abstime);
int __wrap_pthread_rwlock_clockwrlock(pthread_rwlock_t *l, clockid_t clock,
                                      const struct timespec *abstime);
int __wrap_pthread_rwlock_unlock(pthread_rwlock_t *l);

#define ACTIVE weft__pt_active()

int __wrap_pthread_rwlock_init(pthread_rwlock_t *l, const pthread_rwlockattr_t *attr)
{
    if (!ACTIVE)
        return pthread_rwlock_init(l, attr);
    rw_new(l);
    return 0;
}

int __wrap_pthread_rwlock_destroy(pthread_rwlock_t *l)
{
    if (!ACTIVE)
        return pthread_rwlock_destroy(l);
    return destroy(l, PC);
}

int __wrap_pthread_rwlock_rdlock(pthread_rwlock_t *l)
{
    if (!ACTIVE)
        return pthread_rwlock_rdlock(l);
    return acquire(rw_of(l), false, BLOCK, PC);
}

int __wrap_pthread_rwlock_wrlock(pthread_rwlock_t *l)
{
    if (!ACTIVE)
        return pthread_rwlock_wrlock(l);
    return acquire(rw_of(l), true, BLOCK, PC);
}

int __wrap_pthread_rwlock_tryrdlock(pthread_rwlock_t *l)
{
    if (!ACTIVE)
        return pthread_rwlock_tryrdlock(l);
    return acquire(rw_of(l), false, TRY, PC);
}

int __wrap_pthread_rwlock_trywrlock(pthread_rwlock_t *l)
{
    if (!ACTIVE)
        return pthread_rwlock_trywrlock(l);
    return acquire(rw_of(l), true, TRY, PC);
}

int __wrap_pthread_rwlock_timedrdlock(pthread_rwlock_t *l, const struct timespec *abstime)
{
    if (!ACTIVE)
        return pthread_rwlock_timedrdlock(l, abstime);
    return acquire(rw_of(l), false, TIMED, PC);
}

int __wrap_pthread_rwlock_timedwrlock(pthread_rwlock_t *l, const struct timespec *abstime)
{
    if (!ACTIVE)
        return pthread_rwlock_timedwrlock(l, abstime);
    return acquire(rw_of(l), true, TIMED, PC);
}

int __wrap_pthread_rwlock_clockrdlock(pthread_rwlock_t *l, clockid_t clock,
                                      const struct timespec *abstime)
{
    if (!ACTIVE)
        return pthread_rwlock_clockrdlock(l, clock, abstime);
    return acquire(rw_of(l), false, TIMED, PC);
}

int __wrap_pthread_rwlock_clockwrlock(pthread_rwlock_t *l, clockid_t clock,
                                      const struct timespec *abstime)
{
    if (!ACTIVE)
        return pthread_rwlock_clockwrlock(l, clock, abstime);
    return acquire(rw_of(l), true, TIMED, PC);
}

int __wrap_pthread_rwlock_unlock(pthread_rwlock_t *l)
{
    if (!ACTIVE)
        return pthread_rwlock_unlock(l);
    return unlock(rw_of(l), PC);
}
