/*
** lockorder.h: the lock-order detector (lockorder.c), which predicts
** deadlocks that no explored execution ran into.
**
** Across every execution of a search, each blocking acquisition of a Lock or
** an RLock made while the thread already held others adds edges "held A while
** acquiring B" to one graph, kept in memory shared with the supervisor so it
** outlives a crashed worker. Locks are named across executions by their name
** (the user's, or "lock#N" in creation order), never by address. A cycle in
** the graph is a potential deadlock when its edges come from distinct threads
** (one thread cannot wait in two places) and the sets of locks held at each
** edge are pairwise disjoint (a lock held at two of its edges, such as a gate
** lock around both orders, makes the circular wait impossible). Try and timed
** acquisitions cannot wait forever: they hold locks but make no edges; nor do
** acquisitions by a thread that is alone (every other thread joined or not
** yet spawned).
**
** A cycle is *reported* only when the search is over and did not settle it:
** no execution deadlocked on exactly its locks, and the search did not cover
** every schedule (a complete dfs/dpor search without a deadlock proves the
** order harmless in this model). The report shows the execution in which the
** cycle closed, rendered when it closed; lock_order never stops the search.
*/
#ifndef WEFT_LOCKORDER_H
#define WEFT_LOCKORDER_H

#include "worker.h"

/* Supervisor, before the first worker is forked (weft__shared_new): map the
   shared graph, or empty it for a new search. */
void weft__lockorder_init(void);
/* Worker, after each execution (explore.c record_end), before the execution's
   own finding is recorded: add its edges, look for new cycles, note which
   locks a deadlock waited on. In a replay, a cycle whose every edge is in the
   replayed execution makes it end as that lock_order finding. */
void weft__lockorder_execution(weft__exec *ex, weft__shared *sh, int mode);
/* A --jobs helper, after an execution that ended normally (parallel.c):
   would weft__lockorder_execution add nothing to the graph (every node,
   edge and gate of the execution is there already, no gate would change)?
   Then the worker may count the execution without running it. Reads the
   graph while the worker writes it (see lockorder.c). */
bool weft__lockorder_known(weft__exec *ex);
/* Shrinking (explore.c): the keys of cycles found whole in the latest
   execution, whose schedule is to be shrunk (taken once); whether ex's
   execution alone closes cycle key; and, ex holding the shrunk execution,
   render that cycle's report again from it. */
struct weft__shrink_stats;
int weft__lockorder_to_shrink(uint64_t *keys, int max);
bool weft__lockorder_shows(weft__exec *ex, uint64_t key);
void weft__lockorder_shrunk(weft__exec *ex, uint64_t key, const struct weft__shrink_stats *st);
/* Would a replay of ex's token end as a lock_order finding: did ex's
   execution end well and close a cycle alone? (It adds the execution's
   edges to the graph, as shrinking does.) */
bool weft__lockorder_closes(weft__exec *ex);
/* Supervisor, once the search is over and before the findings are printed:
   report the cycles the search did not settle. */
void weft__lockorder_finish(weft__exec *ex, weft__shared *sh, int mode);

#endif
