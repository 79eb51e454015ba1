/* get_timeout racing a put: explored both ways, got and timed out. */
#include <weft.h>

static void producer(weft_queue *q)
{
    weft_queue_put(q, 5);
}

int main(void)
{
    weft_queue *q = weft_queue_new(0, "q");
    weft_spawn(producer, "p", q);
    long x = 0;
    if (weft_queue_get_timeout(q, &x, 10))
        weft_outcome("got %ld", x);
    else
        weft_outcome("timeout");
    return 0;
}
