/*
** total_lock.c: the seed's `total` race fixed with a Lock
** (seeds/003_e35296164f0c165a.txt, "2. Locks (Blocking)"): each thread
** acquires the lock around its read and write of `total`.
** Expected: ok. No data race (the lock orders the accesses) and the total is
** always 0+1+...+(N-1); `weft outcomes` shows that single output.
** Size: -DN=<threads> (default 2; the seed has 5; N=3 takes the naive DFS
** 675418 executions).
*/
#include <stdio.h>
#include <weft.h>

#ifndef N
#define N 2
#endif

int total = 0;

/* The lock comes as an argument rather than through a global: every read of
   a global is a step that weft interleaves, and the fewer steps, the smaller
   the search. */
static void test_thread(int num, weft_lock *lock)
{
    weft_lock_acquire(lock);
    int temp = total;
    total = temp + num;
    weft_lock_release(lock);
}

/* Start threads i..N-1, then join them. The handles live in this
   recursion's locals rather than in an array: weft counts every access to an
   array on a thread's stack as a step of its search, and plain locals are
   free. */
static void run_threads(int i, weft_lock *lock)
{
    if (i == N)
        return;
    weft_thread *t = weft_spawn(test_thread, "ip", i, lock);
    run_threads(i + 1, lock);
    weft_join(t);
}

int main(void)
{
    run_threads(0, weft_lock_new("lock"));
    printf("The total is: %d\n", total);
    weft_assert(total == N * (N - 1) / 2, "total is %d, expected %d", total, N * (N - 1) / 2);
    return 0;
}
