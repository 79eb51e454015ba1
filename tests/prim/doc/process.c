/* docs/primitives.md, Process: the child works on its own copy of the
   globals; its write to one never reaches main. Expected: no finding. */
#include <weft.h>

static int g = 1;

static void work(int x)
{
    g = x;                              /* the child's copy only */
}

int main(void)
{
    weft_process *p = weft_process_new(work, "i", 3);
    weft_process_start(p);
    weft_process_join(p);               /* exitcode is then 0 */
    weft_assert(weft_process_exitcode(p) == 0);
    weft_assert(g == 1, "g = %d", g);
    return 0;
}
