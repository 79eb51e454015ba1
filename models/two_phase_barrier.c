/*
** two_phase_barrier.c: the seed's two-phase barrier
** (seeds/001_0008dd9dc5b18ccf.txt, "3. Barrier", "implementation-self"),
** corrected: the reusable barrier of Allen B. Downey's "The Little Book of
** Semaphores" (section 3.7.5, "Reusable barrier solution"). Both turnstiles
** exist, and each is a real turnstile: a thread that gets through signals
** it again for the next one, so all N pass. The second turnstile starts
** open and is locked by the last thread in, the first one opened by the
** last thread in and locked by the last thread out, so a fast thread cannot
** lap the others. This is also the "reusable barrier" of the classics.
** Two threads (main and one spawned) pass the barrier ROUNDS times; each
** counts its arrival in round i and asserts after the barrier that all
** have arrived.
** Expected: ok. Build with -DNO_TURNSTILE2 (phase 2 without the second
** turnstile) to see a thread lap the other: an assertion. About twenty
** steps per thread per round are beyond the naive DFS even for ROUNDS=1:
** the pinned run of the correct barrier is a random search with a budget
** ("incomplete").
** Size: -DROUNDS=<rounds> (default 2).
*/
#include <stdatomic.h>
#include <weft.h>

#ifndef ROUNDS
#define ROUNDS 2
#endif
#define N 2

typedef struct barrier {
    int n;
    int count;
    weft_sem *mutex;
    weft_sem *turnstile;    /* phase 1: starts locked */
    weft_sem *turnstile2;   /* phase 2: starts open */
} barrier;

static void barrier_init(barrier *self, int n)
{
    self->n = n;
    self->count = 0;
    self->mutex = weft_sem_new(1, "mutex");
    self->turnstile = weft_sem_new(0, "turnstile");
    self->turnstile2 = weft_sem_new(1, "turnstile2");
}

/* The semaphores and n never change after barrier_init(), so wait() reads
   them once into locals: every read of a shared field is a step weft
   interleaves, and the fewer steps, the smaller the search. */
static void barrier_wait(barrier *self)
{
    weft_sem *mutex = self->mutex, *turnstile = self->turnstile;
    weft_sem *turnstile2 = self->turnstile2;
    int n = self->n;

    /* phase 1 */
    weft_sem_acquire(mutex);
    self->count += 1;
    if (self->count == n) {
#ifndef NO_TURNSTILE2
        weft_sem_acquire(turnstile2);   /* lock the second */
#endif
        weft_sem_release(turnstile);    /* unlock the first */
    }
    weft_sem_release(mutex);
    weft_sem_acquire(turnstile);        /* first turnstile */
    weft_sem_release(turnstile);

    /* phase 2 */
    weft_sem_acquire(mutex);
    self->count -= 1;
    if (self->count == 0) {
        weft_sem_acquire(turnstile);    /* lock the first */
#ifndef NO_TURNSTILE2
        weft_sem_release(turnstile2);   /* unlock the second */
#endif
    }
    weft_sem_release(mutex);
#ifndef NO_TURNSTILE2
    weft_sem_acquire(turnstile2);       /* second turnstile */
    weft_sem_release(turnstile2);
#endif
}

static barrier b;
atomic_int arrived[ROUNDS];

static void worker(int id)
{
    for (int i = 0; i < ROUNDS; i++) {
        atomic_fetch_add(&arrived[i], 1);
        barrier_wait(&b);
        int all = atomic_fetch_add(&arrived[i], 0);
        weft_assert(all == N, "worker %d passed round %d with %d of %d arrived", id, i, all, N);
    }
}

int main(void)
{
    barrier_init(&b, N);
    weft_thread *t = weft_spawn(worker, "i", 1);
    worker(0);
    weft_join(t);
    return 0;
}
