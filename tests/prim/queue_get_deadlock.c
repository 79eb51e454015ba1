/* Two consumers, one item: one get waits forever. Expected: deadlock. */
#include <weft.h>

static void consumer(weft_queue *q)
{
    weft_queue_get(q);
}

int main(void)
{
    weft_queue *q = weft_queue_new(0, "q");
    weft_thread *t = weft_spawn(consumer, "p", q);
    weft_queue_put(q, 1);
    weft_queue_get(q);
    weft_join(t);
    return 0;
}
