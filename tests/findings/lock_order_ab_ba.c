/* lock_order: lock_a and lock_b taken in opposite orders by two threads.
   The first DFS execution runs transfer_ab#1 to its end before
   transfer_ba#2 starts: no deadlock, but both orders are seen. Expected:
   with --max-executions 1, lock_order naming both threads, both locks and
   the four acquisitions; with the whole search, the deadlock itself (and no
   lock_order: the search showed it). */
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
