/*
** queue_join.c: queue_sentinel.c reworked so that work_queue.join() works
** (seeds/002_897fcf942ac2d54e.txt, "queue.Queue (Thread-Safe)": "q.join()
** blocks until every item that has been put() into the queue has been
** matched by a task_done() call"). The producer puts one sentinel per
** consumer instead of one that is passed on, and the consumers task_done()
** every item they get, the sentinel included. Main joins the producer,
** waits in work_queue.join() until all the work is done, then joins the
** consumers. The order matters: join() only counts what has been put so
** far, and returns at once if nothing is unfinished. Build with
** -DEARLY_JOIN to call it before the producer is known to be done: an
** assertion (join() returned before the items were processed).
** Expected: ok. The full search is too large for the naive DFS: the pinned
** runs are one consumer exhaustively and the default size as a random
** search with a budget ("incomplete").
** Size: -DITEMS=<items> (default 2), -DCONSUMERS=<consumer threads>
** (default 2), -DMAXSIZE=<queue bound> (default 1).
*/
#include <stdatomic.h>
#include <weft.h>

#ifndef ITEMS
#define ITEMS 2
#endif
#ifndef CONSUMERS
#define CONSUMERS 2
#endif
#ifndef MAXSIZE
#define MAXSIZE 1
#endif

#define NONE (-1L)

atomic_int processed[ITEMS];

static void producer(weft_queue *q)
{
    for (long item = 0; item < ITEMS; item++)
        weft_queue_put(q, item);
    for (int i = 0; i < CONSUMERS; i++)
        weft_queue_put(q, NONE);   /* one sentinel per consumer */
}

static void consumer(weft_queue *q)
{
    for (;;) {
        long item = weft_queue_get(q);
        if (item != NONE)
            atomic_fetch_add(&processed[item], 1);
        weft_queue_task_done(q);   /* for the sentinel too */
        if (item == NONE)
            break;
    }
}

/* Start consumers i..CONSUMERS-1; once all run, wait for the work, then
   join them (locals, not an array: see total_lock.c). */
static void run_consumers(int i, weft_queue *q, weft_thread *prod)
{
    if (i == CONSUMERS) {
#ifndef EARLY_JOIN
        weft_join(prod);      /* every put() has happened */
#endif
        weft_queue_join(q);   /* ... and has been matched by a task_done() */
        for (int k = 0; k < ITEMS; k++)
            weft_assert(processed[k] == 1, "join returned with item %d processed %d times", k,
                        processed[k]);
        return;
    }
    weft_thread *c = weft_spawn(consumer, "p", q);
    run_consumers(i + 1, q, prod);
    weft_join(c);
}

int main(void)
{
    weft_queue *work_queue = weft_queue_new(MAXSIZE, "work_queue");
    weft_thread *prod = weft_spawn(producer, "p", work_queue);
    run_consumers(0, work_queue, prod);
#ifdef EARLY_JOIN
    weft_join(prod);
#endif
    return 0;
}
