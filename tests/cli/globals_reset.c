/* Globals and the heap are restored before every execution: the static
   initializer holds at the start of each one, whatever the last one did. */
#include <stdlib.h>
#include <weft.h>
int counter = 41;
static int hidden = 7;
static void bump(void) { counter++; hidden++; }
int main(void)
{
    weft_assert(counter == 41 && hidden == 7, "globals were not reset: %d %d", counter, hidden);
    int *p = malloc(sizeof *p);
    weft_assert(*p == 0, "fresh heap memory should start zeroed in every execution");
    *p = 5;
    weft_thread *t = weft_spawn(bump, "");
    weft_join(t);
    counter++;
    return 0;
}
