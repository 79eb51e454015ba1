/* Condition: notify(1) wakes the waiter that waited first (CPython's FIFO).
   Main joins the first arrival after one notify: were another waiter woken
   instead, that join would deadlock. Expected: no finding. */
#include <weft.h>

static weft_lock *lock;
static weft_cond *cv, *arrived;
static int order[2], narrived;

static void waiter(int id)
{
    weft_cond_acquire(cv);
    order[narrived++] = id;
    weft_cond_notify(arrived, 1);
    weft_cond_wait(cv);
    weft_cond_release(cv);
}

static bool both(void *arg)
{
    (void)arg;
    return narrived == 2;
}

int main(void)
{
    lock = weft_lock_new("lock");
    cv = weft_cond_new(lock, "cv");
    arrived = weft_cond_new(lock, "arrived");
    weft_thread *t[2];
    t[0] = weft_spawn(waiter, "i", 0);
    t[1] = weft_spawn(waiter, "i", 1);
    weft_cond_acquire(cv);
    weft_cond_wait_for(arrived, both, NULL, WEFT_FOREVER);
    weft_cond_notify(cv, 1);
    weft_cond_release(cv);
    weft_join(t[order[0]]);
    weft_cond_acquire(cv);
    weft_cond_notify_all(cv);
    weft_cond_release(cv);
    weft_join(t[order[1]]);
    return 0;
}
