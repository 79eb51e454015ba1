/* Lock: a retry loop on acquire(blocking=False) terminates: a failed attempt
   is no progress, so the holder gets to run and release. Expected: no
   finding, the search complete. */
#include <weft.h>

static weft_lock *l;

static void spinner(void)
{
    while (!weft_lock_try_acquire(l))
        ;
    weft_lock_release(l);
}

int main(void)
{
    l = weft_lock_new("l");
    weft_lock_acquire(l);
    weft_thread *t = weft_spawn(spinner, "");
    weft_lock_release(l);
    weft_join(t);
    return 0;
}
