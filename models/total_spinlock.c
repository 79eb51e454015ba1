/*
** total_spinlock.c: the seed's `total` race "solved" with its spin lock
** (seeds/003_e35296164f0c165a.txt, "1. Spin Locks"): each thread spins
** `while spin_lock: pass`, then sets `spin_lock = True`, adds its number to
** `total` and clears the flag. The test and the set are two steps, so two
** threads can both see the flag clear and both go in: the spin lock does not
** give mutual exclusion.
** Expected: bug. First a data_race (on spin_lock itself: plain loads and
** stores are not synchronization); with --no-races, the assertion
** total == 0+1+...+(N-1) fails in the schedules where both threads passed
** the test before either set the flag.
** Size: -DN=<threads> (default 3; the seed has 5).
*/
#include <stdbool.h>
#include <stdio.h>
#include <weft.h>

#ifndef N
#define N 3
#endif

bool spin_lock = false;
int total = 0;

static void test_thread(int num)
{
    while (spin_lock) {
        /* spins: weft parks the thread until another one writes */
    }
    spin_lock = true;
    int temp = total;
    total = temp + num;
    spin_lock = false;
}

/* Start threads i..N-1, then join them; the handles live in this
   recursion's locals (an array on the stack would add steps: see
   total_lock.c). */
static void run_threads(int i)
{
    if (i == N)
        return;
    weft_thread *t = weft_spawn(test_thread, "i", i);
    run_threads(i + 1);
    weft_join(t);
}

int main(void)
{
    run_threads(0);
    printf("The total is: %d\n", total);
    weft_assert(total == N * (N - 1) / 2, "total is %d, expected %d", total, N * (N - 1) / 2);
    return 0;
}
