/* docs/primitives.md, Future.cancel: on Executor(1) a second task may still
   be queued when main cancels it; cancel succeeds only then, and the task
   never runs. Expected: no finding; outcomes: cancelled or ran. */
#include <weft.h>

static long ran;

static long work(long x)
{
    ran = x;
    return x;
}

int main(void)
{
    weft_executor *ex = weft_executor_new(1, "ex");
    weft_executor_submit(ex, work, 1);
    weft_future *f = weft_executor_submit(ex, work, 2);
    if (weft_future_cancel(f))          /* true: it had not started */
        weft_assert(weft_future_cancelled(f) && weft_future_done(f));
    weft_executor_shutdown(ex, true);
    weft_assert(weft_future_cancelled(f) == (ran != 2), "ran = %ld", ran);
    weft_outcome(weft_future_cancelled(f) ? "cancelled" : "ran");
    return 0;
}
