/*
** pthread.c: POSIX threads for unmodified C programs: the per-execution map
** from pthread objects to weft's, thread create/join/detach/exit with their
** attributes, keys with destructors, pthread_once, cleanup handlers, and
** sched_yield, sleep and friends as points where other threads run.
*/
#include <dlfcn.h>
#include <errno.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pthread_int.h"

#define PC __builtin_return_address(0)

static const weft__opdesc OP_JOIN = {"join", WEFT__F_READS | WEFT__F_JOIN};
static const weft__opdesc OP_TRYJOIN = {"tryjoin", WEFT__F_READS | WEFT__F_RES};
static const weft__opdesc OP_TIMEDJOIN = {"timedjoin", WEFT__F_READS | WEFT__F_RES};
static const weft__opdesc OP_DETACH = {"detach", 0};
static const weft__opdesc OP_ONCE = {"once", WEFT__F_UNITS};
static const weft__opdesc OP_ONCE_DONE = {"once_done", 0};
static const weft__opdesc OP_SCHED_YIELD = {"sched_yield", WEFT__F_YIELD | WEFT__F_LOCAL};
static const weft__opdesc OP_SLEEP = {"sleep", WEFT__F_YIELD | WEFT__F_LOCAL};
static const weft__opdesc OP_PAUSE = {"pause", 0};

/* ---- per-execution state ------------------------------------------------------ */

weft__pt_exec *weft__pt_exec_get(void)
{
    weft__thread *m = weft__ex->threads[0];
    if (!m->user) {
        weft__pt_exec *x = weft__alloc(sizeof *x);
        x->main.t = m;
        x->main.spurious_ev = -1;
        m->user = &x->main;
    }
    return (weft__pt_exec *)m->user;
}

weft__pt_thread *weft__pt_of(weft__thread *t)
{
    if (t->user)
        return t->user;
    if (t->id == 0)
        return &weft__pt_exec_get()->main;
    /* a thread weft_spawn started: it gets a record when it first needs one */
    weft__pt_thread *p = weft__alloc(sizeof *p);
    p->t = t;
    p->spurious_ev = -1;
    t->user = p;
    return p;
}

weft__pt_thread *weft__pt_self(void)
{
    return weft__pt_of(weft__ex->cur);
}

weft__thread *weft__pt_thread_of(unsigned long id)
{
    weft__exec *ex = weft__ex;
    if (id == 0 || id > (unsigned long)ex->nthreads)
        return NULL;
    return ex->threads[id - 1];
}

_Noreturn void weft__pt_misuse(const void *pc, const char *fmt, ...)
{
    char msg[900];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    weft__fail(WEFT__MISUSE, pc, "%s: %s", weft__thread_name(weft__ex->cur), msg);
}

void weft__pt_relabel(const weft__opdesc *op, bool timed_out)
{
    weft__exec *ex = weft__ex;
    weft__event *e = &ex->events[ex->cur->last_ev];
    e->op = op;
    if (!timed_out)
        e->flags &= (uint8_t)~WEFT__E_TIMEOUT;
}

/* ---- the map: pthread object address -> weft object ---------------------------- */

static uint64_t slot_hash(const void *addr, int space)
{
    uint64_t h = ((uintptr_t)addr ^ ((uint64_t)space << 48)) * 0x9E3779B97F4A7C15ull;
    return h >> 29;
}

/* The model's globals are per address space (Process); the heap and the
   stacks are not. */
static int space_of(const void *addr)
{
    int sp = weft__ex->cur->space;
    return sp && weft__mem_is_global((uintptr_t)addr) ? sp : 0;
}

static weft__pt_slot *probe(weft__pt_exec *x, const void *addr, int space)
{
    if (!x->cap)
        return NULL;
    for (uint64_t h = slot_hash(addr, space);; h++) {
        weft__pt_slot *s = &x->map[h & (uint64_t)(x->cap - 1)];
        if (!s->addr || (s->addr == addr && s->space == space))
            return s;
    }
}

static void grow(weft__pt_exec *x)
{
    int cap = x->cap ? 2 * x->cap : 64;
    weft__pt_slot *old = x->map;
    int n = x->cap;
    x->map = weft__alloc(sizeof *x->map * (size_t)cap);
    x->cap = cap;
    x->used = 0;
    for (int i = 0; i < n; i++) {
        if (!old[i].addr || !old[i].obj)
            continue;
        *probe(x, old[i].addr, old[i].space) = old[i];
        x->used++;
    }
}

void *weft__pt_find(const void *addr, int kind)
{
    weft__pt_exec *x = weft__pt_exec_get();
    weft__pt_slot *s = probe(x, addr, space_of(addr));
    return s && s->addr && s->kind == kind ? s->obj : NULL;
}

void *weft__pt_new(const void *addr, int kind, size_t size, int okind, const char *kname)
{
    weft__pt_exec *x = weft__pt_exec_get();
    char name[WEFT__NAME];
    const char *nm = NULL;
    if (weft__mem_is_global((uintptr_t)addr))
        nm = weft__sym_data((uintptr_t)addr, name, sizeof name);
    void *o = weft__obj_new(size, okind, kname, nm);
    int space = space_of(addr);
    if ((x->used + 1) * 2 > x->cap)
        grow(x);
    weft__pt_slot *s = probe(x, addr, space);
    if (!s->addr)
        x->used++;
    *s = (weft__pt_slot){addr, space, kind, o};
    return o;
}

void weft__pt_forget(const void *addr)
{
    weft__pt_exec *x = weft__pt_exec_get();
    weft__pt_slot *s = probe(x, addr, space_of(addr));
    if (s && s->addr) {
        s->kind = 0;
        s->obj = NULL;
    }
}

/* ---- keys ------------------------------------------------------------------------------ */

int weft__pt_key_create(unsigned *key, void (*dtor)(void *))
{
    weft__pt_exec *x = weft__pt_exec_get();
    weft__exec *ex = weft__ex;
    for (unsigned k = 0; k < WEFT__PT_KEYS; k++) {
        if (x->keys[k].used)
            continue;
        x->keys[k].used = true;
        x->keys[k].dtor = dtor;
        /* a new key starts NULL in every thread, whatever a deleted one left */
        for (int i = 0; i < ex->nthreads; i++) {
            weft__pt_thread *p = ex->threads[i]->user;
            if (p && p->keys)
                p->keys[k] = NULL;
        }
        *key = k;
        return 0;
    }
    return EAGAIN;
}

int weft__pt_key_delete(unsigned key)
{
    weft__pt_exec *x = weft__pt_exec_get();
    if (key >= WEFT__PT_KEYS || !x->keys[key].used)
        return EINVAL;
    x->keys[key].used = false;
    x->keys[key].dtor = NULL;
    return 0;
}

void *weft__pt_key_get(unsigned key)
{
    weft__pt_exec *x = weft__pt_exec_get();
    weft__pt_thread *p = weft__pt_self();
    if (key >= WEFT__PT_KEYS || !x->keys[key].used || !p->keys)
        return NULL;
    return p->keys[key];
}

int weft__pt_key_set(unsigned key, const void *v)
{
    weft__pt_exec *x = weft__pt_exec_get();
    weft__pt_thread *p = weft__pt_self();
    if (key >= WEFT__PT_KEYS || !x->keys[key].used)
        return EINVAL;
    if (!p->keys)
        p->keys = weft__alloc(sizeof *p->keys * WEFT__PT_KEYS);
    p->keys[key] = (void *)v;
    return 0;
}

/* POSIX: at thread exit, each non-NULL value with a destructor is set to
   NULL and the destructor called with it; repeated while destructors set
   new values, at most PTHREAD_DESTRUCTOR_ITERATIONS rounds. */
static void run_destructors(weft__pt_thread *p)
{
    weft__pt_exec *x = weft__pt_exec_get();
    for (int round = 0; round < WEFT__PT_DTOR_ROUNDS && p->keys; round++) {
        bool any = false;
        for (unsigned k = 0; k < WEFT__PT_KEYS; k++) {
            void *v = p->keys[k];
            if (!v || !x->keys[k].used || !x->keys[k].dtor)
                continue;
            p->keys[k] = NULL;
            x->keys[k].dtor(v);
            any = true;
        }
        if (!any)
            break;
    }
}

/* ---- threads ----------------------------------------------------------------------------- */

/* What every pthread and C11 thread runs: the routine, then its end. The
   scheduler's thread_main ends the thread when this returns. */
static void trampoline(void *arg)
{
    weft__pt_thread *p = arg;
    void *ret = p->start ? p->start(p->arg) : (void *)(intptr_t)p->start_c11(p->arg);
    p->retval = ret;
    run_destructors(p);
}

int weft__pt_create(unsigned long *id, bool detached, void *(*start)(void *),
                    int (*start_c11)(void *), void *arg, const void *pc)
{
    weft__exec *ex = weft__ex;
    weft__pt_exec *x = weft__pt_exec_get();
    const void *fn = start ? (const void *)start : (const void *)start_c11;
    if (!fn)
        weft__pt_misuse(pc, "starts a thread with a NULL start routine");
    weft__pt_thread *p = weft__alloc(sizeof *p);
    p->start = start;
    p->start_c11 = start_c11;
    p->arg = arg;
    p->detached = detached;
    p->spurious_ev = -1;
    /* POSIX: once there are threads, returning from main ends the process */
    if (!x->main_gone && !ex->opt->keep_threads)
        ex->main_exits = true;
    weft__rare_update(ex);
    weft__thread *t = weft__spawn(trampoline, p, fn, NULL, false, pc);
    p->t = t;
    t->user = p;
    *id = (unsigned long)t->id + 1;
    return 0;
}

static bool finished(void *a)
{
    return ((weft__thread *)a)->state == WEFT__DONE;
}

/* ticks < 0: join; 0: tryjoin (EBUSY); > 0: timed (ETIMEDOUT). */
int weft__pt_join(unsigned long id, void **retval, int ticks, const void *pc)
{
    weft__thread *t = weft__pt_thread_of(id);
    const weft__opdesc *op = ticks < 0 ? &OP_JOIN : ticks == 0 ? &OP_TRYJOIN : &OP_TIMEDJOIN;
    if (!t || t == weft__self()) {
        weft__op(op, t, 0, NULL, NULL, pc);
        if (!t)
            weft__pt_misuse(pc, "joins thread %lu, which does not exist (POSIX: ESRCH)", id);
        weft__pt_misuse(pc, "joins itself: it would wait forever (POSIX: EDEADLK)");
    }
    weft__pt_thread *p = weft__pt_of(t);
    if (ticks < 0) {
        weft__op(op, t, 0, finished, t, pc);
    } else {
        bool done = weft__op_timed(op, t, ticks, finished, t, pc);
        weft__result(done);
        if (!done)
            return ticks == 0 ? EBUSY : ETIMEDOUT;
    }
    if (p->detached)
        weft__pt_misuse(pc, "joins %s, which is detached (POSIX: EINVAL)", weft__thread_name(t));
    if (p->joined)
        weft__pt_misuse(pc, "joins %s, which was joined already (POSIX: undefined)",
                        weft__thread_name(t));
    p->joined = true;
    weft__hb_acquire(t);
    if (retval)
        *retval = p->retval;
    return 0;
}

int weft__pt_detach(unsigned long id, const void *pc)
{
    weft__thread *t = weft__pt_thread_of(id);
    weft__op(&OP_DETACH, t, 0, NULL, NULL, pc);
    if (!t)
        weft__pt_misuse(pc, "detaches thread %lu, which does not exist (POSIX: ESRCH)", id);
    weft__pt_thread *p = weft__pt_of(t);
    if (p->detached)
        weft__pt_misuse(pc, "detaches %s, which is detached already (POSIX: EINVAL)",
                        weft__thread_name(t));
    if (p->joined)
        weft__pt_misuse(pc, "detaches %s, which was joined already (POSIX: undefined)",
                        weft__thread_name(t));
    p->detached = true;
    return 0;
}

/* The end of pthread_exit, once the cleanup handlers have run. From main,
   the other threads keep the process alive: the execution goes on until
   they end (POSIX). */
static _Noreturn void exit_now(weft__pt_thread *p)
{
    p->exiting = false;
    run_destructors(p);
    if (p->t->id == 0) {
        weft__pt_exec_get()->main_gone = true;
        weft__ex->main_exits = false;
        weft__rare_update(weft__ex);
    }
    weft__thread_exit();
}

/* Run the innermost cleanup handler: jump into the pthread_cleanup_push
   that registered it, which calls the handler and then
   __pthread_unwind_next, which comes back here for the next one. */
static _Noreturn void unwind(weft__pt_thread *p)
{
    if (p->ncleanup == 0)
        exit_now(p);
    __pthread_unwind_buf_t *b = p->cleanup[--p->ncleanup];
    /* glibc jumps there the same way; the buffer is shorter than a
       sigjmp_buf, but the part after it (the signal mask) is not read
       since __mask_was_saved is 0. Through a volatile pointer, so that the
       compiler does not warn about that difference. */
    void *volatile env = b->__cancel_jmp_buf;
    siglongjmp(env, 1);
}

_Noreturn void weft__pt_exit(void *retval)
{
    weft__pt_thread *p = weft__pt_self();
    p->retval = retval;
    p->exiting = true;
    unwind(p);
}

void weft__pt_yield(bool sleep, const void *pc)
{
    weft__op(sleep ? &OP_SLEEP : &OP_SCHED_YIELD, NULL, 0, NULL, NULL, pc);
}

/* ---- once ------------------------------------------------------------------------------
   The first caller runs the routine; the others wait until it has
   returned ("once_done"), and then see what it did. */
typedef struct once {
    weft__obj obj;               /* obj.holder: the thread running the routine;
                                    obj.units: 1 unless it runs (once_settled) */
    int state;                   /* 0 not run, 1 running, 2 done */
} once;

static bool once_settled(void *a)
{
    return ((once *)a)->state != 1;
}

int weft__pt_once(int *flag, void (*fn)(void), const void *pc)
{
    once *o = weft__pt_find(flag, WEFT__PT_ONCE);
    if (!o) {
        o = weft__pt_new(flag, WEFT__PT_ONCE, sizeof *o, WEFT__O_OTHER, "once");
        o->state = (*flag & 2) ? 2 : 0;   /* glibc's __PTHREAD_ONCE_DONE: ran before */
        o->obj.units = 1;
    }
    weft__op(&OP_ONCE, o, 0, once_settled, o, pc);
    if (o->state == 2) {
        weft__hb_acquire(o);
        return 0;
    }
    o->state = 1;
    o->obj.units = 0;
    o->obj.holder = weft__self();
    fn();
    weft__op(&OP_ONCE_DONE, o, 0, NULL, NULL, pc);
    o->state = 2;
    o->obj.units = 1;
    o->obj.holder = NULL;
    weft__hb_release(o);
    return 0;
}

/* ---- the wrapped functions -------------------------------------------------------------- */

int __wrap_pthread_join(pthread_t th, void **retval);
int __wrap_pthread_tryjoin_np(pthread_t th, void **retval);
int __wrap_pthread_timedjoin_np(pthread_t th, void **retval, const struct timespec *abstime);
int __wrap_pthread_clockjoin_np(pthread_t th, void **retval, clockid_t clock,
                                const struct timespec *abstime);
int __wrap_pthread_detach(pthread_t th);
void __wrap_pthread_exit(void *retval) __attribute__((noreturn));
pthread_t __wrap_pthread_self(void);
int __wrap_pthread_equal(pthread_t a, pthread_t b);
int __wrap_pthread_once(pthread_once_t *once, void (*fn)(void));
int __wrap_pthread_key_create(pthread_key_t *key, void (*dtor)(void *));
int __wrap_pthread_key_delete(pthread_key_t key);
void *__wrap_pthread_getspecific(pthread_key_t key);
int __wrap_pthread_setspecific(pthread_key_t key, const void *v);
int __wrap_sched_yield(void);
int __wrap_pthread_yield(void);
unsigned __wrap_sleep(unsigned s);
int __wrap_usleep(useconds_t us);
int __wrap_nanosleep(const struct timespec *req, struct timespec *rem);
int __wrap_clock_nanosleep(clockid_t clock, int flags, const struct timespec *req,
                           struct timespec *rem);
int __wrap_pause(void);
int __wrap_pthread_setname_np(pthread_t th, const char *name);
int __wrap_pthread_getname_np(pthread_t th, char *buf, size_t n);
int __wrap_pthread_kill(pthread_t th, int sig);
int __wrap_pthread_cancel(pthread_t th);
int __wrap_pthread_getattr_np(pthread_t th, pthread_attr_t *attr);
int __wrap_pthread_setschedparam(pthread_t th, int policy, const struct sched_param *param);
int __wrap_pthread_getschedparam(pthread_t th, int *policy, struct sched_param *param);
int __wrap_pthread_setschedprio(pthread_t th, int prio);
int __wrap_pthread_setaffinity_np(pthread_t th, size_t n, const cpu_set_t *set);
int __wrap_pthread_getaffinity_np(pthread_t th, size_t n, cpu_set_t *set);
void __wrap___pthread_register_cancel(__pthread_unwind_buf_t *buf);
void __wrap___pthread_unregister_cancel(__pthread_unwind_buf_t *buf);
void __wrap___pthread_register_cancel_defer(__pthread_unwind_buf_t *buf);
void __wrap___pthread_unregister_cancel_restore(__pthread_unwind_buf_t *buf);
void __wrap___pthread_unwind_next(__pthread_unwind_buf_t *buf) __attribute__((noreturn));

#define ACTIVE weft__pt_active()

/* Not a __wrap_ function (see weft__wrapped_syms in checker/compile.c): the
   executable exports pthread_create, which comes first in the model's
   symbol lookup, as an interposing library's would (a versioned reference
   binds to an unversioned definition). Outside an execution, the next
   definition: glibc's. */
int pthread_create(pthread_t *th, const pthread_attr_t *attr, void *(*start)(void *), void *arg)
{
    if (!ACTIVE) {
        static int (*real)(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *);
        if (!real)
            *(void **)&real = dlsym(RTLD_NEXT, "pthread_create");
        return real ? real(th, attr, start, arg) : EAGAIN;
    }
    int ds = PTHREAD_CREATE_JOINABLE;
    if (attr)
        pthread_attr_getdetachstate(attr, &ds);   /* the stack size is accepted and ignored */
    unsigned long id;
    int rc = weft__pt_create(&id, ds == PTHREAD_CREATE_DETACHED, start, NULL, arg, PC);
    *th = (pthread_t)id;
    return rc;
}

int __wrap_pthread_join(pthread_t th, void **retval)
{
    if (!ACTIVE)
        return pthread_join(th, retval);
    return weft__pt_join((unsigned long)th, retval, -1, PC);
}

int __wrap_pthread_tryjoin_np(pthread_t th, void **retval)
{
    if (!ACTIVE)
        return pthread_tryjoin_np(th, retval);
    return weft__pt_join((unsigned long)th, retval, 0, PC);
}

int __wrap_pthread_timedjoin_np(pthread_t th, void **retval, const struct timespec *abstime)
{
    if (!ACTIVE)
        return pthread_timedjoin_np(th, retval, abstime);
    return weft__pt_join((unsigned long)th, retval, abstime ? 1 : -1, PC);
}

int __wrap_pthread_clockjoin_np(pthread_t th, void **retval, clockid_t clock,
                                const struct timespec *abstime)
{
    if (!ACTIVE)
        return pthread_clockjoin_np(th, retval, clock, abstime);
    return weft__pt_join((unsigned long)th, retval, abstime ? 1 : -1, PC);
}

int __wrap_pthread_detach(pthread_t th)
{
    if (!ACTIVE)
        return pthread_detach(th);
    return weft__pt_detach((unsigned long)th, PC);
}

void __wrap_pthread_exit(void *retval)
{
    if (!ACTIVE)
        pthread_exit(retval);
    weft__pt_exit(retval);
}

pthread_t __wrap_pthread_self(void)
{
    if (!ACTIVE)
        return pthread_self();
    return (pthread_t)weft__ex->cur->id + 1;
}

int __wrap_pthread_equal(pthread_t a, pthread_t b)
{
    return a == b;
}

int __wrap_pthread_once(pthread_once_t *once_ctl, void (*fn)(void))
{
    if (!ACTIVE)
        return pthread_once(once_ctl, fn);
    return weft__pt_once(once_ctl, fn, PC);
}

int __wrap_pthread_key_create(pthread_key_t *key, void (*dtor)(void *))
{
    if (!ACTIVE)
        return pthread_key_create(key, dtor);
    return weft__pt_key_create(key, dtor);
}

int __wrap_pthread_key_delete(pthread_key_t key)
{
    if (!ACTIVE)
        return pthread_key_delete(key);
    return weft__pt_key_delete(key);
}

void *__wrap_pthread_getspecific(pthread_key_t key)
{
    if (!ACTIVE)
        return pthread_getspecific(key);
    return weft__pt_key_get(key);
}

int __wrap_pthread_setspecific(pthread_key_t key, const void *v)
{
    if (!ACTIVE)
        return pthread_setspecific(key, v);
    return weft__pt_key_set(key, v);
}

/* Virtual time: sleeping and yielding are points where the others run
   (with the scheduler's fairness), and return at once. */
int __wrap_sched_yield(void)
{
    if (!ACTIVE)
        return sched_yield();
    weft__pt_yield(false, PC);
    return 0;
}

int __wrap_pthread_yield(void)
{
    if (!ACTIVE)
        return sched_yield();
    weft__pt_yield(false, PC);
    return 0;
}

unsigned __wrap_sleep(unsigned s)
{
    if (!ACTIVE)
        return sleep(s);
    weft__pt_yield(true, PC);
    return 0;
}

int __wrap_usleep(useconds_t us)
{
    if (!ACTIVE)
        return usleep(us);
    weft__pt_yield(true, PC);
    return 0;
}

int __wrap_nanosleep(const struct timespec *req, struct timespec *rem)
{
    if (!ACTIVE)
        return nanosleep(req, rem);
    weft__pt_yield(true, PC);
    if (rem)
        *rem = (struct timespec){0, 0};
    return 0;
}

int __wrap_clock_nanosleep(clockid_t clock, int flags, const struct timespec *req,
                           struct timespec *rem)
{
    if (!ACTIVE)
        return clock_nanosleep(clock, flags, req, rem);
    weft__pt_yield(true, PC);
    if (rem)
        *rem = (struct timespec){0, 0};
    return 0;
}

static bool never(void *a)
{
    (void)a;
    return false;
}

/* No signal ever comes: pause waits forever (a deadlock if nothing else
   can run, unless main returns first). */
int __wrap_pause(void)
{
    if (!ACTIVE)
        return pause();
    weft__op(&OP_PAUSE, NULL, 0, never, NULL, PC);
    return -1;
}

/* ---- functions that take a pthread_t: weft's ids are not glibc's --------------------------- */

static weft__thread *thread_arg(pthread_t th, const char *fn, const void *pc)
{
    weft__thread *t = weft__pt_thread_of((unsigned long)th);
    if (!t)
        weft__pt_misuse(pc, "%s of thread %lu, which does not exist (POSIX: ESRCH)", fn,
                        (unsigned long)th);
    return t;
}

/* The name shows in weft's reports instead of "<function>#<id>". */
int __wrap_pthread_setname_np(pthread_t th, const char *name)
{
    if (!ACTIVE)
        return pthread_setname_np(th, name);
    weft__thread *t = thread_arg(th, "pthread_setname_np", PC);
    if (strlen(name) >= 16)
        return ERANGE;
    snprintf(t->obj.name, sizeof t->obj.name, "%s", name);
    return 0;
}

int __wrap_pthread_getname_np(pthread_t th, char *buf, size_t n)
{
    if (!ACTIVE)
        return pthread_getname_np(th, buf, n);
    const char *name = weft__thread_name(thread_arg(th, "pthread_getname_np", PC));
    if (strlen(name) >= n)
        return ERANGE;
    memcpy(buf, name, strlen(name) + 1);
    return 0;
}

/* Signals are not modelled: only signal 0 (is the thread alive?) works. */
int __wrap_pthread_kill(pthread_t th, int sig)
{
    if (!ACTIVE)
        return pthread_kill(th, sig);
    const void *pc = PC;
    weft__thread *t = weft__pt_thread_of((unsigned long)th);
    if (sig != 0)
        weft__fail(WEFT__MISUSE, pc, "%s: pthread_kill with signal %d: weft does not model "
                   "signals between threads", weft__thread_name(weft__ex->cur), sig);
    return t && t->state != WEFT__DONE ? 0 : ESRCH;
}

int __wrap_pthread_cancel(pthread_t th)
{
    if (!ACTIVE)
        return pthread_cancel(th);
    const void *pc = PC;
    thread_arg(th, "pthread_cancel", pc);
    weft__fail(WEFT__MISUSE, pc, "%s: pthread_cancel: weft does not model thread "
               "cancellation", weft__thread_name(weft__ex->cur));
}

int __wrap_pthread_getattr_np(pthread_t th, pthread_attr_t *attr)
{
    if (!ACTIVE)
        return pthread_getattr_np(th, attr);
    weft__thread *t = thread_arg(th, "pthread_getattr_np", PC);
    pthread_attr_init(attr);
    if (weft__pt_of(t)->detached)
        pthread_attr_setdetachstate(attr, PTHREAD_CREATE_DETACHED);
    return 0;
}

/* Scheduling parameters and affinity change nothing under weft: every
   interleaving is explored whatever the priorities. */
int __wrap_pthread_setschedparam(pthread_t th, int policy, const struct sched_param *param)
{
    if (!ACTIVE)
        return pthread_setschedparam(th, policy, param);
    thread_arg(th, "pthread_setschedparam", PC);
    return 0;
}

int __wrap_pthread_getschedparam(pthread_t th, int *policy, struct sched_param *param)
{
    if (!ACTIVE)
        return pthread_getschedparam(th, policy, param);
    thread_arg(th, "pthread_getschedparam", PC);
    *policy = SCHED_OTHER;
    param->sched_priority = 0;
    return 0;
}

int __wrap_pthread_setschedprio(pthread_t th, int prio)
{
    if (!ACTIVE)
        return pthread_setschedprio(th, prio);
    thread_arg(th, "pthread_setschedprio", PC);
    return 0;
}

int __wrap_pthread_setaffinity_np(pthread_t th, size_t n, const cpu_set_t *set)
{
    if (!ACTIVE)
        return pthread_setaffinity_np(th, n, set);
    thread_arg(th, "pthread_setaffinity_np", PC);
    return 0;
}

int __wrap_pthread_getaffinity_np(pthread_t th, size_t n, cpu_set_t *set)
{
    if (!ACTIVE)
        return pthread_getaffinity_np(th, n, set);
    thread_arg(th, "pthread_getaffinity_np", PC);
    memset(set, 0, n);
    if (n)
        CPU_SET_S(0, n, set);
    return 0;
}

/* ---- cleanup handlers ---------------------------------------------------------------------
   glibc's pthread_cleanup_push (in C, without -fexceptions) sets a jump
   buffer and registers it; pthread_exit jumps to it, the handler runs, and
   __pthread_unwind_next goes on to the next one. The registrations are
   kept per weft thread: glibc keeps them per OS thread, which all of
   weft's threads share. */

static void cleanup_push(__pthread_unwind_buf_t *buf, const void *pc)
{
    weft__pt_thread *p = weft__pt_self();
    if (p->ncleanup == WEFT__PT_CLEANUP)
        weft__pt_misuse(pc, "pthread_cleanup_push nested more than %d deep", WEFT__PT_CLEANUP);
    p->cleanup[p->ncleanup++] = buf;
}

static void cleanup_pop(__pthread_unwind_buf_t *buf)
{
    weft__pt_thread *p = weft__pt_self();
    for (int i = p->ncleanup; i-- > 0;) {
        if (p->cleanup[i] == buf) {
            p->ncleanup = i;
            return;
        }
    }
}

void __wrap___pthread_register_cancel(__pthread_unwind_buf_t *buf)
{
    if (!ACTIVE) {
        __pthread_register_cancel(buf);
        return;
    }
    cleanup_push(buf, PC);
}

void __wrap___pthread_unregister_cancel(__pthread_unwind_buf_t *buf)
{
    if (!ACTIVE) {
        __pthread_unregister_cancel(buf);
        return;
    }
    cleanup_pop(buf);
}

void __wrap___pthread_register_cancel_defer(__pthread_unwind_buf_t *buf)
{
    if (!ACTIVE) {
        __pthread_register_cancel_defer(buf);
        return;
    }
    cleanup_push(buf, PC);
}

void __wrap___pthread_unregister_cancel_restore(__pthread_unwind_buf_t *buf)
{
    if (!ACTIVE) {
        __pthread_unregister_cancel_restore(buf);
        return;
    }
    cleanup_pop(buf);
}

void __wrap___pthread_unwind_next(__pthread_unwind_buf_t *buf)
{
    if (!ACTIVE)
        __pthread_unwind_next(buf);
    weft__pt_thread *p = weft__pt_self();
    WEFT_ASSERT(p->exiting);
    unwind(p);
}
