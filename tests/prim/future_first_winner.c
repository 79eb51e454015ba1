/* wait(FIRST_COMPLETED) with two workers: either task can win. Outcomes:
   the winner, and whether the other had completed too by then. */
#include <weft.h>

static long id(long x) { return x; }

int main(void)
{
    weft_executor *e = weft_executor_new(2, "ex");
    weft_future *fs[2], *done[2];
    fs[0] = weft_executor_submit(e, id, 1);
    fs[1] = weft_executor_submit(e, id, 2);
    int ndone = weft_futures_wait(fs, 2, WEFT_FIRST_COMPLETED, WEFT_FOREVER, done, NULL, NULL);
    if (ndone == 2)
        weft_outcome("both");
    else
        weft_outcome("winner %ld", weft_future_result(done[0]));
    return 0;
}
