/* Condition: wait(timeout) is explored both ways: notified, or timed out
   (and the lock reacquired either way). Expected outcomes: both. */
#include <weft.h>

static weft_cond *c;

static void notifier(void)
{
    weft_cond_acquire(c);
    weft_cond_notify(c, 1);
    weft_cond_release(c);
}

int main(void)
{
    c = weft_cond_new(NULL, "cv");
    weft_cond_acquire(c);
    weft_thread *t = weft_spawn(notifier, "");
    bool got = weft_cond_wait_timeout(c, 5);
    weft_outcome(got ? "notified" : "timed out");
    weft_cond_release(c);
    weft_join(t);
    return 0;
}
