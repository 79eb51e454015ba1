/* A producer hands items to a consumer through a one-slot buffer guarded by
   two semaphores (empty, full): no race, nothing lost. Expected: ok. */
#include <assert.h>
#include <pthread.h>
#include <semaphore.h>

static sem_t empty, full;
static int slot, sum;

static void *producer(void *arg)
{
    (void)arg;
    for (int i = 1; i <= 2; i++) {
        sem_wait(&empty);
        slot = i;
        sem_post(&full);
    }
    return NULL;
}

int main(void)
{
    pthread_t p;
    sem_init(&empty, 0, 1);
    sem_init(&full, 0, 0);
    pthread_create(&p, NULL, producer, NULL);
    for (int i = 0; i < 2; i++) {
        sem_wait(&full);
        sum += slot;
        sem_post(&empty);
    }
    pthread_join(p, NULL);
    assert(sum == 3);
    int v;
    sem_getvalue(&empty, &v);
    assert(v == 1);
    sem_destroy(&empty);
    sem_destroy(&full);
    return 0;
}
