/*
** readers_writers.c: the first readers-writers problem, readers'
** preference (P. J. Courtois, F. Heymans and D. L. Parnas, "Concurrent
** Control with 'Readers' and 'Writers'", CACM 14(10), 1971, Problem 1).
** Readers may read together; a writer needs the resource alone. The first
** reader in takes `wrt` for all the readers and the last one out gives it
** back; `mutex` protects the reader count. `wrt` is a Semaphore, not a
** Lock: the reader that releases it is often not the one that took it.
** The shared data is a plain int that readers read and writers increment:
** the race detector is the oracle. A read and a write (or two writes) that
** nothing orders are exactly a reader inside with a writer (or two
** writers inside), so "no data race" is the exclusion property.
** Expected: ok, no data race and no deadlock. (As the paper says of
** Problem 1, a steady stream of readers can starve the writers; that is a
** liveness property, not checked here.) Build with -DNO_WRT_FOR_READERS
** (readers do not take `wrt`) to see a reader inside with the writer: a
** data race on `data`.
** Size: -DREADERS=<reader threads> (default 2), -DWRITERS=<writer threads>
** (default 1).
*/
#include <weft.h>

#ifndef READERS
#define READERS 2
#endif
#ifndef WRITERS
#define WRITERS 1
#endif

int data;             /* the shared resource */
int readcount;        /* protected by mutex */

static void reader(weft_sem *mutex, weft_sem *wrt)
{
    weft_sem_acquire(mutex);
    readcount++;
#ifndef NO_WRT_FOR_READERS
    if (readcount == 1)
        weft_sem_acquire(wrt);    /* the first reader locks out writers */
#endif
    weft_sem_release(mutex);

    int seen = data;              /* reading */
    (void)seen;

    weft_sem_acquire(mutex);
    readcount--;
#ifndef NO_WRT_FOR_READERS
    if (readcount == 0)
        weft_sem_release(wrt);    /* the last reader lets writers in */
#endif
    weft_sem_release(mutex);
}

static void writer(weft_sem *wrt)
{
    weft_sem_acquire(wrt);
    data++;                       /* writing */
    weft_sem_release(wrt);
}

/* Start readers, then writers, from i on; then join them (locals, not an
   array: see total_lock.c). */
static void run_threads(int i, weft_sem *mutex, weft_sem *wrt)
{
    if (i == READERS + WRITERS)
        return;
    weft_thread *t = i < READERS ? weft_spawn(reader, "pp", mutex, wrt)
                                 : weft_spawn(writer, "p", wrt);
    run_threads(i + 1, mutex, wrt);
    weft_join(t);
}

int main(void)
{
    run_threads(0, weft_sem_new(1, "mutex"), weft_sem_new(1, "wrt"));
    return 0;
}
