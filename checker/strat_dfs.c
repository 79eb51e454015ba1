/*
** strat_dfs.c: exhaustive depth-first search over the branching decisions
** (thread picks and choose values), re-executing from the start each time;
** and the decision stack it keeps, which strat_bounded.c shares (strategy.h).
** The stack holds one node per decision of the current execution; its top
** node with an untried alternative is where the next execution branches.
** Alternatives run in a fixed order: the thread that was running first (no
** preemption), then by thread id; choose values upward.
*/
#include <stdio.h>
#include <string.h>


#include "parallel.h"
#include "strategy.h"

/* ---- the decision stack ------------------------------------------------------ */

void weft__dstack_init(weft__dstack *s, size_t avail, size_t size)
{
    s->size = (long)size;
    s->cap = (long)((avail - sizeof *s) / size);
}

void weft__strategy_nondeterministic(weft__exec *ex, long depth)
{
    snprintf(ex->end_msg, sizeof ex->end_msg,
             "the model is not deterministic: execution %ld did not repeat decision %ld of the "
             "run it replays (does it read the clock, uninitialized memory, or state that "
             "outlives an execution?)", ex->executions + 1, depth + 1);
}

weft__dnode *weft__dstack_step(weft__exec *ex, weft__dstack *s, int n, uint64_t en, bool *fresh)
{
    if (s->depth < s->len) {
        weft__dnode *nd = weft__dstack_node(s, s->depth);
        if (nd->n != n || (!n && !(en >> nd->chosen & 1))) {
            weft__strategy_nondeterministic(ex, s->depth);
            return NULL;
        }
        s->depth++;
        *fresh = false;
        return nd;
    }
    if (s->len == s->cap) {
        snprintf(ex->end_msg, sizeof ex->end_msg, "the search stack is full (%ld decisions)", s->cap);
        return NULL;
    }
    s->depth++;
    *fresh = true;
    return weft__dstack_node(s, s->len++);
}

int weft__dnode_left(const weft__dnode *nd)
{
    return nd->n ? nd->n - 1 - nd->chosen : __builtin_popcountll(nd->todo);
}

void weft__dnode_advance(weft__dnode *nd)
{
    if (nd->n) {
        nd->chosen++;
    } else {
        nd->chosen = __builtin_ctzll(nd->todo);
        nd->todo &= nd->todo - 1;
    }
}

bool weft__dstack_backtrack(weft__dstack *s)
{
    /* decisions past depth belong to a replayed prefix the execution did not
       reach (it ended early): they are stale */
    if (s->len > s->depth)
        s->len = s->depth;
    while (s->len > s->floor) {
        weft__dnode *nd = weft__dstack_node(s, s->len - 1);
        if (weft__dnode_left(nd)) {
            weft__dnode_advance(nd);
            return true;
        }
        s->len--;
    }
    return false;
}

/* ---- the strategy ------------------------------------------------------------- */

static weft__dstack *state(weft__exec *ex) { return ex->strat_state; }

static void begin(weft__exec *ex)
{
    weft__dstack *s = state(ex);
    if (!s->cap)
        weft__dstack_init(s, WEFT__STRAT_STATE_SIZE, sizeof(weft__dnode));
    s->depth = 0;
    /* the scheduler replays the prefix itself */
    ex->prefix = (weft__prefix){&s->depth, (char *)weft__dstack_node(s, 0), s->size};
}

/* A new node, or a replayed one the scheduler did not take (ex->prefix:
   it follows the replayed prefix itself), which weft__dstack_step then
   finds not repeated. */
static int pick(weft__exec *ex, uint64_t en, int cur)
{
    bool fresh;
    weft__dnode *nd = weft__dstack_step(ex, state(ex), 0, en, &fresh);
    if (!nd)
        return WEFT__PICK_DIVERGED;
    if (fresh) {
        int first = cur >= 0 ? cur : __builtin_ctzll(en);
        *nd = (weft__dnode){en & ~((uint64_t)1 << first), first, 0};
    }
    return nd->chosen;
}

static int choose(weft__exec *ex, int n)
{
    bool fresh;
    weft__dnode *nd = weft__dstack_step(ex, state(ex), n, 0, &fresh);
    if (!nd)
        return -1;
    if (fresh)
        *nd = (weft__dnode){0, 0, n};
    return nd->chosen;
}

static bool next(weft__exec *ex)
{
    /* with --jobs, helpers may have run some of the alternatives */
    if (ex->par)
        return weft__par_next(ex, state(ex));
    return weft__dstack_backtrack(state(ex));
}

const weft__strategy weft__strategy_dfs = {"dfs", begin, pick, choose, next, NULL, false, NULL};
