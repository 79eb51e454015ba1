/*
** barrier_reuse.c: wait_on_barrier of seeds/001_0008dd9dc5b18ccf.txt
** ("3. Barrier", "Code: Barrier", usage): P1 and P2 pass the same
** Barrier(2) ROUNDS times ("The barrier can be reused any number of times
** for the same number of threads"). Each counts its arrival in round i
** before the wait and asserts after it that both have arrived in round i:
** neither can lap the other. To keep the naive search small, main plays P1
** (one thread fewer) and the seed's "is running" line is left out; its
** "is waiting" and "is finished" lines remain. (With a spawned P1 and both
** lines, ROUNDS=2 has about a million executions.)
** Expected: ok. `weft outcomes` lists the orders of the printed lines.
** Build with -DPARTIES=1 (a barrier that does not wait) to see the
** assertion fail.
** Size: -DROUNDS=<rounds> (default 2, as in the seed).
*/
#include <stdatomic.h>
#include <stdio.h>
#include <weft.h>

#ifndef ROUNDS
#define ROUNDS 2
#endif
#ifndef PARTIES
#define PARTIES 2
#endif

atomic_int arrived[ROUNDS];

static void wait_on_barrier(const char *name, weft_barrier *barrier)
{
    for (int i = 0; i < ROUNDS; i++) {
        atomic_fetch_add(&arrived[i], 1);
        printf("%s is waiting on barrier for %d-th time\n", name, i);
        weft_barrier_wait(barrier);
        int both = atomic_fetch_add(&arrived[i], 0);
        weft_assert(both == 2, "%s passed barrier round %d with %d arrived", name, i, both);
    }
    printf("%s is finished\n", name);
}

int main(void)
{
    weft_barrier *barrier = weft_barrier_new(PARTIES, NULL, WEFT_FOREVER, "barrier");
    weft_thread *p2 = weft_spawn(wait_on_barrier, "sp", "P2", barrier);
    wait_on_barrier("P1", barrier);
    weft_join(p2);
    return 0;
}
