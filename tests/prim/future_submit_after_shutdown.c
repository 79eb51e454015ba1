/* submit after shutdown: misuse (RuntimeError). */
#include <weft.h>

static long id(long x) { return x; }

int main(void)
{
    weft_executor *e = weft_executor_new(1, NULL);
    weft_executor_shutdown(e, false);
    weft_executor_submit(e, id, 1);
    return 0;
}
