/* RLock: only the owner may release it; unlike a Lock, a release by another
   thread is Python's RuntimeError. Expected: misuse. */
#include <weft.h>

static weft_rlock *r;

static void worker(void)
{
    weft_rlock_release(r);
}

int main(void)
{
    r = weft_rlock_new("r");
    weft_rlock_acquire(r);
    weft_thread *t = weft_spawn(worker, "");
    weft_join(t);
    return 0;
}
