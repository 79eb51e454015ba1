/*
** counter_lock.c: benchmark. N threads each increment a shared counter
** ITERS times under one lock. Every order of the critical sections is a
** different trace: DPOR runs (N*ITERS)!/(ITERS!^N) executions.
*/
#include <weft.h>

#ifndef N
#define N 3
#endif
#ifndef ITERS
#define ITERS 1
#endif

static int counter;

static void worker(weft_lock *l)
{
    for (int i = 0; i < ITERS; i++) {
        weft_lock_acquire(l);
        counter++;
        weft_lock_release(l);
    }
}

int main(void)
{
    weft_lock *l = weft_lock_new("l");
    weft_thread *t[N];
    for (int i = 0; i < N; i++)
        t[i] = weft_spawn(worker, "p", l);
    for (int i = 0; i < N; i++)
        weft_join(t[i]);
    weft_assert(counter == N * ITERS, "counter is %d", counter);
    return 0;
}
