/*
** bbq.c: BoundedBlockingQueue of seeds/001_0008dd9dc5b18ccf.txt ("4. Queue",
** the "implementation-in-house" tab): a deque guarded by one Condition;
** enqueue() waits `while` the queue is full, dequeue() waits `while` it is
** empty. Two producers and two consumers share a queue of CAPACITY 1.
** This is the correct form: both waits loop, and both wake-ups are
** notify_all(). (The seed's own code calls notify(): with more than one
** producer and one consumer that can wake the wrong side and deadlock, see
** bbq_notify.c; bbq_if.c shows what `if` instead of `while` does. Each
** differs from this file in that one place.)
** Expected: ok, every item is dequeued exactly once; the full search is
** too large for the naive DFS, so the pinned run is a random search with a
** budget (verdict "incomplete").
** Size: -DCAPACITY=<slots> (default 1), -DITEMS=<items per producer and per
** consumer> (default 1).
*/
#include <stdio.h>
#include <weft.h>

#ifndef CAPACITY
#define CAPACITY 1
#endif
#ifndef ITEMS
#define ITEMS 1
#endif

typedef struct bbq {
    int items[CAPACITY];
    int head;       /* index of the oldest item */
    int len;
} bbq;

static void enqueue(bbq *q, weft_cond *condition, int element)
{
    WEFT_WITH(condition) {
        while (q->len >= CAPACITY)
            weft_cond_wait(condition);
        weft_assert(q->len < CAPACITY, "enqueue into a full queue (%d items)", q->len);
        q->items[(q->head + q->len) % CAPACITY] = element;
        q->len++;
        weft_cond_notify_all(condition);
    }
}

static int dequeue(bbq *q, weft_cond *condition)
{
    int element;
    WEFT_WITH(condition) {
        while (q->len == 0)
            weft_cond_wait(condition);
        weft_assert(q->len > 0, "IndexError: pop from an empty deque");
        element = q->items[q->head];
        q->head = (q->head + 1) % CAPACITY;
        q->len--;
        weft_cond_notify_all(condition);
    }
    return element;
}

static bbq queue;
int consumed[2 * ITEMS + 1];   /* consumed[x]: how often item x came out */

static void producer(int first, weft_cond *condition)
{
    for (int i = 0; i < ITEMS; i++)
        enqueue(&queue, condition, first + i);
}

static void consumer(weft_cond *condition)
{
    for (int i = 0; i < ITEMS; i++) {
        int x = dequeue(&queue, condition);
        consumed[x]++;   /* under no lock: each item comes out once, or it races */
    }
}

int main(void)
{
    weft_cond *condition = weft_cond_new(NULL, "condition");
    weft_thread *c1 = weft_spawn(consumer, "p", condition);
    weft_thread *c2 = weft_spawn(consumer, "p", condition);
    weft_thread *p1 = weft_spawn(producer, "ip", 1, condition);
    weft_thread *p2 = weft_spawn(producer, "ip", 1 + ITEMS, condition);
    weft_join(c1);
    weft_join(c2);
    weft_join(p1);
    weft_join(p2);
    for (int x = 1; x <= 2 * ITEMS; x++)
        weft_assert(consumed[x] == 1, "item %d came out %d times", x, consumed[x]);
    printf("all %d items consumed once\n", 2 * ITEMS);
    return 0;
}
