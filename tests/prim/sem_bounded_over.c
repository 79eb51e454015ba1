/* BoundedSemaphore: a release above the initial value is Python's
   ValueError. Expected: misuse. */
#include <weft.h>

int main(void)
{
    weft_sem *s = weft_bsem_new(1, "bs");
    weft_sem_acquire(s);
    weft_sem_release(s);
    weft_sem_release(s);
    return 0;
}
