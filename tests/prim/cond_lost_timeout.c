/* Condition: as in CPython, a waiter whose wait timed out stays queued until
   it has the lock back, and a notify(1) in that gap is spent on it. Main
   notifies again only if the timed waiter reports it was notified, so the
   patient waiter is stranded exactly when the notify fell in that gap.
   Expected: deadlock. */
#include <weft.h>

static weft_cond *c, *arrived;
static int narrived, timed_got;

static void timed(void)
{
    weft_cond_acquire(c);
    narrived++;
    weft_cond_notify(arrived, 1);
    timed_got = weft_cond_wait_timeout(c, 1);
    weft_cond_release(c);
}

static void patient(void)
{
    weft_cond_acquire(c);
    narrived++;
    weft_cond_notify(arrived, 1);
    weft_cond_wait(c);
    weft_cond_release(c);
}

static bool both(void *arg)
{
    (void)arg;
    return narrived == 2;
}

int main(void)
{
    weft_lock *lock = weft_lock_new("lock");
    c = weft_cond_new(lock, "cv");
    arrived = weft_cond_new(lock, "arrived");
    weft_thread *a = weft_spawn(timed, "");
    weft_thread *b = weft_spawn(patient, "");
    weft_cond_acquire(c);
    weft_cond_wait_for(arrived, both, NULL, WEFT_FOREVER);
    weft_cond_notify(c, 1);
    weft_cond_release(c);
    weft_join(a);
    if (timed_got) {
        weft_cond_acquire(c);
        weft_cond_notify(c, 1);
        weft_cond_release(c);
    }
    weft_join(b);
    return 0;
}
