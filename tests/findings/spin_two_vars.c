/* A spin wait that re-reads two variables: it is parked like a loop on one
   (it re-reads what it read since the last change) instead of spinning until
   --max-steps. Expected: no findings, the search complete. */
#include <weft.h>

int a, b;

static void waiter(void)
{
    while (!a && !b) {
    }
}

int main(void)
{
    weft_thread *w = weft_spawn(waiter, "");
    b = 1;
    weft_join(w);
    return 0;
}
