/* Condition: wait_for(predicate, timeout) returns the predicate's last
   value: true once the setter ran, false when a wait timed out first.
   Also the predicate true at once (no wait). Expected outcomes: both. */
#include <weft.h>

static weft_cond *c;
static int flag;

static bool is_set(void *arg)
{
    return *(int *)arg != 0;
}

static void setter(void)
{
    weft_cond_acquire(c);
    flag = 1;
    weft_cond_notify_all(c);
    weft_cond_release(c);
}

int main(void)
{
    c = weft_cond_new(weft_rlock_new("r"), "cv");
    weft_thread *t = weft_spawn(setter, "");
    weft_cond_acquire(c);
    bool got = weft_cond_wait_for(c, is_set, &flag, 5);
    weft_assert(got == (flag != 0));
    weft_cond_release(c);
    weft_join(t);
    weft_cond_acquire(c);
    weft_assert(weft_cond_wait_for(c, is_set, &flag, 0));
    weft_cond_release(c);
    weft_outcome("%s", got ? "true" : "false");
    return 0;
}
