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
** Memory: one node per decision of the current execution, on the DFS's
** decision stack (strategy.h), with the preemption bookkeeping beside it.
*/
#include <stddef.h>
#include <stdio.h>

#include "strategy.h"

typedef struct node {
    weft__dnode d;          /* todo: alternatives not yet tried, within the bound */
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
    weft__dstack stack;     /* last: its nodes follow it (strategy.h) */
} bounded;

static bounded *state(weft__exec *ex) { return ex->strat_state; }

static void begin(weft__exec *ex)
{
    bounded *d = state(ex);
    if (!d->started) {
        d->started = true;
        weft__dstack_init(&d->stack, WEFT__STRAT_STATE_SIZE - offsetof(bounded, stack), sizeof(node));
        d->max = ex->opt->preemption_bound >= 0 ? ex->opt->preemption_bound : 2;
    }
    d->stack.depth = 0;
    d->pre = 0;
}

static int cost(const node *nd)
{
    return nd->cur >= 0 && nd->d.chosen != nd->cur;
}

static int pick(weft__exec *ex, uint64_t en, int cur)
{
    bounded *d = state(ex);
    if (cur >= 0 && weft__yielded(ex, cur))
        cur = -1;
    bool fresh;
    node *nd = (node *)weft__dstack_step(ex, &d->stack, 0, en, &fresh);
    if (!nd)
        return WEFT__PICK_DIVERGED;
    if (!fresh) {
        if (nd->cur != cur) {
            weft__strategy_nondeterministic(ex, d->stack.depth - 1);
            return WEFT__PICK_DIVERGED;
        }
        d->pre += cost(nd);
        return nd->d.chosen;
    }
    int first = cur >= 0 ? cur : __builtin_ctzll(en);
    uint64_t todo = en & ~((uint64_t)1 << first);
    if (cur >= 0 && d->pre >= d->bound && todo) {
        d->cut = true;     /* each alternative would be one preemption too many */
        todo = 0;
    }
    *nd = (node){{todo, first, 0}, cur, d->pre};
    return first;
}

static int choose(weft__exec *ex, int n)
{
    bounded *d = state(ex);
    bool fresh;
    node *nd = (node *)weft__dstack_step(ex, &d->stack, n, 0, &fresh);
    if (!nd)
        return -1;
    if (fresh)
        *nd = (node){{0, 0, n}, -1, d->pre};
    return nd->d.chosen;
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
    if (weft__dstack_backtrack(&d->stack))
        return true;
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

bool weft__bounded_summary(int bound, int max, bool finished, bool cut_final, long repeated,
                           bool traces, char *json, size_t jn, char *text, size_t tn)
{
    bool within = finished || bound > 0;
    int upto = finished ? bound : bound - 1;
    /* with DPOR, what was run is a trace per class: each one that has a
       schedule within the bound */
    const char *what = traces ? "trace with a schedule of" : "schedule with";
    snprintf(json, jn, ", \"preemption_bound\": %d, \"bound_reached\": %d, "
             "\"complete_within_bound\": %s, \"repeated\": %ld", max, bound,
             finished ? "true" : "false", repeated);
    if (finished && !cut_final)
        snprintf(text, tn, "no %s more than %d preemption%s", traces ? "trace needs" : "schedule has",
                 bound, bound == 1 ? "" : "s");
    else if (finished)
        snprintf(text, tn, "every %s up to %d preemption%s was run, none with more "
                 "(--preemption-bound)", what, bound, bound == 1 ? "" : "s");
    else if (within)
        snprintf(text, tn, "every %s up to %d preemption%s was run, some with %d", what, upto,
                 upto == 1 ? "" : "s", bound);
    else
        snprintf(text, tn, "some schedules without preemptions were run");
    return !cut_final;
}

static bool summary(weft__exec *ex, char *json, size_t jn, char *text, size_t tn)
{
    bounded *d = state(ex);
    return weft__bounded_summary(d->bound, d->max, d->finished, d->cut_final, d->repeated, false,
                                 json, jn, text, tn);
}

static void progress(const weft__exec *ex, char *text, size_t n)
{
    const bounded *d = ex->strat_state;
    snprintf(text, n, "; preemptions: level %d of %d", d->bound, d->max);
}

const weft__strategy weft__strategy_bounded = {"bounded", begin, pick, choose, next, NULL, false, NULL};
const weft__strategy_extra weft__strategy_bounded_extra = {&weft__strategy_bounded, repeated, summary,
                                                          progress};
