/*
** dekker.c: Dekker's algorithm, the first correct software mutual
** exclusion for two threads (T. J. Dekker, as presented by E. W. Dijkstra,
** "Cooperating Sequential Processes", EWD123, 1965), on C11 atomics. A
** thread raises its flag; while the other's flag is up, if it is not its
** turn, it lowers its flag, waits for the turn and raises it again. On
** leaving, it hands the turn over and lowers its flag. Main plays thread 0,
** a spawned thread plays thread 1; `in_cs` (atomic) must be 0 whenever a
** thread enters.
** Expected: ok: mutual exclusion, no deadlock, no data race. Build with
** -DNO_BACKOFF (wait without lowering the flag) to see the two threads
** wait for each other forever: a livelock.
** As in peterson.c, the outer loop calls weft_yield(), which only makes
** the search smaller; weft parks both wait loops by itself. LOAD and STORE come from seq_cst.h.
** Size: -DROUNDS=<entries per thread> (default 1).
*/
#include <weft.h>

#include "seq_cst.h"

#ifndef ROUNDS
#define ROUNDS 1
#endif

atomic_int wants_to_enter[2];
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
        STORE(&wants_to_enter[me], 1);
        while (LOAD(&wants_to_enter[other])) {
            if (LOAD(&turn) != me) {
#ifndef NO_BACKOFF
                STORE(&wants_to_enter[me], 0);
                while (LOAD(&turn) != me) {
                    /* busy wait: parked until turn changes */
                }
                STORE(&wants_to_enter[me], 1);
#endif
            }
            weft_yield();
        }
        critical_section(me);
        STORE(&turn, other);
        STORE(&wants_to_enter[me], 0);
    }
}

int main(void)
{
    weft_thread *t = weft_spawn(thread, "i", 1);
    thread(0);
    weft_join(t);
    return 0;
}
