/* lock_order: the AB/BA inversion, but each thread only tries its second
   lock (acquire(blocking=False)) and backs off when it is taken. A try
   never waits, so the orders cannot deadlock. Expected: no finding, with
   --max-executions 1 too. */
#include <weft.h>

weft_lock *lock_a, *lock_b;

static void take(weft_lock *first, weft_lock *second)
{
    weft_lock_acquire(first);
    if (weft_lock_try_acquire(second))
        weft_lock_release(second);
    weft_lock_release(first);
}

int main(void)
{
    lock_a = weft_lock_new("lock_a");
    lock_b = weft_lock_new("lock_b");
    weft_thread *t1 = weft_spawn(take, "pp", lock_a, lock_b);
    weft_thread *t2 = weft_spawn(take, "pp", lock_b, lock_a);
    weft_join(t1);
    weft_join(t2);
    return 0;
}
