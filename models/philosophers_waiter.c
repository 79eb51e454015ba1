/*
** philosophers_waiter.c: the dining philosophers of philosophers.c fixed
** by a waiter (the "footman" of C. A. R. Hoare, "Communicating Sequential
** Processes", 1985; a Semaphore(N-1) in A. B. Downey, "The Little Book of
** Semaphores", 4.4.2): a philosopher asks the waiter for a seat before
** picking up the forks and gives it back after putting them down. At most
** N-1 philosophers reach for forks at once, so one of them always gets
** both. Every philosopher still picks up left, then right.
** Expected: ok, no deadlock in any interleaving. The naive DFS cannot
** finish N=3 in minutes: the pinned run is N=2 exhaustively. Under a budget
** (a random search, say) the lock-order detector sees the cycle of forks
** and that every fork is taken holding a seat of the waiter, which lets
** only N-1 in: no lock_order finding. Build with -DSEATS=<N> (a waiter who
** lets everyone in) to get the deadlock back (and, under a budget too small
** to meet it, a lock_order prediction).
** Size: -DN=<philosophers> (default 3), -DMEALS=<meals each> (default 1),
** -DSEATS=<the waiter's semaphore> (default N-1).
*/
#include <stdio.h>
#include <weft.h>

#ifndef N
#define N 3
#endif
#ifndef MEALS
#define MEALS 1
#endif
#ifndef SEATS
#define SEATS (N - 1)
#endif

weft_lock *fork_[N];

weft_sem *waiter;

static void philosopher(weft_lock *left, weft_lock *right, weft_sem *seats)
{
    for (int m = 0; m < MEALS; m++) {
        weft_sem_acquire(seats);
        weft_lock_acquire(left);
        weft_lock_acquire(right);
        /* eat */
        weft_lock_release(right);
        weft_lock_release(left);
        weft_sem_release(seats);
    }
}

/* Seat philosophers i..N-1, then wait for them (locals, not an array: see
   total_lock.c). Philosopher i has fork i on the left, fork i+1 on the
   right. */
static void seat(int i)
{
    if (i == N)
        return;
    weft_thread *t = weft_spawn(philosopher, "ppp", fork_[i], fork_[(i + 1) % N], waiter);
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
    waiter = weft_sem_new(SEATS, "waiter");
    seat(0);
    return 0;
}
