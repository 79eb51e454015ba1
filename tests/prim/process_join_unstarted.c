/* Joining a process that was never started: misuse (AssertionError). */
#include <weft.h>

static void child(void) {}

int main(void)
{
    weft_process *p = weft_process_new(child, "");
    weft_process_join(p);
    return 0;
}
