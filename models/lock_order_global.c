/*
** lock_order_global.c: deadlock_ab_ba.c fixed by one global lock order
** (seeds/002_897fcf942ac2d54e.txt, "Deadlock Prevention": "GOOD: Both
** threads acquire A first, then B"). Two threads run safe_transfer(), each
** taking lock_a and then lock_b.
** Expected: ok; no interleaving deadlocks, and no lock-order inversion.
*/
#include <weft.h>

static void safe_transfer(weft_lock *lock_a, weft_lock *lock_b)
{
    WEFT_WITH(lock_a) {
        WEFT_WITH(lock_b) {
            /* both locks held safely */
        }
    }
}

int main(void)
{
    weft_lock *lock_a = weft_lock_new("lock_a");
    weft_lock *lock_b = weft_lock_new("lock_b");
    weft_thread *t1 = weft_spawn(safe_transfer, "pp", lock_a, lock_b);
    weft_thread *t2 = weft_spawn(safe_transfer, "pp", lock_a, lock_b);
    weft_join(t1);
    weft_join(t2);
    return 0;
}
