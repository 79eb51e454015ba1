/*
** bakery.c: Lamport's bakery algorithm (L. Lamport, "A New Solution of
** Dijkstra's Concurrent Programming Problem", CACM 17(8), 1974) for N=2
** threads, on C11 atomics. A thread takes a ticket one higher than every
** ticket it sees (announcing with `choosing` that it is taking one), then
** waits for each other thread to finish choosing and for every smaller
** ticket (ties broken by thread number) to be served. Bounded: each thread
** enters ROUNDS times, so tickets stay small. Main plays thread 0, a
** spawned thread plays thread 1; `in_cs` (atomic) must be 0 whenever a
** thread enters.
** Expected: ok: mutual exclusion and no data race. Build with -DNO_CHOOSING
** to drop the `choosing` flags: a thread can read the other's ticket as 0
** while that one is still computing it, both take ticket 1, and the one
** with the larger number enters with the other: an assertion.
** Each wait loop reads one location (the thread's own ticket is kept in a
** local), so weft parks it by itself. LOAD and STORE come from seq_cst.h.
** Size: -DROUNDS=<entries per thread> (default 1).
*/
#include <weft.h>

#include "seq_cst.h"

#ifndef ROUNDS
#define ROUNDS 1
#endif
#define N 2

atomic_int choosing[N];
atomic_int number[N];
atomic_int in_cs;

static void critical_section(int me)
{
    int others = atomic_fetch_add(&in_cs, 1);
    weft_assert(others == 0, "thread %d entered the critical section while another was in it", me);
    atomic_fetch_sub(&in_cs, 1);
}

static void thread(int i)
{
    for (int r = 0; r < ROUNDS; r++) {
#ifndef NO_CHOOSING
        STORE(&choosing[i], 1);
#endif
        int max = 0;
        for (int j = 0; j < N; j++) {
            if (j == i)
                continue;   /* its own number is 0 here: one step saved */
            int t = LOAD(&number[j]);
            if (t > max)
                max = t;
        }
        int mine = 1 + max;
        STORE(&number[i], mine);
#ifndef NO_CHOOSING
        STORE(&choosing[i], 0);
#endif
        for (int j = 0; j < N; j++) {
            if (j == i)
                continue;
#ifndef NO_CHOOSING
            while (LOAD(&choosing[j])) {
                /* j is taking a ticket */
            }
#endif
            int t;
            while ((t = LOAD(&number[j])) != 0 && (t < mine || (t == mine && j < i))) {
                /* j goes first */
            }
        }
        critical_section(i);
        STORE(&number[i], 0);
    }
}

int main(void)
{
    weft_thread *t = weft_spawn(thread, "i", 1);
    thread(0);
    weft_join(t);
    return 0;
}
