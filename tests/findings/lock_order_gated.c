/* lock_order: the AB/BA orders of lock_order_ab_ba.c, each taken while
   holding the same outer lock, gate. Two threads can never hold gate at
   once, so the circular wait cannot happen. Expected: no finding, both
   with the whole search and with --max-executions 1 (where only the gate
   rule, not the search, rules the cycle out). */
#include <weft.h>

weft_lock *gate, *lock_a, *lock_b;

static void transfer_ab(void)
{
    weft_lock_acquire(gate);
    weft_lock_acquire(lock_a);
    weft_lock_acquire(lock_b);
    weft_lock_release(lock_b);
    weft_lock_release(lock_a);
    weft_lock_release(gate);
}

static void transfer_ba(void)
{
    weft_lock_acquire(gate);
    weft_lock_acquire(lock_b);
    weft_lock_acquire(lock_a);
    weft_lock_release(lock_a);
    weft_lock_release(lock_b);
    weft_lock_release(gate);
}

int main(void)
{
    gate = weft_lock_new("gate");
    lock_a = weft_lock_new("lock_a");
    lock_b = weft_lock_new("lock_b");
    weft_thread *t1 = weft_spawn(transfer_ab, "");
    weft_thread *t2 = weft_spawn(transfer_ba, "");
    weft_join(t1);
    weft_join(t2);
    return 0;
}
