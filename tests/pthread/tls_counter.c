/* Thread-local storage is per thread: each thread adds to its own __thread
   variable (starting from its initializer, 10) and returns what it sees;
   the _Thread_local array (.tbss) a thread writes is zero again in main.
   Nothing races, each thread sees its own total, main's copy is untouched.
   Expected: ok. With -DSHARED the two are plain globals: a data race, and
   a lost update. */
#include <assert.h>
#include <pthread.h>
#include <stdio.h>

#ifdef SHARED
static int count = 10;
static int seen[2];
#else
static __thread int count = 10;
static _Thread_local int seen[2];
#endif

static void *worker(void *arg)
{
    int n = (int)(long)arg;
    count += n;
    seen[1] = n;
    return (void *)(long)count;
}

int main(void)
{
    pthread_t a, b;
    void *ra, *rb;
    pthread_create(&a, NULL, worker, (void *)1L);
    pthread_create(&b, NULL, worker, (void *)2L);
    pthread_join(a, &ra);
    pthread_join(b, &rb);
    assert((long)ra == 11 && (long)rb == 12);
    assert(count == 10 && seen[1] == 0);
    printf("main %d\n", count);
    return 0;
}
