/* lock_order: main takes lock_a then lock_b while it is the only thread:
   before it spawns the worker, and again after joining it. The worker
   takes lock_b then lock_a while main runs too. An order taken while no
   other thread exists cannot be part of a deadlock. Expected: no finding,
   with --max-executions 1 too (the search is then incomplete: only the
   rule about lone threads rules the cycle out). */
#include <weft.h>

weft_lock *lock_a, *lock_b;
int count;

static void nested(weft_lock *x, weft_lock *y)
{
    weft_lock_acquire(x);
    weft_lock_acquire(y);
    count++;
    weft_lock_release(y);
    weft_lock_release(x);
}

static void worker(void)
{
    nested(lock_b, lock_a);
}

int main(void)
{
    lock_a = weft_lock_new("lock_a");
    lock_b = weft_lock_new("lock_b");
    nested(lock_a, lock_b);
    weft_thread *t = weft_spawn(worker, "");
    weft_lock_acquire(lock_a);
    count++;
    weft_lock_release(lock_a);
    weft_join(t);
    nested(lock_a, lock_b);
    return 0;
}
