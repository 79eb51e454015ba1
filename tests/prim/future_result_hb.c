/* The same write read after result(): ordered by the future, no race; and
   shutdown(wait) orders the second task's write too. Expected: no finding. */
#include <weft.h>

static long shared, other;   /* written by the worker thread, read by main */

static long task(long x)
{
    shared = x;
    return x;
}

static long task2(long x)
{
    other = x;
    return x;
}

int main(void)
{
    weft_executor *e = weft_executor_new(1, NULL);
    weft_future *f = weft_executor_submit(e, task, 1);
    weft_executor_submit(e, task2, 2);
    weft_assert(weft_future_result(f) == 1);
    weft_assert(shared == 1);
    weft_executor_shutdown(e, true);
    weft_assert(other == 2);
    return 0;
}
