/* The seed's square/cube example, two numbers each: two processes put into
   one Queue; main drains it after joining both. Each process's items stay in
   its order; the interleaving of the two varies (outcomes). */
#include <stdio.h>
#include <weft.h>

static void square(weft_queue *q)
{
    for (long i = 1; i <= 2; i++)
        weft_queue_put(q, i * i);
}

static void cube(weft_queue *q)
{
    for (long i = 2; i <= 3; i++)
        weft_queue_put(q, i * i * i);
}

int main(void)
{
    weft_queue *q = weft_queue_new(0, "queue");
    weft_process *sp = weft_process_new(square, "p", q);
    weft_process *cp = weft_process_new(cube, "p", q);
    weft_process_start(sp);
    weft_process_start(cp);
    weft_process_join(sp);
    weft_process_join(cp);
    char buf[64];
    int len = 0;
    while (!weft_queue_empty(q))
        len += snprintf(buf + len, sizeof buf - (size_t)len, "%s%ld", len ? " " : "", weft_queue_get(q));
    weft_outcome("%s", buf);
    return 0;
}
