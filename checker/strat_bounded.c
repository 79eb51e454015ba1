/*
** strat_bounded.c: iterative context bounding (CHESS, Musuvathi and Qadeer,
** PLDI 2007): every schedule with 0 preemptions, then every one with 1, ...
** up to --preemption-bound K, so the first finding has the fewest
** preemptions. A depth-first search per bound, stateless like strat_dfs.c.
**
** Level b runs the DFS over schedules with at most b preemptions (see
** weft__yielded for what counts as one). The schedules with fewer than b
** were run, and counted, at their own level: this level runs them again only
** to reach the branches it has not seen (a stateless search has no other way
** to find them) and reports them as repeated, neither counted nor recorded.
** Memory: one node per decision of the current execution, as the DFS.
*/
#include <stdio.h>
#include <string.h>

#include "strategy.h"

typedef struct node {
    uint64_t todo;          /* picks: alternatives not yet tried, within the bound */
    int32_t chosen;
    int32_t n;              /* choose nodes: the number of values; 0 for picks */
    int32_t cur;            /* picks: the thread that could go on (a switch away is a
                               preemption), or -1 (every pick is free) */
    int32_t pre;            /* preemptions before this decision */
} node;

typedef struct bounded {
    int bound;              /* the level being explored */
    int max;                /* K */
    bool cut;               /* this level left a preemption untried (the bound) */
    bool cut_final;         /* the last level did: the tree was not exhausted */
    bool started;
    bool finished;          /* next() said there is nothing left */
    int pre;                /* preemptions so far in this execution */
    long repeated;          /* runs of earlier levels' schedules */
    long depth;             /* decisions taken in this execution */
    long len;               /* nodes on the stack */
    long cap;
    node nodes[];
} bounded;

static bounded *state(weft__exec *ex) { return ex->strat_state; }

static void begin(weft__exec *ex)
{
    bounded *d = state(ex);
    if (!d->started) {
        d->started = true;
        d->cap = (long)((WEFT__STRAT_STATE_SIZE - sizeof *d) / sizeof(node));
        d->max = ex->opt->preemption_bound >= 0 ? ex->opt->preemption_bound : 2;
    }
    d->depth = 0;
    d->pre = 0;
}

static int cost(const node *nd)
{
    return nd->cur >= 0 && nd->chosen != nd->cur;
}

static int pick(weft__exec *ex, uint64_t en, int cur)
{
    bounded *d = state(ex);
    if (cur >= 0 && weft__yielded(ex, cur))
        cur = -1;
    if (d->depth < d->len) {
        node *nd = &d->nodes[d->depth];
        if (nd->n || !(en >> nd->chosen & 1) || nd->cur != cur) {
            weft__strategy_nondeterministic(ex, d->depth);
            return WEFT__PICK_DIVERGED;
        }
        d->depth++;
        d->pre += cost(nd);
        return nd->chosen;
    }
    if (d->len == d->cap) {
        snprintf(ex->end_msg, sizeof ex->end_msg, "the search stack is full (%ld decisions)", d->cap);
        return WEFT__PICK_DIVERGED;
    }
    int first = cur >= 0 ? cur : __builtin_ctzll(en);
    uint64_t todo = en & ~((uint64_t)1 << first);
    if (cur >= 0 && d->pre >= d->bound && todo) {
        d->cut = true;     /* each alternative would be one preemption too many */
        todo = 0;
    }
    d->nodes[d->len++] = (node){todo, first, 0, cur, d->pre};
    d->depth++;
    return first;
}

static int choose(weft__exec *ex, int n)
{
    bounded *d = state(ex);
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
    d->nodes[d->len++] = (node){0, 0, n, -1, d->pre};
    d->depth++;
    return 0;
}

/* A schedule with fewer preemptions than the level was run at its own. */
static bool repeated(weft__exec *ex)
{
    bounded *d = state(ex);
    if (d->pre < d->bound) {
        d->repeated++;
        return true;
    }
    return false;
}

static bool next(weft__exec *ex)
{
    bounded *d = state(ex);
    if (d->len > d->depth)
        d->len = d->depth;    /* a replayed prefix the execution did not reach */
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
    /* this level is done: the next one, if the bound cut something */
    d->cut_final = d->cut;
    if (!d->cut || d->bound >= d->max) {
        d->finished = true;
        return false;
    }
    d->bound++;
    d->cut = false;
    return true;
}

static bool summary(weft__exec *ex, char *json, size_t jn, char *text, size_t tn)
{
    bounded *d = state(ex);
    bool within = d->finished || d->bound > 0;
    int upto = d->finished ? d->bound : d->bound - 1;
    snprintf(json, jn, ", \"preemption_bound\": %d, \"bound_reached\": %d, "
             "\"complete_within_bound\": %s, \"repeated\": %ld", d->max, d->bound,
             d->finished ? "true" : "false", d->repeated);
    if (d->finished && !d->cut_final)
        snprintf(text, tn, "no schedule has more than %d preemption%s", d->bound,
                 d->bound == 1 ? "" : "s");
    else if (d->finished)
        snprintf(text, tn, "every schedule with up to %d preemption%s was run, none with more "
                 "(--preemption-bound)", d->bound, d->bound == 1 ? "" : "s");
    else if (within)
        snprintf(text, tn, "every schedule with up to %d preemption%s was run, some with %d",
                 upto, upto == 1 ? "" : "s", d->bound);
    else
        snprintf(text, tn, "some schedules without preemptions were run");
    return !d->cut_final;
}

static void progress(const weft__exec *ex, char *text, size_t n)
{
    const bounded *d = ex->strat_state;
    snprintf(text, n, "; preemptions: level %d of %d", d->bound, d->max);
}

const weft__strategy weft__strategy_bounded = {"bounded", begin, pick, choose, next, NULL, false, NULL};
const weft__strategy_extra weft__strategy_bounded_extra = {&weft__strategy_bounded, repeated, summary,
                                                          progress};
