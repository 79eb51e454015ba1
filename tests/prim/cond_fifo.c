/* Condition: notify(1) wakes the waiter that waited first (CPython's FIFO).
   Main starts the second waiter only once the first is queued, then
   notifies once and joins the first: were the second woken instead, that
   join would deadlock. Expected: no finding. */
#include <weft.h>

typedef struct shared { weft_cond *cv, *arrived; int n; } shared;

static void waiter(shared *s)
{
    weft_cond_acquire(s->cv);
    s->n++;
    weft_cond_notify(s->arrived, 1);
    weft_cond_wait(s->cv);
    weft_cond_release(s->cv);
}

static bool arrived(void *arg)
{
    shared *s = arg;
    return s->n == 1;
}

static bool both(void *arg)
{
    shared *s = arg;
    return s->n == 2;
}

int main(void)
{
    static shared s;
    weft_lock *lock = weft_lock_new("lock");
    s.cv = weft_cond_new(lock, "cv");
    s.arrived = weft_cond_new(lock, "arrived");
    weft_cond_acquire(s.cv);
    weft_thread *first = weft_spawn(waiter, "p", &s);
    weft_cond_wait_for(s.arrived, arrived, &s, WEFT_FOREVER);
    weft_thread *second = weft_spawn(waiter, "p", &s);
    weft_cond_wait_for(s.arrived, both, &s, WEFT_FOREVER);
    weft_cond_notify(s.cv, 1);
    weft_cond_release(s.cv);
    weft_join(first);
    weft_cond_acquire(s.cv);
    weft_cond_notify(s.cv, 1);
    weft_cond_release(s.cv);
    weft_join(second);
    return 0;
}
