/* More threads than weft's per-execution limit: a clear error, exit 2. */
#include <weft.h>
static void nothing(void) {}
int main(void)
{
    for (int i = 0; i < 100; i++)
        weft_spawn(nothing, "");
    return 0;
}
