/* WEFT_WITH on every context manager: Lock, RLock (nested), Condition (its
   lock) and Semaphore; inside, the object is held, after, it is free.
   Expected: no finding, one execution. */
#include <weft.h>

int main(void)
{
    weft_lock *l = weft_lock_new("l");
    weft_rlock *r = weft_rlock_new("r");
    weft_lock *cl = weft_lock_new("cl");
    weft_cond *c = weft_cond_new(cl, "c");
    weft_sem *s = weft_sem_new(2, "s");
    WEFT_WITH(l) weft_assert(weft_lock_locked(l));
    weft_assert(!weft_lock_locked(l));
    WEFT_WITH(r) WEFT_WITH(r) weft_assert(weft_rlock_try_acquire(r));
    weft_rlock_release(r);
    WEFT_WITH(c) {
        weft_assert(weft_lock_locked(cl));
        weft_cond_notify(c, 1);        /* legal: the lock is held */
    }
    weft_assert(!weft_lock_locked(cl));
    WEFT_WITH(s) weft_assert(weft_sem_value(s) == 1);
    weft_assert(weft_sem_value(s) == 2);
    return 0;
}
