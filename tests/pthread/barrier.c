/* Two threads meet at a barrier twice: exactly one of them is the serial
   thread of each phase, and what each wrote before the barrier is seen by
   the other after it (no data race). Expected: ok. */
#include <assert.h>
#include <pthread.h>

static pthread_barrier_t b;
static int x, y, serial;

static void *worker(void *arg)
{
    (void)arg;
    x = 1;
    if (pthread_barrier_wait(&b) == PTHREAD_BARRIER_SERIAL_THREAD)
        serial++;
    assert(y == 1);
    pthread_barrier_wait(&b);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_barrier_init(&b, NULL, 2);
    pthread_create(&t, NULL, worker, NULL);
    y = 1;
    if (pthread_barrier_wait(&b) == PTHREAD_BARRIER_SERIAL_THREAD)
        serial++;
    assert(x == 1);
    pthread_barrier_wait(&b);
    assert(serial == 1);
    pthread_join(t, NULL);
    pthread_barrier_destroy(&b);
    return 0;
}
