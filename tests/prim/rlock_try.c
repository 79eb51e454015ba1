/* RLock: acquire(blocking=False) by a non-owner while another thread may
   hold it, and acquire(timeout) explored both ways.
   Expected outcomes: each attempt succeeds or fails. */
#include <weft.h>

static weft_rlock *r;

static void holder(void)
{
    weft_rlock_acquire(r);
    weft_rlock_acquire(r);
    weft_rlock_release(r);
    weft_rlock_release(r);
}

int main(void)
{
    r = weft_rlock_new("r");
    weft_thread *t = weft_spawn(holder, "");
    bool a = weft_rlock_try_acquire(r);
    if (a)
        weft_rlock_release(r);
    bool b = weft_rlock_acquire_timeout(r, 5);
    if (b)
        weft_rlock_release(r);
    weft_outcome("try %d, timeout %d", a, b);
    weft_join(t);
    return 0;
}
