/* BoundedSemaphore(1): the worker releases whether or not its try_acquire
   got the semaphore. In the interleavings where main holds it at that
   moment, one of the two releases goes past the initial value: misuse
   (Python's ValueError), reported with a token that replays it. In the
   others nothing is wrong. Expected: misuse. */
#include <weft.h>

static weft_sem *s;

static void worker(void)
{
    weft_sem_try_acquire(s);
    weft_sem_release(s);        /* the bug: releases even when it got nothing */
}

int main(void)
{
    s = weft_bsem_new(1, "s");
    weft_thread *t = weft_spawn(worker, "");
    WEFT_WITH(s) { }
    weft_join(t);
    return 0;
}
