/*
** pthread_sem.c: POSIX unnamed semaphores (sem_t), a counter. Which waiter
** gets a posted unit is not specified, so any blocked sem_wait may take it.
** Errors come back as -1 and errno, as in POSIX.
*/
#include <errno.h>
#include <limits.h>
#include <semaphore.h>
#include <string.h>
#include <time.h>

#include "pthread_int.h"

#define PC __builtin_return_address(0)

typedef struct sem {
    weft__obj obj;              /* its value is obj.units */
} sem;

static const weft__opdesc OP_WAIT = {"sem_wait", WEFT__F_UNITS};
static const weft__opdesc OP_TRYWAIT = {"sem_trywait", WEFT__F_RES};
static const weft__opdesc OP_TIMEDWAIT = {"sem_timedwait", WEFT__F_RES};
static const weft__opdesc OP_POST = {"sem_post", 0};
static const weft__opdesc OP_GETVALUE = {"sem_getvalue", WEFT__F_READS | WEFT__F_RES};
static const weft__opdesc OP_DESTROY = {"sem_destroy", 0};

static sem *sem_new(void *s, unsigned value)
{
    sem *x = weft__pt_new(s, WEFT__PT_SEM, sizeof *x, WEFT__O_SEM, "sem");
    x->obj.units = (int)value;
    return x;
}

/* Not initialized in this execution: the value is in glibc's bytes (the low
   32 bits of its first word), zero for a zeroed sem_t. */
static sem *sem_of(void *s)
{
    sem *x = weft__pt_find(s, WEFT__PT_SEM);
    unsigned v;
    if (x)
        return x;
    memcpy(&v, s, sizeof v);
    return sem_new(s, v & (unsigned)SEM_VALUE_MAX);
}

static bool positive(void *a)
{
    return ((sem *)a)->obj.units > 0;
}

/* mode 0 waits, 1 tries (EAGAIN), 2 waits with a deadline (ETIMEDOUT) */
static int sem_down(sem *x, int mode, const void *pc)
{
    if (mode == 0) {
        weft__op(&OP_WAIT, x, 0, positive, x, pc);
    } else {
        bool ok = weft__op_timed(mode == 1 ? &OP_TRYWAIT : &OP_TIMEDWAIT, x, 0, positive, x, pc);
        weft__result(ok);
        if (!ok) {
            errno = mode == 1 ? EAGAIN : ETIMEDOUT;
            return -1;
        }
    }
    x->obj.units--;
    weft__hb_acquire(x);
    return 0;
}

int __wrap_sem_init(sem_t *s, int pshared, unsigned value);
int __wrap_sem_destroy(sem_t *s);
int __wrap_sem_wait(sem_t *s);
int __wrap_sem_trywait(sem_t *s);
int __wrap_sem_timedwait(sem_t *s, const struct timespec *abstime);
int __wrap_sem_clockwait(sem_t *s, clockid_t clock, const struct timespec *abstime);
int __wrap_sem_post(sem_t *s);
int __wrap_sem_getvalue(sem_t *s, int *value);

#define ACTIVE weft__pt_active()

int __wrap_sem_init(sem_t *s, int pshared, unsigned value)
{
    if (!ACTIVE)
        return sem_init(s, pshared, value);
    if (value > SEM_VALUE_MAX) {
        errno = EINVAL;
        return -1;
    }
    sem_new(s, value);
    return 0;
}

int __wrap_sem_destroy(sem_t *s)
{
    if (!ACTIVE)
        return sem_destroy(s);
    weft__exec *ex = weft__ex;
    const void *pc = PC;
    sem *x = sem_of(s);
    weft__op(&OP_DESTROY, x, 0, NULL, NULL, pc);
    for (int i = 0; i < ex->nthreads; i++) {
        weft__thread *t = ex->threads[i];
        if (t->state == WEFT__RUN && t != ex->cur && t->pend.obj == &x->obj)
            weft__pt_misuse(pc, "destroys semaphore %s while %s waits on it (POSIX: undefined)",
                            x->obj.name, weft__thread_name(t));
    }
    weft__pt_forget(s);
    return 0;
}

int __wrap_sem_wait(sem_t *s)
{
    if (!ACTIVE)
        return sem_wait(s);
    return sem_down(sem_of(s), 0, PC);
}

int __wrap_sem_trywait(sem_t *s)
{
    if (!ACTIVE)
        return sem_trywait(s);
    return sem_down(sem_of(s), 1, PC);
}

int __wrap_sem_timedwait(sem_t *s, const struct timespec *abstime)
{
    if (!ACTIVE)
        return sem_timedwait(s, abstime);
    return sem_down(sem_of(s), 2, PC);
}

int __wrap_sem_clockwait(sem_t *s, clockid_t clock, const struct timespec *abstime)
{
    if (!ACTIVE)
        return sem_clockwait(s, clock, abstime);
    return sem_down(sem_of(s), 2, PC);
}

int __wrap_sem_post(sem_t *s)
{
    if (!ACTIVE)
        return sem_post(s);
    sem *x = sem_of(s);
    weft__op(&OP_POST, x, 0, NULL, NULL, PC);
    if (x->obj.units >= SEM_VALUE_MAX) {
        errno = EOVERFLOW;
        return -1;
    }
    x->obj.units++;
    weft__hb_release(x);
    return 0;
}

int __wrap_sem_getvalue(sem_t *s, int *value)
{
    if (!ACTIVE)
        return sem_getvalue(s, value);
    sem *x = sem_of(s);
    weft__op(&OP_GETVALUE, x, 0, NULL, NULL, PC);
    weft__result(x->obj.units);
    *value = x->obj.units;
    return 0;
}
