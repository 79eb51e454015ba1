/*
** futures_first_completed.c: the second half of the concurrent.futures
** example of seeds/002_897fcf942ac2d54e.txt ("concurrent.futures for
** Result Coordination"): submit fetch_data() for "primary" and "fallback",
** wait(return_when=FIRST_COMPLETED), take the winner's result and cancel()
** the pending ones ("a racing pattern where you take the first successful
** result and discard the rest"). cancel() only succeeds on a future that
** no worker has started yet, so whether the loser is cancelled depends on
** the interleaving, and with more than one worker so does the winner.
** Expected: ok. `weft outcomes` lists each winner with what happened to
** the other future: cancelled, or already running or done (cancel() is
** False).
** Size: -DWORKERS=<max_workers> (default 1: the fallback never starts
** first, but may still be queued when cancel() comes; the seed uses the
** executor of the first half, with 5 workers: with 2, the fallback can win
** too, and the naive DFS runs 835190 executions).
*/
#include <stdio.h>
#include <weft.h>

#ifndef WORKERS
#define WORKERS 1
#endif

static const char *const sources[] = {"primary", "fallback"};

static long fetch_data(long source)
{
    return source;
}

int main(void)
{
    weft_executor *executor = weft_executor_new(WORKERS, "executor");
    weft_future *futures_list[2], *done[2], *pending[2];
    for (int i = 0; i < 2; i++)
        futures_list[i] = weft_executor_submit(executor, fetch_data, i);
    int npending;
    int ndone = weft_futures_wait(futures_list, 2, WEFT_FIRST_COMPLETED, WEFT_FOREVER, done,
                                  pending, &npending);
    weft_assert(ndone >= 1 && ndone + npending == 2, "%d done, %d pending", ndone, npending);
    long winner = weft_future_result(done[0]);
    printf("winner: Data from %s\n", sources[winner]);
    for (int i = 0; i < npending; i++) {
        bool cancelled = weft_future_cancel(pending[i]);
        printf("cancel %s: %s\n", sources[1 - winner], cancelled ? "True" : "False");
    }
    weft_executor_shutdown(executor, true);
    return 0;
}
