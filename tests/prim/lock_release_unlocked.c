/* Lock: releasing a Lock that is not locked is Python's RuntimeError.
   Expected: misuse. */
#include <weft.h>

int main(void)
{
    weft_lock *l = weft_lock_new("l");
    weft_lock_acquire(l);
    weft_lock_release(l);
    weft_lock_release(l);
    return 0;
}
