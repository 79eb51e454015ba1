/*
** peterson.c: Peterson's mutual exclusion algorithm for two threads (G. L.
** Peterson, "Myths About the Mutual Exclusion Problem", Information
** Processing Letters 12(3), 1981), on C11 atomics (sequentially consistent,
** as the algorithm needs). A thread raises its flag, gives the turn to the
** other, and waits while the other's flag is up and the turn is the
** other's. Main plays thread 0, one spawned thread plays thread 1; each
** enters the critical section ROUNDS times, and `in_cs` (an atomic counter,
** the model's own instrumentation) must be 0 whenever a thread enters.
** Expected: ok, mutual exclusion holds in every interleaving, and there is
** no data race. peterson_swapped.c swaps the two writes and breaks it.
** Two weft details: the wait loop calls weft_yield(), which only makes the
** search smaller (weft parks a wait loop that re-reads unchanged locations,
** one or several, with the yield or without it); and the loads and stores are seq_cst.h's LOAD and STORE, <stdatomic.h>'s
** atomic_load and atomic_store spelled so that gcc adds no temporary.
** Size: -DROUNDS=<entries per thread> (default 1).
*/
#include <weft.h>

#include "seq_cst.h"

#ifndef ROUNDS
#define ROUNDS 1
#endif

atomic_int flag[2];
atomic_int turn;
atomic_int in_cs;

static void critical_section(int me)
{
    int others = atomic_fetch_add(&in_cs, 1);
    weft_assert(others == 0, "thread %d entered the critical section while another was in it", me);
    atomic_fetch_sub(&in_cs, 1);
}

static void thread(int me)
{
    int other = 1 - me;
    for (int r = 0; r < ROUNDS; r++) {
        STORE(&flag[me], 1);      /* I want to enter */
        STORE(&turn, other);      /* but you go first */
        while (LOAD(&flag[other]) && LOAD(&turn) == other)
            weft_yield();
        critical_section(me);
        STORE(&flag[me], 0);
    }
}

int main(void)
{
    weft_thread *t = weft_spawn(thread, "i", 1);
    thread(0);
    weft_join(t);
    return 0;
}
