/* A process works on its own copy of the globals: its write to a plain
   global never reaches main, while a Value it sets does. The child sees the
   global as it was when it was started. Expected: no finding. */
#include <weft.h>

static int g = 1;

static void child(weft_value *v)
{
    weft_value_set(v, g);
    g = 100;
}

int main(void)
{
    weft_value *v = weft_value_new(0, false, "v");
    g = 2;
    weft_process *p = weft_process_new(child, "p", v);
    weft_process_start(p);
    g = 3;
    weft_process_join(p);
    weft_assert(g == 3, "the process's write reached main: g = %d", g);
    weft_assert(weft_value_get(v) == 2, "the process saw g = %ld", weft_value_get(v));
    return 0;
}
