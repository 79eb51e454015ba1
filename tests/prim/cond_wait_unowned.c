/* Condition: wait without holding its lock is Python's RuntimeError, also
   when another thread holds it. Expected: misuse. */
#include <weft.h>

static weft_cond *c;

static void other(void)
{
    weft_cond_acquire(c);
}

int main(void)
{
    c = weft_cond_new(NULL, "cv");
    weft_join(weft_spawn(other, ""));
    weft_cond_wait_timeout(c, 1);
    return 0;
}
