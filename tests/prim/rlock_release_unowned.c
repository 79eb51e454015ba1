/* RLock: one release too many (the lock is unowned by then) is Python's
   RuntimeError. Expected: misuse. */
#include <weft.h>

int main(void)
{
    weft_rlock *r = weft_rlock_new("r");
    weft_rlock_acquire(r);
    weft_rlock_acquire(r);
    weft_rlock_release(r);
    weft_rlock_release(r);
    weft_rlock_release(r);
    return 0;
}
