/*
** ttas_lock.c: a test-and-test-and-set spin lock on C11 atomics (L.
** Rudolph and Z. Segall, "Dynamic Decentralized Cache Schemes for MIMD
** Parallel Processors", ISCA 1984; M. Herlihy and N. Shavit, "The Art of
** Multiprocessor Programming", 7.3): spin reading the flag until it looks
** free, then try to take it with one atomic exchange, and spin again if
** another thread got there first. This is the seed's spin lock
** (total_spinlock.c) done right: the test and the set are one atomic step.
** Main and THREADS-1 spawned threads each take the lock ROUNDS times;
** `in_cs` (atomic) must be 0 whenever a thread enters, and the plain
** counter it protects must come out right with no data race.
** Expected: ok. Build with -DTEST_THEN_SET to replace the exchange by a
** load and a store, as in the seed: an assertion (two threads inside).
** The inner wait reads one location, so weft parks it by itself. LOAD,
** STORE and EXCHANGE come from seq_cst.h.
** Size: -DTHREADS=<threads, main included> (default 2), -DROUNDS=<entries
** per thread> (default 1).
*/
#include <stdbool.h>
#include <weft.h>

#include "seq_cst.h"

#ifndef THREADS
#define THREADS 2
#endif
#ifndef ROUNDS
#define ROUNDS 1
#endif

static atomic_bool locked;

static void ttas_acquire(void)
{
    for (;;) {
        while (LOAD(&locked)) {
            /* test: spin on a plain read, parked until the flag changes */
        }
#ifndef TEST_THEN_SET
        if (!EXCHANGE(&locked, true))   /* test-and-set */
            return;
#else
        STORE(&locked, true);           /* the seed's "spin_lock = True" */
        return;
#endif
    }
}

static void ttas_release(void)
{
    STORE(&locked, false);
}

atomic_int in_cs;
int counter;   /* protected by the lock */

static void worker(int id)
{
    for (int r = 0; r < ROUNDS; r++) {
        ttas_acquire();
        int others = atomic_fetch_add(&in_cs, 1);
        weft_assert(others == 0, "thread %d entered while another held the lock", id);
        counter++;
        atomic_fetch_sub(&in_cs, 1);
        ttas_release();
    }
}

/* Start threads i..THREADS-1 (main is thread 0), then join them (locals,
   not an array: see total_lock.c). */
static void run_threads(int i)
{
    if (i == THREADS) {
        worker(0);
        return;
    }
    weft_thread *t = weft_spawn(worker, "i", i);
    run_threads(i + 1);
    weft_join(t);
}

int main(void)
{
    run_threads(1);
    weft_assert(counter == THREADS * ROUNDS, "counter is %d", counter);
    return 0;
}
