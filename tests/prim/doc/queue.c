/* docs/primitives.md, Queue: a producer puts, a consumer gets and calls
   task_done; join returns only after that, with the consumer's writes
   visible. Expected: no finding. */
#include <weft.h>

static weft_queue *q;
static long got;

static void consumer(void)
{
    long item = weft_queue_get(q);      /* consumer: blocks while empty */
    got = item;
    weft_queue_task_done(q);            /* lets join return */
}

int main(void)
{
    q = weft_queue_new(1, "q");
    weft_spawn(consumer, "");
    weft_queue_put(q, 42);              /* producer: blocks while full */
    weft_queue_join(q);
    weft_assert(got == 42, "got %ld", got);
    return 0;
}
