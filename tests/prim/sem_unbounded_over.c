/* Semaphore (not bounded): releasing above the initial value is allowed.
   Expected: no finding. */
#include <weft.h>

int main(void)
{
    weft_sem *s = weft_sem_new(0, "s");
    weft_sem_release(s);
    weft_sem_release_n(s, 2);
    weft_assert(weft_sem_value(s) == 3);
    weft_sem_acquire(s);
    weft_assert(weft_sem_try_acquire(s));
    weft_assert(weft_sem_acquire_timeout(s, 1));
    weft_assert(!weft_sem_try_acquire(s));
    return 0;
}
