/*
** queue_sentinel.c: the producer and consumers of
** seeds/002_897fcf942ac2d54e.txt ("queue.Queue (Thread-Safe)"): a producer
** puts ITEMS items into a Queue(maxsize=MAXSIZE), then the sentinel None
** (here -1); each consumer gets items, prints and task_done()s them, and on
** the sentinel puts it back for the next consumer and stops. maxsize makes
** the producer block while the queue is full ("backpressure").
** Expected: ok; every item is processed exactly once and every thread
** ends. The full search is too large for the naive DFS: the pinned runs
** are a random search with a budget ("incomplete") and, exhaustively, the
** same with one consumer.
** The seed then says that q.join() "blocks until every item that has been
** put() into the queue has been matched by a task_done() call". Build with
** -DJOIN to have main call work_queue.join() after the producer ends: a
** deadlock, because the sentinel was put CONSUMERS+1 times and never
** task_done()'d. queue_join.c is the pattern that works with join().
** Size: -DITEMS=<items> (default 2; the seed has 20), -DCONSUMERS=<consumer
** threads> (default 2; the seed has 3), -DMAXSIZE=<queue bound> (default 1;
** the seed has 10).
*/
#include <stdatomic.h>
#include <stdio.h>
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
    weft_queue_put(q, NONE);   /* sentinel value */
}

static void consumer(weft_queue *q, int name)
{
    for (;;) {
        long item = weft_queue_get(q);
        if (item == NONE) {
            weft_queue_put(q, NONE);   /* re-post the sentinel for other consumers */
            break;
        }
        printf("Consumer-%d processed: %ld\n", name, item);
        atomic_fetch_add(&processed[item], 1);
        weft_queue_task_done(q);
    }
}

/* Start consumers i..CONSUMERS-1, then join them (locals, not an array: see
   total_lock.c). */
static void run_consumers(int i, weft_queue *q, weft_thread *prod)
{
    if (i == CONSUMERS) {
        weft_join(prod);
#ifdef JOIN
        weft_queue_join(q);   /* waits for a task_done() per put(): forever */
#endif
        return;
    }
    weft_thread *c = weft_spawn(consumer, "pi", q, i);
    run_consumers(i + 1, q, prod);
    weft_join(c);
}

int main(void)
{
    weft_queue *work_queue = weft_queue_new(MAXSIZE, "work_queue");
    weft_thread *prod = weft_spawn(producer, "p", work_queue);
    run_consumers(0, work_queue, prod);
    for (int i = 0; i < ITEMS; i++)
        weft_assert(processed[i] == 1, "item %d processed %d times", i, processed[i]);
    return 0;
}
