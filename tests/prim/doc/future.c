/* docs/primitives.md, Executor and Future: submit, then result waits for
   the value; shutdown(wait) joins the workers. Expected: no finding. */
#include <weft.h>

static long square(long x)
{
    return x * x;
}

int main(void)
{
    weft_executor *ex = weft_executor_new(1, "ex");
    weft_future *f = weft_executor_submit(ex, square, 7);
    long r = weft_future_result(f);     /* waits: 49 */
    weft_executor_shutdown(ex, true);
    weft_assert(r == 49 && weft_future_done(f));
    return 0;
}
