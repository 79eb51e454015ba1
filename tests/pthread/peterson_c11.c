/* Peterson's lock on C11 atomics (sequentially consistent): mutual
   exclusion holds, and the plain accesses in the critical section are
   ordered by the atomics (no data race). Expected: ok. */
#include <assert.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>

static atomic_int flag[2];
static atomic_int turn;
static int owner;

static void *worker(void *arg)
{
    int me = (int)(intptr_t)arg, other = 1 - me;
    atomic_store(&flag[me], 1);
    atomic_store(&turn, other);
    while (atomic_load(&flag[other]) && atomic_load(&turn) == other)
        sched_yield();
    owner = me;                 /* critical section */
    assert(owner == me);
    atomic_store(&flag[me], 0);
    return NULL;
}

int main(void)
{
    pthread_t t0, t1;
    pthread_create(&t0, NULL, worker, (void *)0);
    pthread_create(&t1, NULL, worker, (void *)1);
    pthread_join(t0, NULL);
    pthread_join(t1, NULL);
    return 0;
}
