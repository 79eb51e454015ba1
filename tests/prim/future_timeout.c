/* result_timeout racing the worker: both "got" and "timeout" happen. */
#include <weft.h>

static long id(long x) { return x; }

int main(void)
{
    weft_executor *e = weft_executor_new(1, NULL);
    weft_future *f = weft_executor_submit(e, id, 3);
    long r = 0;
    if (weft_future_result_timeout(f, &r, 10))
        weft_outcome("got %ld", r);
    else
        weft_outcome("timeout");
    return 0;
}
