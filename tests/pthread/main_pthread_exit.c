/* main calls pthread_exit: the process goes on until the other threads end,
   so the worker's failing assertion is still reached. Expected: assertion. */
#include <assert.h>
#include <pthread.h>

static int done;

static void *worker(void *arg)
{
    (void)arg;
    done = 1;
    assert(!done);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_detach(t);
    pthread_exit(NULL);
}
