/* A cancelled future counts for as_completed and wait only once a worker has
   dropped it (Python's CANCELLED_AND_NOTIFIED); futures already done come
   first; duplicates count once; wait with timeout 0 does not wait. One
   worker, shut down before the checks: no finding. */
#include <weft.h>

static long id(long x) { return x; }

int main(void)
{
    weft_executor *e = weft_executor_new(1, "ex");
    weft_future *a = weft_executor_submit(e, id, 1);
    weft_future *b = weft_executor_submit(e, id, 2);
    bool cancelled = weft_future_cancel(b);
    weft_executor_shutdown(e, true);
    weft_future *fs[3] = {b, a, b}, *done[3], *pending[3];
    int np = -1;
    int nd = weft_futures_wait(fs, 3, WEFT_ALL_COMPLETED, 0, done, pending, &np);
    weft_assert(nd == 2 && np == 0, "nd %d np %d", nd, np);
    weft_as_completed *it = weft_as_completed_new(fs, 3);
    weft_future *first = weft_as_completed_next(it);
    weft_future *second = weft_as_completed_next(it);
    weft_assert(weft_as_completed_next(it) == NULL);
    weft_assert(first == a && second == b, "completion order");
    weft_assert(weft_future_cancelled(b) == cancelled && weft_future_done(b));
    weft_outcome("cancelled %d", cancelled);
    return 0;
}
