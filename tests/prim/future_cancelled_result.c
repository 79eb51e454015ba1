/* result() of a future cancelled before it ran: misuse (CancelledError). */
#include <weft.h>

static long id(long x) { return x; }

int main(void)
{
    weft_executor *e = weft_executor_new(1, NULL);
    weft_executor_submit(e, id, 1);
    weft_future *f = weft_executor_submit(e, id, 2);
    weft_future_cancel(f);
    weft_future_result(f);
    return 0;
}
