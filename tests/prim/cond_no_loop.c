/* Condition: waiting without checking the predicate first misses a notify
   sent before the wait. Expected: deadlock (main waits on cv forever). */
#include <weft.h>

static weft_cond *c;

static void producer(void)
{
    weft_cond_acquire(c);
    weft_cond_notify(c, 1);
    weft_cond_release(c);
}

int main(void)
{
    c = weft_cond_new(weft_lock_new("lock"), "cv");
    weft_thread *t = weft_spawn(producer, "");
    weft_cond_acquire(c);
    weft_cond_wait(c);
    weft_cond_release(c);
    weft_join(t);
    return 0;
}
