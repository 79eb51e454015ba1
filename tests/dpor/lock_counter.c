/*
** lock_counter.c: N threads (-DN=k, default 3) each increment a counter
** once under one lock. The lock's acquisitions are ordered one way or
** another: N! traces, and DPOR runs N! executions.
*/
#include <weft.h>

#ifndef N
#define N 3
#endif

int counter;
weft_lock *lock;

static void inc(void)
{
    weft_lock_acquire(lock);
    counter++;
    weft_lock_release(lock);
}

int main(void)
{
    lock = weft_lock_new("lock");
    weft_thread *t[N];
    for (int i = 0; i < N; i++)
        t[i] = weft_spawn(inc, "");
    for (int i = 0; i < N; i++)
        weft_join(t[i]);
    weft_assert(counter == N, "counter = %d", counter);
    return 0;
}
