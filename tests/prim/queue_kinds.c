/* LifoQueue, PriorityQueue, a bounded Queue's Full and Empty, and qsize, in
   one thread: one execution, no finding. */
#include <weft.h>

int main(void)
{
    weft_queue *l = weft_lifoqueue_new(0, "lifo");
    weft_queue_put(l, 1);
    weft_queue_put(l, 2);
    weft_queue_put(l, 3);
    weft_assert(weft_queue_get(l) == 3);
    weft_assert(weft_queue_get(l) == 2);
    weft_queue_put(l, 4);
    weft_assert(weft_queue_get(l) == 4);
    weft_assert(weft_queue_get(l) == 1);

    weft_queue *p = weft_priorityqueue_new(0, "prio");
    long in[] = {5, 1, 4, 1, 3};
    for (int i = 0; i < 5; i++)
        weft_queue_put(p, in[i]);
    weft_assert(weft_queue_qsize(p) == 5);
    long want[] = {1, 1, 3, 4, 5};
    for (int i = 0; i < 5; i++) {
        long x = weft_queue_get(p);
        weft_assert(x == want[i], "priority get %d: %ld", i, x);
    }

    weft_queue *b = weft_queue_new(2, "bounded");
    long x = 0;
    weft_assert(weft_queue_empty(b));
    weft_assert(!weft_queue_get_nowait(b, &x));
    weft_assert(weft_queue_put_nowait(b, 7));
    weft_assert(weft_queue_put_timeout(b, 8, 0));
    weft_assert(weft_queue_full(b));
    weft_assert(!weft_queue_put_nowait(b, 9));
    weft_assert(weft_queue_get_nowait(b, &x) && x == 7);
    weft_assert(weft_queue_get_timeout(b, &x, WEFT_FOREVER) && x == 8);

    weft_queue *s = weft_simplequeue_new("simple");
    for (long i = 0; i < 20; i++)
        weft_queue_put(s, i);
    for (long i = 0; i < 20; i++)
        weft_assert(weft_queue_get(s) == i);
    return 0;
}
