/* Lock: acquire(blocking=False) while another thread may hold the lock.
   Expected outcomes: got it, or found it taken. */
#include <weft.h>

static weft_lock *l;

static void holder(void)
{
    weft_lock_acquire(l);
    weft_lock_release(l);
}

int main(void)
{
    l = weft_lock_new("l");
    weft_thread *t = weft_spawn(holder, "");
    if (weft_lock_try_acquire(l)) {
        weft_outcome("got");
        weft_lock_release(l);
    } else {
        weft_outcome("busy");
    }
    weft_join(t);
    return 0;
}
