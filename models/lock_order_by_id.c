/*
** lock_order_by_id.c: dynamic lock ordering from
** seeds/002_897fcf942ac2d54e.txt ("Deadlock Prevention", "For dynamic lock
** ordering, use the id of the lock objects"): ordered_lock(lock1, lock2)
** sorts its two locks by identity and takes them in that order, so two
** threads calling ordered_lock(a, b) and ordered_lock(b, a) still agree.
** C has no id(); comparing the two objects' addresses plays the part of
** Python's sorted(key=id). weft allocates its objects in creation order
** inside its own per-execution arena, so that order is the same in every
** execution and every run, and the report stays deterministic.
** Expected: ok; the arguments come in opposite orders, yet no interleaving
** deadlocks. Build with -DNO_SORT to skip the sort: the AB/BA deadlock is
** back.
*/
#include <stdint.h>
#include <weft.h>

static void ordered_lock(weft_lock *lock1, weft_lock *lock2)
{
    weft_lock *first = lock1, *second = lock2;
#ifndef NO_SORT
    if ((uintptr_t)lock2 < (uintptr_t)lock1) {   /* sorted([lock1, lock2], key=id) */
        first = lock2;
        second = lock1;
    }
#endif
    WEFT_WITH(first) {
        WEFT_WITH(second) {
            /* safe regardless of argument order */
        }
    }
}

int main(void)
{
    weft_lock *lock_a = weft_lock_new("lock_a");
    weft_lock *lock_b = weft_lock_new("lock_b");
    weft_thread *t1 = weft_spawn(ordered_lock, "pp", lock_a, lock_b);
    weft_thread *t2 = weft_spawn(ordered_lock, "pp", lock_b, lock_a);
    weft_join(t1);
    weft_join(t2);
    return 0;
}
