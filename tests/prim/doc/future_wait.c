/* docs/primitives.md, wait and as_completed: two tasks on Executor(2).
   wait(FIRST_COMPLETED) returns with one or both done; wait(ALL_COMPLETED)
   with both; as_completed then yields each future once, in the order they
   completed. Expected: no finding; outcomes: 1 or 2 done at first. */
#include <weft.h>

static long id(long x)
{
    return x;
}

int main(void)
{
    weft_executor *ex = weft_executor_new(2, "ex");
    weft_future *fs[2], *done[2], *pending[2];
    int np;
    fs[0] = weft_executor_submit(ex, id, 1);
    fs[1] = weft_executor_submit(ex, id, 2);
    int nd = weft_futures_wait(fs, 2, WEFT_FIRST_COMPLETED, WEFT_FOREVER, done, pending, &np);
    weft_assert(nd >= 1 && nd + np == 2, "%d done, %d pending", nd, np);
    weft_outcome("first: %d done", nd);
    nd = weft_futures_wait(fs, 2, WEFT_ALL_COMPLETED, WEFT_FOREVER, done, pending, &np);
    weft_assert(nd == 2 && np == 0, "%d done, %d pending", nd, np);
    long sum = 0;
    weft_as_completed *it = weft_as_completed_new(fs, 2);
    for (weft_future *f; (f = weft_as_completed_next(it)) != NULL;)
        sum += weft_future_result(f);   /* each future once, in completion order */
    weft_assert(sum == 3, "sum = %ld", sum);
    weft_executor_shutdown(ex, true);
    return 0;
}
