/* Condition: notify without holding its lock is Python's RuntimeError.
   Expected: misuse. */
#include <weft.h>

int main(void)
{
    weft_cond *c = weft_cond_new(weft_lock_new("lock"), "cv");
    weft_cond_notify(c, 1);
    return 0;
}
