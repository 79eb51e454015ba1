/* A function whose name starts with __VERIFIER_atomic_ runs without
   interruption: two threads increment a counter through it, and no update
   is lost (the sections are ordered, so no data race either). Expected:
   ok. Built with -DPLAIN, the same function has an ordinary name, and the
   increments race (data_race, then the lost update). */
#include <assert.h>
#include <pthread.h>

#ifdef PLAIN
#define INCREMENT plain_increment
#else
#define INCREMENT __VERIFIER_atomic_increment
#endif

static int counter;

static void INCREMENT(int by)
{
    int t = counter;
    counter = t + by;
}

static void *worker(void *arg)
{
    (void)arg;
    INCREMENT(1);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, worker, NULL);
    pthread_create(&b, NULL, worker, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    assert(counter == 2);
    return 0;
}
