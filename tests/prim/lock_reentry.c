/* Lock: acquiring a Lock the thread already holds blocks forever (Python
   hangs too). Expected: deadlock, main waiting on a lock held by itself. */
#include <weft.h>

int main(void)
{
    weft_lock *l = weft_lock_new("l");
    weft_lock_acquire(l);
    weft_lock_acquire(l);
    return 0;
}
