/* A timed wait is explored both ways: signalled, and timed out (virtual
   time: the deadline is never read). Expected outcomes: signalled, timed out. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int ready;

static void *setter(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&m);
    ready = 1;
    pthread_cond_signal(&c);
    pthread_mutex_unlock(&m);
    return NULL;
}

int main(void)
{
    pthread_t t;
    struct timespec deadline = {0, 0};
    int rc = 0;
    pthread_create(&t, NULL, setter, NULL);
    pthread_mutex_lock(&m);
    while (!ready && rc != ETIMEDOUT)
        rc = pthread_cond_timedwait(&c, &m, &deadline);
    printf(ready ? "signalled\n" : "timed out\n");
    pthread_mutex_unlock(&m);
    pthread_join(t, NULL);
    return 0;
}
