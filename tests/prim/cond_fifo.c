/* Condition: notify(1) wakes the waiter that waited first (CPython's FIFO).
   Main joins the first arrival after one notify: were the other waiter woken
   instead, that join would deadlock. Expected: no finding. */
#include <weft.h>

typedef struct shared { weft_cond *cv, *arrived; int order[2], n; } shared;

static void waiter(shared *s, int id)
{
    weft_cond_acquire(s->cv);
    s->order[s->n++] = id;
    weft_cond_notify(s->arrived, 1);
    weft_cond_wait(s->cv);
    weft_cond_release(s->cv);
}

static bool both(void *arg)
{
    return ((shared *)arg)->n == 2;
}

int main(void)
{
    static shared s;
    weft_lock *lock = weft_lock_new("lock");
    s.cv = weft_cond_new(lock, "cv");
    s.arrived = weft_cond_new(lock, "arrived");
    weft_thread *t[2];
    t[0] = weft_spawn(waiter, "pi", &s, 0);
    t[1] = weft_spawn(waiter, "pi", &s, 1);
    weft_cond_acquire(s.cv);
    weft_cond_wait_for(s.arrived, both, &s, WEFT_FOREVER);
    weft_cond_notify(s.cv, 1);
    weft_cond_release(s.cv);
    weft_join(t[s.order[0]]);
    weft_cond_acquire(s.cv);
    weft_cond_notify(s.cv, 1);
    weft_cond_release(s.cv);
    weft_join(t[s.order[1]]);
    return 0;
}
