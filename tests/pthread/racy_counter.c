/* The same counter without the mutex: a data race on counter, and (with
   --no-races) the lost update the assertion catches. */
#include <assert.h>
#include <pthread.h>

static int counter;

static void *worker(void *arg)
{
    (void)arg;
    counter++;
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
