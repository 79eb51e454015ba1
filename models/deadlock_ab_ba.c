/*
** deadlock_ab_ba.c: lock_a and lock_b acquired in opposite orders by two
** threads (seeds/002_897fcf942ac2d54e.txt, "Deadlock Prevention": "BAD").
** Expected: bug, a deadlock in which each thread holds one lock and waits
** for the other. Fixes: lock_order_global.c, lock_order_by_id.c, lock_timeout.c.
*/
#include <weft.h>

weft_lock *lock_a, *lock_b;

static void transfer_ab(void)
{
    weft_lock_acquire(lock_a);
    weft_lock_acquire(lock_b);
    weft_lock_release(lock_b);
    weft_lock_release(lock_a);
}

static void transfer_ba(void)
{
    weft_lock_acquire(lock_b);
    weft_lock_acquire(lock_a);
    weft_lock_release(lock_a);
    weft_lock_release(lock_b);
}

int main(void)
{
    lock_a = weft_lock_new("lock_a");
    lock_b = weft_lock_new("lock_b");
    weft_thread *t1 = weft_spawn(transfer_ab, "");
    weft_thread *t2 = weft_spawn(transfer_ba, "");
    weft_join(t1);
    weft_join(t2);
    return 0;
}
