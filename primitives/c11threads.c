/*
** c11threads.c: C11 <threads.h> on the pthread layer: thrd_ as pthreads,
** mtx_ as mutexes (plain and timed ones are normal mutexes, recursive ones
** recursive), cnd_ as condition variables (with spurious wakeups), tss_ as
** keys, call_once as pthread_once. glibc lays mtx_t, cnd_t and once_flag
** out as the pthread types they wrap, and so does weft.
*/
#include <errno.h>
#include <stdint.h>
#include <threads.h>
#include <time.h>

#include "pthread_int.h"

#define PC __builtin_return_address(0)

static int code(int rc)
{
    return rc == 0 ? thrd_success : rc == EBUSY ? thrd_busy
         : rc == ETIMEDOUT ? thrd_timedout : rc == ENOMEM ? thrd_nomem : thrd_error;
}

int __wrap_thrd_create(thrd_t *thr, thrd_start_t fn, void *arg);
int __wrap_thrd_join(thrd_t thr, int *res);
int __wrap_thrd_detach(thrd_t thr);
void __wrap_thrd_exit(int res) __attribute__((noreturn));
thrd_t __wrap_thrd_current(void);
int __wrap_thrd_equal(thrd_t a, thrd_t b);
void __wrap_thrd_yield(void);
int __wrap_thrd_sleep(const struct timespec *duration, struct timespec *remaining);
int __wrap_mtx_init(mtx_t *m, int type);
void __wrap_mtx_destroy(mtx_t *m);
int __wrap_mtx_lock(mtx_t *m);
int __wrap_mtx_trylock(mtx_t *m);
int __wrap_mtx_timedlock(mtx_t *restrict m, const struct timespec *restrict ts);
int __wrap_mtx_unlock(mtx_t *m);
int __wrap_cnd_init(cnd_t *c);
void __wrap_cnd_destroy(cnd_t *c);
int __wrap_cnd_wait(cnd_t *c, mtx_t *m);
int __wrap_cnd_timedwait(cnd_t *restrict c, mtx_t *restrict m,
                         const struct timespec *restrict ts);
int __wrap_cnd_signal(cnd_t *c);
int __wrap_cnd_broadcast(cnd_t *c);
int __wrap_tss_create(tss_t *key, tss_dtor_t dtor);
void __wrap_tss_delete(tss_t key);
void *__wrap_tss_get(tss_t key);
int __wrap_tss_set(tss_t key, void *v);
void __wrap_call_once(once_flag *flag, void (*fn)(void));

#define ACTIVE weft__pt_active()

/* ---- threads ------------------------------------------------------------------------- */

int __wrap_thrd_create(thrd_t *thr, thrd_start_t fn, void *arg)
{
    if (!ACTIVE)
        return thrd_create(thr, fn, arg);
    unsigned long id;
    int rc = weft__pt_create(&id, false, NULL, fn, arg, PC);
    *thr = (thrd_t)id;
    return code(rc);
}

int __wrap_thrd_join(thrd_t thr, int *res)
{
    if (!ACTIVE)
        return thrd_join(thr, res);
    void *v;
    int rc = weft__pt_join((unsigned long)thr, &v, -1, PC);
    if (rc == 0 && res)
        *res = (int)(intptr_t)v;
    return code(rc);
}

int __wrap_thrd_detach(thrd_t thr)
{
    if (!ACTIVE)
        return thrd_detach(thr);
    return code(weft__pt_detach((unsigned long)thr, PC));
}

void __wrap_thrd_exit(int res)
{
    if (!ACTIVE)
        thrd_exit(res);
    weft__pt_exit((void *)(intptr_t)res);
}

thrd_t __wrap_thrd_current(void)
{
    if (!ACTIVE)
        return thrd_current();
    return (thrd_t)weft__ex->cur->id + 1;
}

int __wrap_thrd_equal(thrd_t a, thrd_t b)
{
    return a == b;
}

void __wrap_thrd_yield(void)
{
    if (!ACTIVE) {
        thrd_yield();
        return;
    }
    weft__pt_yield(false, PC);
}

int __wrap_thrd_sleep(const struct timespec *duration, struct timespec *remaining)
{
    if (!ACTIVE)
        return thrd_sleep(duration, remaining);
    weft__pt_yield(true, PC);
    if (remaining)
        *remaining = (struct timespec){0, 0};
    return 0;
}

/* ---- mutexes ------------------------------------------------------------------------- */

int __wrap_mtx_init(mtx_t *m, int type)
{
    if (!ACTIVE)
        return mtx_init(m, type);
    weft__pt_mutex_init(m, (type & mtx_recursive) ? PTHREAD_MUTEX_RECURSIVE
                                                  : PTHREAD_MUTEX_NORMAL, false);
    return thrd_success;
}

void __wrap_mtx_destroy(mtx_t *m)
{
    if (!ACTIVE) {
        mtx_destroy(m);
        return;
    }
    weft__pt_mutex_destroy(m, false, PC);
}

int __wrap_mtx_lock(mtx_t *m)
{
    if (!ACTIVE)
        return mtx_lock(m);
    const void *pc = PC;
    return code(weft__pt_mutex_lock(weft__pt_mutex_of(m, pc), pc));
}

int __wrap_mtx_trylock(mtx_t *m)
{
    if (!ACTIVE)
        return mtx_trylock(m);
    const void *pc = PC;
    return code(weft__pt_mutex_trylock(weft__pt_mutex_of(m, pc), false, pc));
}

int __wrap_mtx_timedlock(mtx_t *restrict m, const struct timespec *restrict ts)
{
    if (!ACTIVE)
        return mtx_timedlock(m, ts);
    const void *pc = PC;
    return code(weft__pt_mutex_trylock(weft__pt_mutex_of(m, pc), true, pc));
}

int __wrap_mtx_unlock(mtx_t *m)
{
    if (!ACTIVE)
        return mtx_unlock(m);
    const void *pc = PC;
    return code(weft__pt_mutex_unlock(weft__pt_mutex_of(m, pc), pc));
}

/* ---- conditions ------------------------------------------------------------------------ */

int __wrap_cnd_init(cnd_t *c)
{
    if (!ACTIVE)
        return cnd_init(c);
    return code(weft__pt_cond_init(c));
}

void __wrap_cnd_destroy(cnd_t *c)
{
    if (!ACTIVE) {
        cnd_destroy(c);
        return;
    }
    weft__pt_cond_destroy(c, PC);
}

int __wrap_cnd_wait(cnd_t *c, mtx_t *m)
{
    if (!ACTIVE)
        return cnd_wait(c, m);
    return code(weft__pt_cond_wait(c, m, false, PC));
}

int __wrap_cnd_timedwait(cnd_t *restrict c, mtx_t *restrict m,
                         const struct timespec *restrict ts)
{
    if (!ACTIVE)
        return cnd_timedwait(c, m, ts);
    return code(weft__pt_cond_wait(c, m, true, PC));
}

int __wrap_cnd_signal(cnd_t *c)
{
    if (!ACTIVE)
        return cnd_signal(c);
    return code(weft__pt_cond_signal(c, false, PC));
}

int __wrap_cnd_broadcast(cnd_t *c)
{
    if (!ACTIVE)
        return cnd_broadcast(c);
    return code(weft__pt_cond_signal(c, true, PC));
}

/* ---- thread-specific storage and call_once -------------------------------------------------- */

int __wrap_tss_create(tss_t *key, tss_dtor_t dtor)
{
    if (!ACTIVE)
        return tss_create(key, dtor);
    return code(weft__pt_key_create(key, dtor));
}

void __wrap_tss_delete(tss_t key)
{
    if (!ACTIVE) {
        tss_delete(key);
        return;
    }
    weft__pt_key_delete(key);
}

void *__wrap_tss_get(tss_t key)
{
    if (!ACTIVE)
        return tss_get(key);
    return weft__pt_key_get(key);
}

int __wrap_tss_set(tss_t key, void *v)
{
    if (!ACTIVE)
        return tss_set(key, v);
    return code(weft__pt_key_set(key, v));
}

void __wrap_call_once(once_flag *flag, void (*fn)(void))
{
    if (!ACTIVE) {
        call_once(flag, fn);
        return;
    }
    weft__pt_once(&flag->__data, fn, PC);
}
