/*
** pthread_mutex.c: pthread mutexes (normal, recursive, errorcheck) and spin
** locks. An owner and a count: a normal mutex locked again by its owner
** waits for itself (a deadlock, as in glibc); unlocking a mutex the caller
** does not hold is a misuse finding for every type.
*/
#include <errno.h>
#include <time.h>

#include "pthread_int.h"

#define PC __builtin_return_address(0)

static const weft__opdesc OP_LOCK = {"lock", 0};
static const weft__opdesc OP_TRYLOCK = {"trylock", WEFT__F_RES};
static const weft__opdesc OP_TIMEDLOCK = {"timedlock", WEFT__F_RES};
static const weft__opdesc OP_UNLOCK = {"unlock", 0};
static const weft__opdesc OP_DESTROY = {"destroy", 0};

static const char *type_name(const weft__pt_mutex *x)
{
    return x->spin ? "spin lock" : "mutex";
}

weft__pt_mutex *weft__pt_mutex_init(void *m, int type, bool spin)
{
    weft__pt_mutex *x = weft__pt_new(m, spin ? WEFT__PT_SPIN : WEFT__PT_MUTEX, sizeof *x,
                                     WEFT__O_LOCK, spin ? "spinlock" : "mutex");
    x->type = type;
    x->spin = spin;
    return x;
}

/* A mutex weft has not seen in this execution: statically initialized (or
   initialized before weft ran, by glibc), so its type is in glibc's bytes:
   __kind's low bits are PTHREAD_MUTEX_{TIMED,RECURSIVE,ERRORCHECK,ADAPTIVE}_NP,
   and -1 after pthread_mutex_destroy. */
weft__pt_mutex *weft__pt_mutex_of(void *m, const void *pc)
{
    weft__pt_mutex *x = weft__pt_find(m, WEFT__PT_MUTEX);
    if (x)
        return x;
    int kind = ((pthread_mutex_t *)m)->__data.__kind;
    if (kind == -1) {
        char name[64];
        weft__pt_misuse(pc, "uses mutex %s after pthread_mutex_destroy (POSIX: undefined)",
                        weft__mem_name((uintptr_t)m, name, sizeof name));
    }
    int type = (kind & 3) == PTHREAD_MUTEX_RECURSIVE ? PTHREAD_MUTEX_RECURSIVE
             : (kind & 3) == PTHREAD_MUTEX_ERRORCHECK ? PTHREAD_MUTEX_ERRORCHECK
             : PTHREAD_MUTEX_NORMAL;
    return weft__pt_mutex_init(m, type, false);
}

static weft__pt_mutex *spin_of(void *s)
{
    weft__pt_mutex *x = weft__pt_find(s, WEFT__PT_SPIN);
    return x ? x : weft__pt_mutex_init(s, PTHREAD_MUTEX_NORMAL, true);
}

bool weft__pt_mutex_free(void *x)
{
    return ((weft__pt_mutex *)x)->obj.holder == NULL;
}

void weft__pt_mutex_take(weft__pt_mutex *x, int count)
{
    WEFT_ASSERT(!x->obj.holder);
    x->obj.holder = weft__self();
    x->count = count;
    weft__hb_acquire(x);
}

static _Noreturn void relock(weft__pt_mutex *x, const void *pc)
{
    weft__pt_misuse(pc, "locks errorcheck mutex %s, which it holds already (POSIX: EDEADLK)",
                    x->obj.name);
}

int weft__pt_mutex_lock(weft__pt_mutex *x, const void *pc)
{
    if (x->obj.holder == weft__self() && x->type != PTHREAD_MUTEX_NORMAL) {
        weft__op(&OP_LOCK, x, 0, NULL, NULL, pc);
        if (x->type == PTHREAD_MUTEX_ERRORCHECK)
            relock(x, pc);
        x->count++;
        return 0;
    }
    /* a normal mutex's owner waits here for itself, forever */
    weft__op(&OP_LOCK, x, 0, weft__pt_mutex_free, x, pc);
    weft__pt_mutex_take(x, 1);
    return 0;
}

/* A step that times out at once if the mutex is taken (see lock.c): a
   failed attempt counts as no progress, so a retry loop lets others run. */
int weft__pt_mutex_trylock(weft__pt_mutex *x, bool timed, const void *pc)
{
    const weft__opdesc *op = timed ? &OP_TIMEDLOCK : &OP_TRYLOCK;
    if (x->obj.holder == weft__self() && x->type != PTHREAD_MUTEX_NORMAL) {
        weft__op(op, x, 0, NULL, NULL, pc);
        if (x->type == PTHREAD_MUTEX_ERRORCHECK) {
            if (timed)
                relock(x, pc);
            weft__result(0);
            return EBUSY;
        }
        x->count++;
        weft__result(1);
        return 0;
    }
    bool ok = weft__op_timed(op, x, 0, weft__pt_mutex_free, x, pc);
    weft__result(ok);
    if (!ok)
        return timed ? ETIMEDOUT : EBUSY;
    weft__pt_mutex_take(x, 1);
    return 0;
}

int weft__pt_mutex_unlock(weft__pt_mutex *x, const void *pc)
{
    weft__thread *me = weft__self();
    weft__op(&OP_UNLOCK, x, 0, NULL, NULL, pc);
    if (x->obj.holder != me) {
        const char *posix = x->spin ? "POSIX: undefined"
            : "POSIX: EPERM for errorcheck and recursive mutexes, undefined for normal ones";
        if (!x->obj.holder)
            weft__pt_misuse(pc, "unlocks %s %s, which is not locked (%s)", type_name(x),
                            x->obj.name, posix);
        weft__pt_misuse(pc, "unlocks %s %s, which %s holds (%s)", type_name(x), x->obj.name,
                        weft__thread_name(x->obj.holder), posix);
    }
    if (--x->count == 0) {
        x->obj.holder = NULL;
        weft__hb_release(x);
    }
    return 0;
}

int weft__pt_mutex_destroy(void *m, bool spin, const void *pc)
{
    weft__exec *ex = weft__ex;
    weft__pt_mutex *x = spin ? spin_of(m) : weft__pt_mutex_of(m, pc);
    weft__op(&OP_DESTROY, x, 0, NULL, NULL, pc);
    if (x->obj.holder)
        weft__pt_misuse(pc, "destroys %s %s while %s holds it (POSIX: EBUSY)", type_name(x),
                        x->obj.name, x->obj.holder == weft__self() ? "it"
                                     : weft__thread_name(x->obj.holder));
    for (int i = 0; i < ex->nthreads; i++) {
        weft__thread *t = ex->threads[i];
        if (t->state == WEFT__RUN && t != ex->cur && t->pend.obj == &x->obj)
            weft__pt_misuse(pc, "destroys %s %s while %s waits for it (POSIX: EBUSY)",
                            type_name(x), x->obj.name, weft__thread_name(t));
    }
    weft__pt_forget(m);
    if (!spin)
        ((pthread_mutex_t *)m)->__data.__kind = -1;   /* as glibc marks it */
    return 0;
}

/* ---- the wrapped functions ---------------------------------------------------------- */

int __wrap_pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *attr);
int __wrap_pthread_mutex_destroy(pthread_mutex_t *m);
int __wrap_pthread_mutex_lock(pthread_mutex_t *m);
int __wrap_pthread_mutex_trylock(pthread_mutex_t *m);
int __wrap_pthread_mutex_timedlock(pthread_mutex_t *m, const struct timespec *abstime);
int __wrap_pthread_mutex_clocklock(pthread_mutex_t *m, clockid_t clock,
                                   const struct timespec *abstime);
int __wrap_pthread_mutex_unlock(pthread_mutex_t *m);
int __wrap_pthread_mutex_consistent(pthread_mutex_t *m);
int __wrap_pthread_spin_init(pthread_spinlock_t *s, int pshared);
int __wrap_pthread_spin_destroy(pthread_spinlock_t *s);
int __wrap_pthread_spin_lock(pthread_spinlock_t *s);
int __wrap_pthread_spin_trylock(pthread_spinlock_t *s);
int __wrap_pthread_spin_unlock(pthread_spinlock_t *s);

#define ACTIVE weft__pt_active()

int __wrap_pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *attr)
{
    if (!ACTIVE)
        return pthread_mutex_init(m, attr);
    int type = PTHREAD_MUTEX_NORMAL;
    if (attr)
        pthread_mutexattr_gettype(attr, &type);
    if (type != PTHREAD_MUTEX_RECURSIVE && type != PTHREAD_MUTEX_ERRORCHECK)
        type = PTHREAD_MUTEX_NORMAL;   /* DEFAULT and ADAPTIVE behave as NORMAL in glibc */
    weft__pt_mutex_init(m, type, false);
    return 0;
}

int __wrap_pthread_mutex_destroy(pthread_mutex_t *m)
{
    if (!ACTIVE)
        return pthread_mutex_destroy(m);
    return weft__pt_mutex_destroy(m, false, PC);
}

int __wrap_pthread_mutex_lock(pthread_mutex_t *m)
{
    if (!ACTIVE)
        return pthread_mutex_lock(m);
    const void *pc = PC;
    return weft__pt_mutex_lock(weft__pt_mutex_of(m, pc), pc);
}

int __wrap_pthread_mutex_trylock(pthread_mutex_t *m)
{
    if (!ACTIVE)
        return pthread_mutex_trylock(m);
    const void *pc = PC;
    return weft__pt_mutex_trylock(weft__pt_mutex_of(m, pc), false, pc);
}

int __wrap_pthread_mutex_timedlock(pthread_mutex_t *m, const struct timespec *abstime)
{
    if (!ACTIVE)
        return pthread_mutex_timedlock(m, abstime);
    const void *pc = PC;
    return weft__pt_mutex_trylock(weft__pt_mutex_of(m, pc), true, pc);
}

int __wrap_pthread_mutex_clocklock(pthread_mutex_t *m, clockid_t clock,
                                   const struct timespec *abstime)
{
    if (!ACTIVE)
        return pthread_mutex_clocklock(m, clock, abstime);
    const void *pc = PC;
    return weft__pt_mutex_trylock(weft__pt_mutex_of(m, pc), true, pc);
}

int __wrap_pthread_mutex_unlock(pthread_mutex_t *m)
{
    if (!ACTIVE)
        return pthread_mutex_unlock(m);
    const void *pc = PC;
    return weft__pt_mutex_unlock(weft__pt_mutex_of(m, pc), pc);
}

/* Robust mutexes: no owner ever dies holding one under weft (a thread's end
   with a mutex held leaves it held), so there is never anything to repair. */
int __wrap_pthread_mutex_consistent(pthread_mutex_t *m)
{
    if (!ACTIVE)
        return pthread_mutex_consistent(m);
    return EINVAL;
}

int __wrap_pthread_spin_init(pthread_spinlock_t *s, int pshared)
{
    if (!ACTIVE)
        return pthread_spin_init(s, pshared);
    weft__pt_mutex_init((void *)s, PTHREAD_MUTEX_NORMAL, true);
    return 0;
}

int __wrap_pthread_spin_destroy(pthread_spinlock_t *s)
{
    if (!ACTIVE)
        return pthread_spin_destroy(s);
    return weft__pt_mutex_destroy((void *)s, true, PC);
}

/* A spin lock is explored as a lock that blocks: spinning is waiting,
   without a step per turn of the loop. */
int __wrap_pthread_spin_lock(pthread_spinlock_t *s)
{
    if (!ACTIVE)
        return pthread_spin_lock(s);
    return weft__pt_mutex_lock(spin_of((void *)s), PC);
}

int __wrap_pthread_spin_trylock(pthread_spinlock_t *s)
{
    if (!ACTIVE)
        return pthread_spin_trylock(s);
    return weft__pt_mutex_trylock(spin_of((void *)s), false, PC);
}

int __wrap_pthread_spin_unlock(pthread_spinlock_t *s)
{
    if (!ACTIVE)
        return pthread_spin_unlock(s);
    return weft__pt_mutex_unlock(spin_of((void *)s), PC);
}
