/*
** strategy.h: what the strategies share: where their state lives (memory the
** supervisor can read and a restarted worker resumes from) and the helpers
** for describing a schedule they cannot follow.
*/
#ifndef WEFT_STRATEGY_H
#define WEFT_STRATEGY_H

#include <stddef.h>

#include "weft_int.h"

/* The state area of ex->strat_state: worker.c maps it shared, this size. */
#define WEFT__STRAT_STATE_SIZE ((size_t)64 << 20)

/* A replay's schedule: the decisions to follow. */
typedef struct weft__replay_state {
    long n, next;
    int32_t dec[];
} weft__replay_state;

/* Whether a pick or choose happened while replaying a DFS prefix that the
   model did not repeat: the model itself is not deterministic. */
void weft__strategy_nondeterministic(weft__exec *ex, long depth);

/* ---- the decision stack of the depth-first strategies ---------------------------
   strat_dfs.c and strat_bounded.c (a DFS per preemption bound) search the
   tree of decisions statelessly: the stack holds one node per decision of
   the current execution; an execution first repeats the nodes on the stack
   (the prefix it replays), then pushes a node per new decision; after it,
   the top node with an untried alternative takes it and the nodes above it
   go. The stack lives in the strategy area, right after its header; a
   strategy's node may be larger than a weft__dnode (bounded keeps more per
   node), and starts with one. Alternatives run in a fixed order: a pick's
   first is the thread that was running (no preemption), then by thread id;
   choose values upward. */
typedef struct weft__dnode {
    uint64_t todo;          /* picks: alternatives not yet tried */
    int32_t chosen;
    int32_t n;              /* choose nodes: the number of values; 0 for picks */
} weft__dnode;

typedef struct weft__dstack {
    long depth;             /* decisions taken in this execution */
    long len;               /* nodes on the stack */
    long cap;               /* 0 until weft__dstack_init */
    long size;              /* bytes per node */
    long floor;             /* nodes below it are fixed: a helper's subtree (parallel.c) */
} weft__dstack;             /* its nodes follow it in memory */
_Static_assert(offsetof(weft__dnode, chosen) == WEFT__PREFIX_TID &&
               offsetof(weft__dnode, n) == WEFT__PREFIX_CHOOSE &&
               offsetof(weft__dstack, depth) == 0 && offsetof(weft__dstack, len) == sizeof(long),
               "the scheduler reads the stack (weft__prefix)");

/* Make room for nodes of size bytes in the avail bytes from s on; once, on
   the zeroed strategy area (a replacement worker keeps the stack). */
void weft__dstack_init(weft__dstack *s, size_t avail, size_t size);
static inline weft__dnode *weft__dstack_node(weft__dstack *s, long i)
{
    return (weft__dnode *)((char *)(s + 1) + i * s->size);
}
/* The node of the execution's next decision: a choose of n values, or a
   pick (n == 0) among the enabled threads en. Within the replayed prefix,
   the node to repeat (*fresh false), after checking that the model repeats
   it: the same kind of decision, the thread enabled; past it, a new node on
   top for the caller to fill in (*fresh true). NULL, with ex->end_msg
   saying why, when the model did not repeat itself or the stack is full. */
weft__dnode *weft__dstack_step(weft__exec *ex, weft__dstack *s, int n, uint64_t en, bool *fresh);
/* After an execution: the top node with an untried alternative takes it
   (the nodes above it are dropped); false when no node from s->floor up
   has one left. */
bool weft__dstack_backtrack(weft__dstack *s);
/* How many alternatives node nd has not tried yet; take the next one. */
int weft__dnode_left(const weft__dnode *nd);
void weft__dnode_advance(weft__dnode *nd);

/* What only some strategies do, beside their weft__strategy (whose
   positional initializers stay as they are). */
typedef struct weft__strategy_extra {
    const weft__strategy *strat;
    /* after an execution: true if it repeats one run and counted before
       (bounded: a schedule of an earlier bound); it is then neither counted
       nor recorded */
    bool (*repeated)(weft__exec *ex);
    /* in the supervisor after the search: more JSON stats (", \"key\": v"
       ...) and a phrase for the summary line; false if the search ran out of
       schedules without covering them all (a bound) */
    bool (*summary)(weft__exec *ex, char *json, size_t jn, char *text, size_t tn);
    /* in the supervisor while the search runs: a phrase for the progress line */
    void (*progress)(const weft__exec *ex, char *text, size_t n);
} weft__strategy_extra;

/* bounded's stats and summary phrase (strat_bounded.c), for both of its
   searches: level `bound` of max reached; finished: no level is left;
   cut_final: the last level left a preemption untried; traces: the search
   ran one schedule per trace (DPOR), not every schedule */
bool weft__bounded_summary(int bound, int max, bool finished, bool cut_final, long repeated,
                           bool traces, char *json, size_t jn, char *text, size_t tn);

extern const weft__strategy_extra weft__strategy_bounded_extra;
extern const weft__strategy_extra weft__strategy_bpor_extra;
extern const weft__strategy_extra weft__strategy_pct_extra;
/* The extra hooks of s, or NULL. */
const weft__strategy_extra *weft__strategy_extra_of(const weft__strategy *s);

#endif
