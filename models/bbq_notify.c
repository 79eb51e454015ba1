/*
** bbq_notify.c: BoundedBlockingQueue exactly as seeds/001_0008dd9dc5b18ccf.txt
** writes it ("4. Queue", "implementation-in-house"): `while` loops, but
** notify() instead of notify_all(). Producers and consumers wait on the
** same Condition, so notify() can wake a thread of the wrong side. With two
** producers, two consumers and CAPACITY 1: both consumers wait on the empty
** queue; a producer puts an item and wakes the first consumer; the second
** producer finds the queue full and waits; the woken consumer takes the
** item and its notify() wakes the oldest waiter, the other consumer, not
** the producer; that consumer finds the queue empty and waits again. Now a
** producer and a consumer wait and nobody is left to notify them. (The
** seed's demo runs one thread at a time, so it never shows.)
** Expected: bug, a deadlock (every unfinished thread waits on the
** Condition). The pinned run is a random search, which finds it in its
** second execution; the naive DFS starts from the other end of the tree.
** The code is bbq.c's but for the two notify() calls.
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
        weft_cond_notify(condition, 1);   /* the bug: notify(), as in the seed */
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
        weft_cond_notify(condition, 1);   /* the bug: notify(), as in the seed */
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
