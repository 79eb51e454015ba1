/* deadlock: a Lock acquired twice by its holder (a Lock is not reentrant;
   an RLock is). Named as a self-deadlock. */
#include <weft.h>

weft_lock *l;

static void worker(void)
{
    weft_lock_acquire(l);
    weft_lock_acquire(l);
}

int main(void)
{
    l = weft_lock_new("l");
    weft_join(weft_spawn(worker, ""));
    return 0;
}
