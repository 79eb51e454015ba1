/* A Queue(1) between a producer of three items and a consumer: put blocks
   while full, nothing is lost or reordered, and nothing deadlocks. */
#include <weft.h>

static void producer(weft_queue *q)
{
    for (long i = 1; i <= 3; i++)
        weft_queue_put(q, i);
}

int main(void)
{
    weft_queue *q = weft_queue_new(1, "q");
    weft_spawn(producer, "p", q);
    for (long i = 1; i <= 3; i++) {
        long x = weft_queue_get(q);
        weft_assert(x == i, "got %ld, expected %ld", x, i);
    }
    return 0;
}
