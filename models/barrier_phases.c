/*
** barrier_phases.c: phased_worker of seeds/002_897fcf942ac2d54e.txt
** ("threading.Barrier"): every worker prints that its phase 1 is complete,
** waits on a Barrier(N), and prints that it starts phase 2. "All 4 must
** reach here before any proceeds": each worker counts itself in `phase1`
** (atomically) before the barrier and asserts after it that all N have.
** Expected: ok; no worker starts phase 2 early, in any interleaving.
** `weft outcomes` lists the orders of the printed lines: all the phase 1
** lines always come first. Build with -DPARTIES=<N-1> (a barrier for fewer
** parties than workers) to see the assertion fail.
** Size: -DN=<workers> (default 2; the seed has 4; N=3 is already more
** than the naive DFS finishes in a minute), -DPARTIES=<the barrier's
** parties> (default N).
*/
#include <stdatomic.h>
#include <stdio.h>
#include <weft.h>

#ifndef N
#define N 2
#endif
#ifndef PARTIES
#define PARTIES N
#endif

atomic_int phase1;

static void phased_worker(int worker_id, weft_barrier *barrier)
{
    printf("Worker %d: phase 1 complete\n", worker_id);
    atomic_fetch_add(&phase1, 1);
    weft_barrier_wait(barrier);   /* all N must reach here before any proceeds */
    int done = atomic_fetch_add(&phase1, 0);
    weft_assert(done == N, "worker %d starts phase 2 after %d of %d workers", worker_id, done, N);
    printf("Worker %d: starting phase 2\n", worker_id);
}

/* Start workers i..N-1, then join them (locals, not an array: see
   total_lock.c). */
static void run_workers(int i, weft_barrier *barrier)
{
    if (i == N)
        return;
    weft_thread *t = weft_spawn(phased_worker, "ip", i, barrier);
    run_workers(i + 1, barrier);
    weft_join(t);
}

int main(void)
{
    run_workers(0, weft_barrier_new(PARTIES, NULL, WEFT_FOREVER, "barrier"));
    return 0;
}
