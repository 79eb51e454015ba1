/*
** strat_dfs.c: exhaustive depth-first search over the branching decisions
** (thread picks and choose values), re-executing from the start each time.
** The stack holds one node per decision of the current execution; its top
** node with an untried alternative is where the next execution branches.
** Alternatives run in a fixed order: the thread that was running first (no
** preemption), then by thread id; choose values upward.
*/
#include <stdio.h>
#include <string.h>

#include "strategy.h"

typedef struct node {
    uint64_t todo;          /* thread picks: enabled threads not yet tried */
    int32_t chosen;
    int32_t n;              /* choose nodes: the number of values; 0 for picks */
} node;

typedef struct dfs {
    long depth;             /* decisions taken in this execution */
    long len;               /* nodes on the stack */
    long cap;
    node nodes[];
} dfs;

static dfs *state(weft__exec *ex) { return ex->strat_state; }

static void begin(weft__exec *ex)
{
    dfs *d = state(ex);
    if (!d->cap)
        d->cap = (long)((WEFT__STRAT_STATE_SIZE - sizeof *d) / sizeof(node));
    d->depth = 0;
}

void weft__strategy_nondeterministic(weft__exec *ex, long depth)
{
    snprintf(ex->end_msg, sizeof ex->end_msg,
             "the model is not deterministic: execution %ld did not repeat decision %ld of the "
             "run it replays (does it read the clock, uninitialized memory, or state that "
             "outlives an execution?)", ex->executions + 1, depth + 1);
}

static int pick(weft__exec *ex, uint64_t en, int cur)
{
    dfs *d = state(ex);
    if (d->depth < d->len) {
        node *nd = &d->nodes[d->depth];
        if (nd->n || !(en >> nd->chosen & 1)) {
            weft__strategy_nondeterministic(ex, d->depth);
            return -1;
        }
        d->depth++;
        return nd->chosen;
    }
    if (d->len == d->cap) {
        snprintf(ex->end_msg, sizeof ex->end_msg, "the search stack is full (%ld decisions)", d->cap);
        return -1;
    }
    int first = cur >= 0 ? cur : __builtin_ctzll(en);
    d->nodes[d->len++] = (node){en & ~((uint64_t)1 << first), first, 0};
    d->depth++;
    return first;
}

static int choose(weft__exec *ex, int n)
{
    dfs *d = state(ex);
    if (d->depth < d->len) {
        node *nd = &d->nodes[d->depth];
        if (nd->n != n) {
            weft__strategy_nondeterministic(ex, d->depth);
            return -1;
        }
        d->depth++;
        return nd->chosen;
    }
    if (d->len == d->cap) {
        snprintf(ex->end_msg, sizeof ex->end_msg, "the search stack is full (%ld decisions)", d->cap);
        return -1;
    }
    d->nodes[d->len++] = (node){0, 0, n};
    d->depth++;
    return 0;
}

static bool next(weft__exec *ex)
{
    dfs *d = state(ex);
    /* decisions past depth belong to a replayed prefix the execution did not
       reach (it ended early): they are stale */
    if (d->len > d->depth)
        d->len = d->depth;
    while (d->len > 0) {
        node *nd = &d->nodes[d->len - 1];
        if (nd->n) {
            if (nd->chosen + 1 < nd->n) {
                nd->chosen++;
                return true;
            }
        } else if (nd->todo) {
            nd->chosen = __builtin_ctzll(nd->todo);
            nd->todo &= nd->todo - 1;
            return true;
        }
        d->len--;
    }
    return false;
}

const weft__strategy weft__strategy_dfs = {"dfs", begin, pick, choose, next, NULL, false, NULL};
