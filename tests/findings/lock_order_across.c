/* lock_order: a cycle whose two orders come from different executions.
   Each thread takes its two locks only if its weft_choose(2) says so. DFS
   varies the last choice first: it sees second#2's order (first#1 chose 0)
   in one execution and first#1's order (second#2 chose 0) in a later one,
   long before the schedules where both take their locks and interleave.
   Expected: with a budget that stops before the deadlock, lock_order whose
   message gives the token of the other order's execution; with the whole
   search, the deadlock. */
#include <weft.h>

weft_lock *lock_a, *lock_b;

static void grab(weft_lock *x, weft_lock *y)
{
    if (!weft_choose(2))
        return;
    weft_lock_acquire(x);
    weft_lock_acquire(y);
    weft_lock_release(y);
    weft_lock_release(x);
}

static void first(void) { grab(lock_a, lock_b); }
static void second(void) { grab(lock_b, lock_a); }

int main(void)
{
    lock_a = weft_lock_new("lock_a");
    lock_b = weft_lock_new("lock_b");
    weft_thread *t1 = weft_spawn(first, "");
    weft_thread *t2 = weft_spawn(second, "");
    weft_join(t1);
    weft_join(t2);
    return 0;
}
