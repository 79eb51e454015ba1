/* The seed's race: wait(FIRST_COMPLETED), take the winner, cancel the rest.
   The winner varies; a pending future's cancel succeeds only if no worker
   took it yet. Outcomes list the winner and the cancel results. */
#include <weft.h>

static long id(long x) { return x; }

int main(void)
{
    weft_executor *e = weft_executor_new(1, "ex");
    weft_future *fs[2], *done[2], *pending[2];
    fs[0] = weft_executor_submit(e, id, 1);
    fs[1] = weft_executor_submit(e, id, 2);
    int npending;
    int ndone = weft_futures_wait(fs, 2, WEFT_FIRST_COMPLETED, WEFT_FOREVER, done, pending, &npending);
    weft_assert(ndone >= 1 && ndone + npending == 2);
    long winner = weft_future_result(done[0]);
    int cancelled = 0;
    for (int i = 0; i < npending; i++)
        cancelled += weft_future_cancel(pending[i]);
    weft_outcome("winner %ld, %d pending, %d cancelled", winner, npending, cancelled);
    weft_executor_shutdown(e, true);
    ndone = weft_futures_wait(fs, 2, WEFT_ALL_COMPLETED, WEFT_FOREVER, done, pending, &npending);
    weft_assert(ndone == 2 && npending == 0);
    return 0;
}
