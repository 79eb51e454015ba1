/* __VERIFIER_assume over an interleaving: main keeps only the executions
   in which it saw the worker's store; in the others the assertion would
   fail. Each thread also draws a nondet value, and the assumption keeps
   only equal draws. Expected: ok; every discarded execution is counted
   apart, and only "seen" outcomes exist. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

extern int __VERIFIER_nondet_int(void);
extern void __VERIFIER_assume(int cond);

static atomic_int flag;
static atomic_int drawn;

static void *worker(void *arg)
{
    (void)arg;
    atomic_store(&drawn, __VERIFIER_nondet_int());
    atomic_store(&flag, 1);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    int f = atomic_load(&flag);
    __VERIFIER_assume(f == 1);
    int mine = __VERIFIER_nondet_int();
    __VERIFIER_assume(mine == atomic_load(&drawn));
    pthread_join(t, NULL);
    assert(f == 1 && mine == atomic_load(&drawn));
    printf("seen %d\n", mine);
    return 0;
}
