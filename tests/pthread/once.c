/* pthread_once from two threads: the routine runs exactly once, and both
   callers see what it did. Expected: ok. */
#include <assert.h>
#include <pthread.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int inits, config;

static void init(void)
{
    inits++;
    config = 42;
}

static void *worker(void *arg)
{
    (void)arg;
    pthread_once(&once, init);
    assert(config == 42);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    worker(NULL);
    pthread_join(t, NULL);
    assert(inits == 1);
    return 0;
}
