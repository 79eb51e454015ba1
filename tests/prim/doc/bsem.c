/* docs/primitives.md, BoundedSemaphore: one release too many is reported
   as misuse (Python's ValueError), with a schedule token. Expected: misuse. */
#include <weft.h>

int main(void)
{
    weft_sem *b = weft_bsem_new(1, "b");
    WEFT_WITH(b) { }                    /* acquire, release: value back at 1 */
    weft_sem_release(b);                /* misuse: released too many times */
    return 0;
}
