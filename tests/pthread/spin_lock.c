/* A counter under a pthread spin lock. Expected: ok. */
#include <assert.h>
#include <pthread.h>

static pthread_spinlock_t s;
static int counter;

static void *worker(void *arg)
{
    (void)arg;
    pthread_spin_lock(&s);
    counter++;
    pthread_spin_unlock(&s);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_spin_init(&s, PTHREAD_PROCESS_PRIVATE);
    pthread_create(&t, NULL, worker, NULL);
    worker(NULL);
    pthread_join(t, NULL);
    assert(counter == 2);
    pthread_spin_destroy(&s);
    return 0;
}
