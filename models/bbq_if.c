/*
** bbq_if.c: BoundedBlockingQueue of seeds/001_0008dd9dc5b18ccf.txt ("4.
** Queue", "implementation-in-house") with `if` instead of `while` around
** the waits (and notify_all(), as in the correct bbq.c). A woken thread
** does not check again: when both consumers wait on the empty queue and a
** producer's notify_all() wakes both, the first takes the item and the
** second pops from an empty queue (Python: IndexError: pop from an empty
** deque).
** Expected: bug, an assertion in dequeue(), found in the first execution.
** The code is bbq.c's but for the two `if`s.
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
        if (q->len >= CAPACITY)         /* the bug: `if`, not `while` */
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
        if (q->len == 0)                /* the bug: `if`, not `while` */
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
