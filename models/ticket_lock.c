/*
** ticket_lock.c: a ticket lock on C11 atomics (the "ticket" lock of J. M.
** Mellor-Crummey and M. L. Scott, "Algorithms for Scalable Synchronization
** on Shared-Memory Multiprocessors", ACM TOCS 9(1), 1991): a thread takes
** the next ticket with one atomic_fetch_add, waits until `now_serving`
** reaches it, and on unlock serves the next ticket. Threads enter in
** ticket order, first come first served. Main and THREADS-1 spawned
** threads each take the lock ROUNDS times; `in_cs` (atomic) must be 0
** whenever a thread enters, and the plain counter it protects must come
** out right with no data race.
** Expected: ok. Build with -DSPLIT_TAKE to take the ticket with a load and
** a store instead of one fetch_add: two threads can draw the same ticket.
** Then either both enter together (an assertion), or one goes through and
** serves the ticket, and the other spins forever waiting for a ticket that
** was already served: a livelock, which the DFS happens to meet first.
** The wait reads one location, so weft parks it by itself. LOAD and STORE
** come from seq_cst.h.
** Size: -DTHREADS=<threads, main included> (default 2), -DROUNDS=<entries
** per thread> (default 1).
*/
#include <weft.h>

#include "seq_cst.h"

#ifndef THREADS
#define THREADS 2
#endif
#ifndef ROUNDS
#define ROUNDS 1
#endif

typedef struct ticket_lock {
    atomic_uint next_ticket;
    atomic_uint now_serving;
} ticket_lock;

static void ticket_lock_acquire(ticket_lock *l)
{
#ifndef SPLIT_TAKE
    unsigned my = atomic_fetch_add(&l->next_ticket, 1);
#else
    unsigned my = LOAD(&l->next_ticket);
    STORE(&l->next_ticket, my + 1);
#endif
    while (LOAD(&l->now_serving) != my) {
        /* spin: parked until now_serving changes */
    }
}

static void ticket_lock_release(ticket_lock *l)
{
    STORE(&l->now_serving, LOAD(&l->now_serving) + 1);   /* only the holder writes it */
}

static ticket_lock lock;
atomic_int in_cs;
int counter;   /* protected by the lock */

static void worker(int id)
{
    for (int r = 0; r < ROUNDS; r++) {
        ticket_lock_acquire(&lock);
        int others = atomic_fetch_add(&in_cs, 1);
        weft_assert(others == 0, "thread %d entered while another held the lock", id);
        counter++;
        atomic_fetch_sub(&in_cs, 1);
        ticket_lock_release(&lock);
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
