/* Starting a process twice: misuse (AssertionError). */
#include <weft.h>

static void child(void) {}

int main(void)
{
    weft_process *p = weft_process_new(child, "");
    weft_process_start(p);
    weft_process_start(p);
    return 0;
}
