/* C11 <threads.h>: a thread waits on a cnd_t for a flag a thrd_create'd
   thread sets under a mtx_t; thrd_join returns the thread's result.
   Expected: ok. */
#include <assert.h>
#include <threads.h>

static mtx_t m;
static cnd_t c;
static int ready;

static int setter(void *arg)
{
    (void)arg;
    mtx_lock(&m);
    ready = 1;
    cnd_signal(&c);
    mtx_unlock(&m);
    return 7;
}

int main(void)
{
    thrd_t t;
    int res = 0;
    mtx_init(&m, mtx_plain);
    cnd_init(&c);
    thrd_create(&t, setter, NULL);
    mtx_lock(&m);
    while (!ready)
        cnd_wait(&c, &m);
    mtx_unlock(&m);
    thrd_join(t, &res);
    assert(res == 7);
    cnd_destroy(&c);
    mtx_destroy(&m);
    return 0;
}
