/* cancel succeeds only on a future that has not started: cancelled() and
   done() agree, running() is never true after a successful cancel. */
#include <weft.h>

static long id(long x) { return x; }

int main(void)
{
    weft_executor *e = weft_executor_new(1, NULL);
    weft_future *f = weft_executor_submit(e, id, 7);
    bool ok = weft_future_cancel(f);
    weft_assert(weft_future_cancelled(f) == ok);
    if (ok) {
        weft_assert(weft_future_done(f) && !weft_future_running(f));
        weft_outcome("cancelled");
    } else {
        long r = 0;
        weft_assert(weft_future_result_timeout(f, &r, WEFT_FOREVER) && r == 7);
        weft_outcome("ran");
    }
    weft_executor_shutdown(e, true);
    return 0;
}
