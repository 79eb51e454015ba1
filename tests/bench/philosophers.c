/*
** philosophers.c: benchmark. N dining philosophers, forks are locks, each
** takes its lower-numbered fork first (no deadlock) and eats MEALS times.
*/
#include <weft.h>

#ifndef N
#define N 3
#endif
#ifndef MEALS
#define MEALS 1
#endif

static weft_lock *fork_[N];
static int meals[N];

static void philosopher(int id)
{
    int a = id, b = (id + 1) % N;
    int lo = a < b ? a : b, hi = a < b ? b : a;
    for (int i = 0; i < MEALS; i++) {
        weft_lock_acquire(fork_[lo]);
        weft_lock_acquire(fork_[hi]);
        meals[id]++;
        weft_lock_release(fork_[hi]);
        weft_lock_release(fork_[lo]);
    }
}

int main(void)
{
    for (int i = 0; i < N; i++)
        fork_[i] = weft_lock_new(NULL);
    weft_thread *t[N];
    for (int i = 0; i < N; i++)
        t[i] = weft_spawn(philosopher, "i", i);
    for (int i = 0; i < N; i++)
        weft_join(t[i]);
    return 0;
}
