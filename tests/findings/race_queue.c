/* data_race and the Queue: a producer fills a buffer (plain memory) and
   puts it on a Queue; the consumer gets it and reads the buffer. The put
   happens before the get that takes the item, so the accesses are ordered:
   no race. Expected: no findings.
   With -DOUTSIDE the consumer peeks at the buffer before its get: that read
   is outside the queue's ordering, and races with the producer's write. */
#include <weft.h>

int buffer;
weft_queue *q;

static void producer(void)
{
    buffer = 42;
    weft_queue_put(q, 1);
}

static void consumer(void)
{
    int seen = 0;
#ifdef OUTSIDE
    seen = buffer;
#endif
    long item = weft_queue_get(q);
    seen += buffer;
    weft_assert(item == 1 && seen >= 42, "item %ld, seen %d", item, seen);
}

int main(void)
{
    q = weft_queue_new(0, "q");
    weft_thread *c = weft_spawn(consumer, "");
    weft_thread *p = weft_spawn(producer, "");
    weft_join(c);
    weft_join(p);
    return 0;
}
