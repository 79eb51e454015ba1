/*
** futures_as_completed.c: the first half of the concurrent.futures example
** of seeds/002_897fcf942ac2d54e.txt ("concurrent.futures for Result
** Coordination"): a ThreadPoolExecutor with one worker per source (the
** seed's max_workers=5 for five sources) runs fetch_data() for each
** source, and as_completed() hands the futures back "in completion
** order", which main prints. The seed's random sleep is not
** needed: weft tries every order in which the fetches can finish.
** Expected: ok; every future comes out of as_completed() exactly once.
** `weft outcomes` lists the completion orders: all SOURCES! of them.
** Size: -DSOURCES=<sources> (default 2, the first of "db", "cache", "api",
** "file", "backup"; the seed has all five). SOURCES=3 is already beyond
** what the naive DFS finishes in a minute.
*/
#include <stdio.h>
#include <weft.h>

#ifndef SOURCES
#define SOURCES 2
#endif

static const char *const sources[] = {"db", "cache", "api", "file", "backup"};

/* "Data from {source}": the result is the source's index */
static long fetch_data(long source)
{
    return source;
}

int main(void)
{
    weft_executor *executor = weft_executor_new(SOURCES, "executor");
    weft_future *futures[SOURCES];
    for (int i = 0; i < SOURCES; i++)
        futures[i] = weft_executor_submit(executor, fetch_data, i);
    /* process results as they complete (fastest first) */
    weft_as_completed *it = weft_as_completed_new(futures, SOURCES);
    int seen = 0;
    for (weft_future *f; (f = weft_as_completed_next(it)) != NULL; seen++) {
        long i = weft_future_result(f);
        printf("%s: Data from %s\n", sources[i], sources[i]);
    }
    weft_assert(seen == SOURCES, "as_completed gave %d of %d futures", seen, SOURCES);
    weft_executor_shutdown(executor, true);   /* the end of the `with` block */
    return 0;
}
