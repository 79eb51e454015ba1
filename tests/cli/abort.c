/* abort() in a model thread is a crash finding, not the end of weft. */
#include <stdlib.h>
#include <weft.h>
static void boom(void) { abort(); }
int main(void)
{
    weft_join(weft_spawn(boom, ""));
    return 0;
}
