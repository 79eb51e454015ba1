/* Lock: acquire(timeout=...) is explored both ways while the lock is held:
   acquired after the release, or timed out. Expected outcomes: both. */
#include <weft.h>

static weft_lock *l;

static void worker(void)
{
    if (weft_lock_acquire_timeout(l, 10)) {
        weft_outcome("acquired");
        weft_lock_release(l);
    } else {
        weft_outcome("timed out");
    }
}

int main(void)
{
    l = weft_lock_new("l");
    weft_lock_acquire(l);
    weft_thread *t = weft_spawn(worker, "");
    weft_lock_release(l);
    weft_join(t);
    return 0;
}
