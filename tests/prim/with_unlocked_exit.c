/* WEFT_WITH's exit is the object's release: leaving a `with` block whose lock
   was released inside is Python's RuntimeError. Expected: misuse. */
#include <weft.h>

int main(void)
{
    weft_lock *l = weft_lock_new("l");
    WEFT_WITH(l) weft_lock_release(l);
    return 0;
}
