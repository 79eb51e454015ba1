/* Semaphore: acquire(timeout) and acquire(blocking=False) against a release
   by another thread. Expected outcomes: each gets the unit or fails. */
#include <weft.h>

static weft_sem *s;

static void releaser(void)
{
    weft_sem_release(s);
}

int main(void)
{
    s = weft_sem_new(0, "s");
    weft_thread *t = weft_spawn(releaser, "");
    bool a = weft_sem_try_acquire(s);
    bool b = !a && weft_sem_acquire_timeout(s, 3);
    weft_join(t);
    weft_outcome("try %d, timeout %d, left %d", a, b, weft_sem_value(s));
    return 0;
}
