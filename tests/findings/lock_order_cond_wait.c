/* lock_order: a Condition wait gives its lock back and takes it again on
   return. waiter#1 holds lock_a across a wait on cond, whose lock is gate,
   so returning from the wait takes gate while holding lock_a; taker#3
   takes lock_a while holding gate. gate guards nothing here: the wait
   released it. In the first DFS execution the waiter returns before the
   taker starts. Expected: with --max-executions 1, lock_order naming gate
   and lock_a, with the wait's line as where the waiter took gate; with the
   whole search, the deadlock. */
#include <weft.h>

weft_lock *gate, *lock_a;
weft_cond *cond;
int ready;

static void waiter(void)
{
    weft_lock_acquire(gate);
    weft_lock_acquire(lock_a);
    while (!ready)
        weft_cond_wait(cond);
    weft_lock_release(lock_a);
    weft_lock_release(gate);
}

static void notifier(void)
{
    weft_lock_acquire(gate);
    ready = 1;
    weft_cond_notify(cond, 1);
    weft_lock_release(gate);
}

static void taker(void)
{
    weft_lock_acquire(gate);
    weft_lock_acquire(lock_a);
    weft_lock_release(lock_a);
    weft_lock_release(gate);
}

int main(void)
{
    gate = weft_lock_new("gate");
    lock_a = weft_lock_new("lock_a");
    cond = weft_cond_new(gate, "cond");
    weft_thread *t1 = weft_spawn(waiter, "");
    weft_thread *t2 = weft_spawn(notifier, "");
    weft_thread *t3 = weft_spawn(taker, "");
    weft_join(t1);
    weft_join(t2);
    weft_join(t3);
    return 0;
}
