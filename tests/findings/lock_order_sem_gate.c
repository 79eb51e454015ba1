/* lock_order: the AB/BA orders of lock_order_ab_ba.c, each taken while
   holding a unit of a Semaphore(1), seats. One thread at a time is inside,
   so the circular wait cannot happen: no finding, even after one execution
   (--max-executions 1), where only the gate rule rules the cycle out.
   With -DSIGNAL main also releases seats once without having acquired it
   (a signal, not a gate): two threads can be inside at once, and the
   inversion is a lock_order finding. */
#include <weft.h>

weft_sem *seats;
weft_lock *lock_a, *lock_b;

static void transfer_ab(void)
{
    weft_sem_acquire(seats);
    weft_lock_acquire(lock_a);
    weft_lock_acquire(lock_b);
    weft_lock_release(lock_b);
    weft_lock_release(lock_a);
    weft_sem_release(seats);
}

static void transfer_ba(void)
{
    weft_sem_acquire(seats);
    weft_lock_acquire(lock_b);
    weft_lock_acquire(lock_a);
    weft_lock_release(lock_a);
    weft_lock_release(lock_b);
    weft_sem_release(seats);
}

int main(void)
{
    seats = weft_sem_new(1, "seats");
    lock_a = weft_lock_new("lock_a");
    lock_b = weft_lock_new("lock_b");
#ifdef SIGNAL
    weft_sem_release(seats);
#endif
    weft_thread *t1 = weft_spawn(transfer_ab, "");
    weft_thread *t2 = weft_spawn(transfer_ba, "");
    weft_join(t1);
    weft_join(t2);
    return 0;
}
