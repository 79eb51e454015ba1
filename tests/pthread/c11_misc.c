/* C11: a recursive mtx_t, call_once from two threads, tss_t with a
   destructor, thrd_sleep and thrd_yield as points where others run.
   Expected: ok. */
#include <assert.h>
#include <stdint.h>
#include <threads.h>
#include <time.h>

static mtx_t m;
static once_flag once = ONCE_FLAG_INIT;
static tss_t key;
static int inits, freed;

static void init(void)
{
    inits++;
}

static void dtor(void *v)
{
    freed += (int)(intptr_t)v;
}

static int worker(void *arg)
{
    call_once(&once, init);
    tss_set(key, arg);
    mtx_lock(&m);
    mtx_lock(&m);
    assert(tss_get(key) == arg);
    mtx_unlock(&m);
    mtx_unlock(&m);
    thrd_yield();
    return 0;
}

int main(void)
{
    thrd_t t;
    struct timespec d = {0, 1000};
    mtx_init(&m, mtx_plain | mtx_recursive);
    tss_create(&key, dtor);
    thrd_create(&t, worker, (void *)5);
    thrd_sleep(&d, NULL);
    call_once(&once, init);
    thrd_join(t, NULL);
    assert(inits == 1);
    assert(freed == 5);
    assert(thrd_equal(thrd_current(), thrd_current()));
    mtx_destroy(&m);
    return 0;
}
