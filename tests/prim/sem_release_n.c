/* Semaphore: release(n) lets n blocked acquirers through at once.
   Expected: no finding. */
#include <weft.h>

static weft_sem *s;

static void worker(void)
{
    weft_sem_acquire(s);
}

int main(void)
{
    s = weft_sem_new(0, "s");
    weft_thread *a = weft_spawn(worker, "");
    weft_thread *b = weft_spawn(worker, "");
    weft_sem_release_n(s, 2);
    weft_join(a);
    weft_join(b);
    weft_assert(weft_sem_value(s) == 0);
    return 0;
}
