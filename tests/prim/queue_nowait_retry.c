/* A retry loop on get_nowait terminates: a failed attempt is no progress,
   so the producer gets to run. Expected: no finding, the search complete. */
#include <weft.h>

static void producer(weft_queue *q)
{
    weft_queue_put(q, 5);
}

int main(void)
{
    weft_queue *q = weft_queue_new(0, "q");
    weft_spawn(producer, "p", q);
    long x;
    while (!weft_queue_get_nowait(q, &x))
        ;
    weft_assert(x == 5);
    return 0;
}
