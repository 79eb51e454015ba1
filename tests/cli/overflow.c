/* A thread that recurses without end: a stack overflow, caught on the guard page. */
#include <weft.h>
static int depth(volatile int n)
{
    volatile char pad[512];
    pad[0] = (char)n;
    return depth(n + 1) + pad[0];
}
static void deep(void) { depth(0); }
int main(void)
{
    weft_join(weft_spawn(deep, ""));
    return 0;
}
