/*
** philosophers_ordered.c: the dining philosophers of philosophers.c fixed
** by resource ordering (E. W. Dijkstra, EWD310; seeds/004_b12d438b976a1b81.txt,
** "Deadlocks and Deadlock Prevention": of the four conditions, "most focus
** on removing number four, circular wait"): the forks are numbered and
** every philosopher picks up the lower-numbered of its two forks first.
** The last philosopher, between fork N-1 and fork 0, therefore reaches for
** fork 0 first, and the cycle cannot close.
** Expected: ok, no deadlock and no lock-order cycle. The naive DFS cannot
** finish N=3 in minutes: the pinned runs are N=2 exhaustively and N=3 as a
** random search with a budget ("incomplete").
** Size: -DN=<philosophers> (default 3), -DMEALS=<meals each> (default 1).
*/
#include <stdio.h>
#include <weft.h>

#ifndef N
#define N 3
#endif
#ifndef MEALS
#define MEALS 1
#endif

weft_lock *fork_[N];

static void philosopher(weft_lock *first, weft_lock *second)
{
    for (int m = 0; m < MEALS; m++) {
        weft_lock_acquire(first);
        weft_lock_acquire(second);
        /* eat */
        weft_lock_release(second);
        weft_lock_release(first);
    }
}

/* Seat philosophers i..N-1, then wait for them (locals, not an array: see
   total_lock.c). Philosopher i sits between fork i and fork i+1 (mod N) and
   takes the lower-numbered one first. */
static void seat(int i)
{
    if (i == N)
        return;
    int a = i, b = (i + 1) % N;
    int lo = a < b ? a : b, hi = a < b ? b : a;
    weft_thread *t = weft_spawn(philosopher, "pp", fork_[lo], fork_[hi]);
    seat(i + 1);
    weft_join(t);
}

int main(void)
{
    char name[16];
    for (int i = 0; i < N; i++) {
        snprintf(name, sizeof name, "fork%d", i);
        fork_[i] = weft_lock_new(name);
    }
    seat(0);
    return 0;
}
