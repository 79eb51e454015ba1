/* misuse: check-then-act on a Lock. main takes lock l and starts two
   helpers; each releases l if it is still locked (a Lock may be released by
   any thread, as in Python). If the second checks before the first has
   released (one preemption), both release it, and the second release is of
   an unlocked Lock: RuntimeError in Python. Expected: misuse, 1 preemption. */
#include <weft.h>

weft_lock *l;

static void helper(void)
{
    if (weft_lock_locked(l))
        weft_lock_release(l);
}

int main(void)
{
    l = weft_lock_new("l");
    weft_lock_acquire(l);
    weft_thread *a = weft_spawn(helper, "");
    weft_thread *b = weft_spawn(helper, "");
    weft_join(a);
    weft_join(b);
    return 0;
}
