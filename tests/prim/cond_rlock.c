/* Condition over an RLock held twice: wait releases it completely, so the
   notifier can take it, and restores both levels after. Expected: no
   finding. */
#include <weft.h>

static weft_rlock *r;
static weft_cond *c;
static int ready;

static void notifier(void)
{
    weft_rlock_acquire(r);
    ready = 1;
    weft_cond_notify_all(c);
    weft_rlock_release(r);
}

int main(void)
{
    r = weft_rlock_new("r");
    c = weft_cond_new(r, "cv");
    weft_thread *t = weft_spawn(notifier, "");
    weft_rlock_acquire(r);
    weft_cond_acquire(c);          /* the same RLock, second level */
    while (!ready)
        weft_cond_wait(c);
    weft_cond_release(c);
    weft_rlock_release(r);
    weft_join(t);
    weft_assert(weft_rlock_try_acquire(r), "the RLock is free again");
    weft_rlock_release(r);
    return 0;
}
