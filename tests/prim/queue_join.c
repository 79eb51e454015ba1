/* Queue.join returns only after every item put has had its task_done: the
   consumer's writes before task_done are visible (and race-free) after join.
   Expected: no finding. */
#include <weft.h>

static int processed;

static void consumer(weft_queue *q)
{
    for (int i = 0; i < 2; i++) {
        long x = weft_queue_get(q);
        processed += (int)x;
        weft_queue_task_done(q);
    }
}

int main(void)
{
    weft_queue *q = weft_queue_new(0, "q");
    weft_spawn(consumer, "p", q);
    weft_queue_put(q, 1);
    weft_queue_put(q, 2);
    weft_queue_join(q);
    weft_assert(processed == 3, "processed %d", processed);
    return 0;
}
