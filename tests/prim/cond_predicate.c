/* Condition: a consumer waits in a predicate loop for an item a producer
   adds; whichever runs first, the consumer gets it. Expected: no finding. */
#include <weft.h>

static weft_cond *c;
static int items;

static void producer(void)
{
    weft_cond_acquire(c);
    items++;
    weft_cond_notify(c, 1);
    weft_cond_release(c);
}

int main(void)
{
    c = weft_cond_new(weft_lock_new("lock"), "cv");
    weft_thread *t = weft_spawn(producer, "");
    weft_cond_acquire(c);
    while (items == 0)
        weft_cond_wait(c);
    items--;
    weft_cond_release(c);
    weft_join(t);
    return 0;
}
