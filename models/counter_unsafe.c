/*
** counter_unsafe.c: the counter of seeds/002_897fcf942ac2d54e.txt ("Why
** Synchronization Matters", "Without the lock, the final count would be
** unpredictable"): THREADS workers each increment a shared counter ITERS
** times with `value += 1` and no lock.
** Expected: bug. First a data_race on `value`; with --no-races, the
** assertion value == THREADS*ITERS fails (a lost update: two workers read
** the same value and both write it plus one). `weft outcomes` lists every
** final count.
** Size: -DTHREADS=<workers> (default 2; the seed has 4), -DITERS=<increments
** per worker> (default 2; the seed has 100000).
*/
#include <stdio.h>
#include <weft.h>

#ifndef THREADS
#define THREADS 2
#endif
#ifndef ITERS
#define ITERS 2
#endif

int value = 0;

static void worker(void)
{
    for (int i = 0; i < ITERS; i++)
        value += 1;
}

/* Start workers i..THREADS-1, then join them (locals, not an array: see
   total_lock.c). */
static void run_workers(int i)
{
    if (i == THREADS)
        return;
    weft_thread *t = weft_spawn(worker, "");
    run_workers(i + 1);
    weft_join(t);
}

int main(void)
{
    run_workers(0);
    printf("%d\n", value);
    weft_assert(value == THREADS * ITERS, "value is %d, expected %d", value, THREADS * ITERS);
    return 0;
}
