/*
** parallel.h: --jobs N, the depth-first search on N processes (parallel.c).
**
** The worker stays the one that decides: it runs the search in its order,
** counts, reports and stops exactly as it does alone. Helpers run ahead of
** it: when one is idle, the worker gives it the untried alternatives of a
** node on its stack, and the helper explores them with the node's prefix
** replayed, for as long as every execution is plain (ends normally, with no
** finding, no data race, no new lock order to record). When the worker's own
** backtracking reaches that node, it stops the helper, adds the counts of
** the executions the helper ran, and takes over the helper's stack where the
** helper stopped (or passes the node, if the helper finished it). An
** execution that is not plain is left for the worker to run itself, so
** everything that is reported comes from the worker's own executions, and
** the output is the same, byte for byte, as with --jobs 1.
*/
#ifndef WEFT_PARALLEL_H
#define WEFT_PARALLEL_H

#include "strategy.h"
#include "worker.h"

typedef struct weft__par weft__par;

/* Supervisor, with the shared memory (weft__shared_new): map the helpers'
   state for a check with opt->jobs > 1 (else ex->par stays NULL). */
void weft__par_new(weft__exec *ex, weft__shared *sh, int mode);
void weft__par_free(weft__exec *ex);
/* Supervisor: start the helpers (each under its own small supervisor), and
   stop them after the search. */
void weft__par_start(weft__exec *ex);
void weft__par_stop(weft__exec *ex);
/* The worker's DFS backtracking (strat_dfs.c next()), which settles the
   nodes given to helpers and gives an idle helper a node. */
bool weft__par_next(weft__exec *ex, weft__dstack *s);

#endif
