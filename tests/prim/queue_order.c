/* Two producers race: both arrival orders are outcomes. */
#include <weft.h>

static void producer(weft_queue *q, long x)
{
    weft_queue_put(q, x);
}

int main(void)
{
    weft_queue *q = weft_queue_new(0, "q");
    weft_spawn(producer, "pl", q, 1L);
    weft_spawn(producer, "pl", q, 2L);
    long a = weft_queue_get(q);
    long b = weft_queue_get(q);
    weft_outcome("%ld %ld", a, b);
    return 0;
}
