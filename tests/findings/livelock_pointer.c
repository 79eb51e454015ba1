/* Every thread spins forever on a pointer nobody changes: a livelock whose
   message names the pointer's target (&x), never its address, so the report
   is the same bytes on every run. */
#include <weft.h>

int x;
int *volatile p = &x;

static void waiter(void)
{
    while (p == &x)
        weft_yield();
}

int main(void)
{
    weft_spawn(waiter, "");
    return 0;
}
