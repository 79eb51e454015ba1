/*
** pthread_barrier.c: pthread barriers. Each phase waits for `count`
** threads; the last to arrive gets PTHREAD_BARRIER_SERIAL_THREAD (as in
** glibc) and the others 0. Everything done before the phase's arrivals
** happens before everything after its departures: a clock per phase, two
** in turn, since a phase cannot complete before every thread left the
** one before it.
*/
#include <errno.h>

#include "pthread_int.h"

#define PC __builtin_return_address(0)

typedef struct barrier {
    weft__obj obj;
    weft__obj sync[2];           /* not registered: the clocks of even and odd phases */
    unsigned count;              /* 0: never initialized */
    unsigned arrived;            /* in the current phase */
    unsigned long phase;
} barrier;

typedef struct passing {
    barrier *b;
    unsigned long phase;         /* the phase the waiter arrived in */
} passing;

static const weft__opdesc OP_WAIT = {"barrier_wait", 0};
static const weft__opdesc OP_PASS = {"barrier_pass", 0};
static const weft__opdesc OP_DESTROY = {"destroy", 0};

static barrier *bar_of(void *b)
{
    barrier *x = weft__pt_find(b, WEFT__PT_BARRIER);
    return x ? x : weft__pt_new(b, WEFT__PT_BARRIER, sizeof *x, WEFT__O_BARRIER, "barrier");
}

static bool passed(void *a)
{
    const passing *w = a;
    return w->b->phase != w->phase;
}

static int bar_wait(barrier *x, const void *pc)
{
    weft__op(&OP_WAIT, x, 0, NULL, NULL, pc);
    if (!x->count)
        weft__pt_misuse(pc, "waits on barrier %s, which was not initialized (POSIX: undefined)",
                        x->obj.name);
    passing w = {x, x->phase};
    weft__obj *sync = &x->sync[w.phase & 1];
    weft__hb_release(sync);
    if (++x->arrived == x->count) {
        x->arrived = 0;
        x->phase++;
        x->sync[x->phase & 1].clock = NULL;   /* its phase's threads have all left */
        weft__hb_acquire(sync);
        return PTHREAD_BARRIER_SERIAL_THREAD;
    }
    weft__op(&OP_PASS, x, 0, passed, &w, pc);
    weft__hb_acquire(sync);
    return 0;
}

int __wrap_pthread_barrier_init(pthread_barrier_t *b, const pthread_barrierattr_t *attr,
                                unsigned count);
int __wrap_pthread_barrier_destroy(pthread_barrier_t *b);
int __wrap_pthread_barrier_wait(pthread_barrier_t *b);

#define ACTIVE weft__pt_active()

int __wrap_pthread_barrier_init(pthread_barrier_t *b, const pthread_barrierattr_t *attr,
                                unsigned count)
{
    if (!ACTIVE)
        return pthread_barrier_init(b, attr, count);
    if (count == 0)
        return EINVAL;
    barrier *x = weft__pt_new(b, WEFT__PT_BARRIER, sizeof *x, WEFT__O_BARRIER, "barrier");
    x->count = count;
    return 0;
}

int __wrap_pthread_barrier_destroy(pthread_barrier_t *b)
{
    if (!ACTIVE)
        return pthread_barrier_destroy(b);
    const void *pc = PC;
    barrier *x = bar_of(b);
    weft__op(&OP_DESTROY, x, 0, NULL, NULL, pc);
    if (x->arrived)
        weft__pt_misuse(pc, "destroys barrier %s while %u thread%s wait%s on it (POSIX: EBUSY)",
                        x->obj.name, x->arrived, x->arrived == 1 ? "" : "s",
                        x->arrived == 1 ? "s" : "");
    weft__pt_forget(b);
    return 0;
}

int __wrap_pthread_barrier_wait(pthread_barrier_t *b)
{
    if (!ACTIVE)
        return pthread_barrier_wait(b);
    return bar_wait(bar_of(b), PC);
}
