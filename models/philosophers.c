/*
** philosophers.c: the dining philosophers (E. W. Dijkstra, "Hierarchical
** Ordering of Sequential Processes", EWD310, 1971): N philosophers sit
** around a table with one fork between each two; each picks up the fork on
** the left, then the one on the right, eats, and puts both down. Each fork
** is a Lock.
** Expected: bug, a deadlock: every philosopher holds the left fork and
** waits for the right one, held by the neighbour: all four conditions of
** seeds/004_b12d438b976a1b81.txt ("Deadlocks and Deadlock Prevention")
** at once, the fourth being the circular wait.
** philosophers_ordered.c (resource ordering) and philosophers_waiter.c (a
** waiter semaphore) are the fixes.
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

static void philosopher(weft_lock *left, weft_lock *right)
{
    for (int m = 0; m < MEALS; m++) {
        weft_lock_acquire(left);
        weft_lock_acquire(right);
        /* eat */
        weft_lock_release(right);
        weft_lock_release(left);
    }
}

/* Seat philosophers i..N-1, then wait for them (locals, not an array: see
   total_lock.c). Philosopher i has fork i on the left, fork i+1 on the
   right. */
static void seat(int i)
{
    if (i == N)
        return;
    weft_thread *t = weft_spawn(philosopher, "pp", fork_[i], fork_[(i + 1) % N]);
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
