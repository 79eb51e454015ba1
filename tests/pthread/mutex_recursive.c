#define _GNU_SOURCE   /* PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP */
/* Recursive mutexes, one statically initialized (glibc's
   PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP) and one from an attribute: the
   owner re-enters, and the other thread waits until the last unlock.
   Expected: ok. */
#include <assert.h>
#include <pthread.h>

static pthread_mutex_t r1 = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
static pthread_mutex_t r2;
static int depth;

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&r1);
    pthread_mutex_lock(&r1);
    depth++;
    pthread_mutex_unlock(&r1);
    assert(depth == 1);
    depth--;
    pthread_mutex_unlock(&r1);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&r2, &a);
    pthread_mutex_lock(&r2);
    assert(pthread_mutex_trylock(&r2) == 0);
    pthread_mutex_unlock(&r2);
    pthread_mutex_unlock(&r2);
    pthread_create(&t, NULL, worker, NULL);
    worker(NULL);
    pthread_join(t, NULL);
    return 0;
}
