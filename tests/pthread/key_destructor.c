/* Thread-specific data: each thread sees its own value, and the key's
   destructor runs at a thread's exit with that thread's value (but not for
   main, which returns instead of calling pthread_exit). Expected: ok. */
#include <assert.h>
#include <pthread.h>
#include <stdint.h>

static pthread_key_t key;
static int destroyed;

static void dtor(void *v)
{
    destroyed += (int)(intptr_t)v;
}

static void *worker(void *arg)
{
    assert(pthread_getspecific(key) == NULL);
    pthread_setspecific(key, arg);
    assert(pthread_getspecific(key) == arg);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_key_create(&key, dtor);
    pthread_setspecific(key, (void *)100);
    pthread_create(&t, NULL, worker, (void *)2);
    pthread_join(t, NULL);
    assert(pthread_getspecific(key) == (void *)100);
    assert(destroyed == 2);
    return 0;
}
