/* FIFO order per producer: whatever the interleaving, each producer's items
   come out in the order it put them. Expected: no finding. */
#include <weft.h>

static void producer(weft_queue *q, long base)
{
    weft_queue_put(q, base + 1);
    weft_queue_put(q, base + 2);
}

int main(void)
{
    weft_queue *q = weft_queue_new(0, "q");
    weft_spawn(producer, "pl", q, 10L);
    weft_spawn(producer, "pl", q, 20L);
    long last10 = 10, last20 = 20;
    for (int i = 0; i < 4; i++) {
        long x = weft_queue_get(q);
        if (x < 20) {
            weft_assert(x == last10 + 1, "got %ld after %ld", x, last10);
            last10 = x;
        } else {
            weft_assert(x == last20 + 1, "got %ld after %ld", x, last20);
            last20 = x;
        }
    }
    return 0;
}
