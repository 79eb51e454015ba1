/* lock_order: one thread takes lock_a then lock_b, and later lock_b then
   lock_a; another thread takes lock_a alone. A cycle of one thread's
   orders cannot deadlock (the thread cannot wait in two places). Expected:
   no finding, with --max-executions 1 too. */
#include <weft.h>

weft_lock *lock_a, *lock_b;

static void both_orders(void)
{
    weft_lock_acquire(lock_a);
    weft_lock_acquire(lock_b);
    weft_lock_release(lock_b);
    weft_lock_release(lock_a);
    weft_lock_acquire(lock_b);
    weft_lock_acquire(lock_a);
    weft_lock_release(lock_a);
    weft_lock_release(lock_b);
}

static void other(void)
{
    weft_lock_acquire(lock_a);
    weft_lock_release(lock_a);
}

int main(void)
{
    lock_a = weft_lock_new("lock_a");
    lock_b = weft_lock_new("lock_b");
    weft_thread *t1 = weft_spawn(both_orders, "");
    weft_thread *t2 = weft_spawn(other, "");
    weft_join(t1);
    weft_join(t2);
    return 0;
}
