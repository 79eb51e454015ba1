/* A condition wait's steps act on its mutex: the wait releases it, the
   wake-up takes it back. The worker waits once (no loop: any wake-up will
   do, a spurious one included) and then reads x; main sets x under the
   mutex and signals. Whether the worker wakes before or after main's
   critical section decides what it sees; DPOR must try both orders, which
   it only knows to do if the wake-up conflicts with main's lock.
   Expected: outcomes "saw 0", "saw 1", and a deadlock (main ran first and
   signalled nobody; without a spurious wake-up the worker waits forever). */
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int x, waiting;

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&m);
    waiting = 1;
    pthread_cond_wait(&c, &m);
    printf("saw %d\n", x);
    pthread_mutex_unlock(&m);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_mutex_lock(&m);
    if (waiting) {
        x = 1;
        pthread_cond_signal(&c);
    }
    pthread_mutex_unlock(&m);
    pthread_join(t, NULL);
    return 0;
}
