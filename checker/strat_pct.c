/*
** strat_pct.c: probabilistic concurrency testing (Burckhardt, Kothari,
** Musuvathi, Nagarakatte, ASPLOS 2010). Each execution gives the threads
** random distinct priorities and always runs the highest-priority candidate;
** at D-1 random steps (the change points) the thread that ran the step drops
** to a priority below every initial one. A bug of depth D (D ordering
** constraints between steps) is found by one execution with probability at
** least 1/(n * k^(D-1)), n threads and k steps.
**
** k is not known in advance: it is the longest execution seen so far (the
** first execution has no change points and measures it). Everything random
** comes from weft's seeded generator, execution k of seed s from its own
** stream, so the same seed runs the same executions.
*/
#include <stdio.h>

#include "strategy.h"

#define MAX_CHANGES 1000       /* --depth is at most 1000 */
#define INITIAL ((uint64_t)1 << 62)   /* above every change point's priority */

typedef struct pct {
    uint64_t s;                 /* this execution's random stream */
    long k;                     /* the longest execution so far, in steps */
    int nchange;
    long change[MAX_CHANGES];   /* step (1-based) of change point j; it sets priority j+1 */
    uint64_t prio[WEFT__MAX_THREADS];
    uint64_t drawn;             /* threads that have a priority */
} pct;

static uint64_t splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static pct *state(weft__exec *ex) { return ex->strat_state; }

static void begin(weft__exec *ex)
{
    pct *p = state(ex);
    /* discarded executions count too, so that one is not run again */
    uint64_t x = ex->opt->seed * 0x9FB21C651E98DF25ull + (uint64_t)(ex->executions + ex->discarded);
    p->s = splitmix(&x);
    p->drawn = 0;
    p->nchange = p->k > 0 ? ex->opt->depth - 1 : 0;
    if (p->nchange > MAX_CHANGES)
        p->nchange = MAX_CHANGES;
    for (int j = 0; j < p->nchange; j++)
        p->change[j] = 1 + (long)(splitmix(&p->s) % (uint64_t)p->k);
}

/* A thread's initial priority is drawn when it is first a candidate: a
   random order of the threads, whatever their number. */
static int pick(weft__exec *ex, uint64_t en, int cur)
{
    (void)cur;
    pct *p = state(ex);
    int best = -1;
    for (uint64_t m = en; m; m &= m - 1) {
        int i = __builtin_ctzll(m);
        if (!(p->drawn >> i & 1)) {
            p->prio[i] = INITIAL | (splitmix(&p->s) >> 2);
            p->drawn |= (uint64_t)1 << i;
        }
        if (best < 0 || p->prio[i] > p->prio[best])
            best = i;
    }
    return best;
}

static int choose(weft__exec *ex, int n)
{
    return (int)(splitmix(&state(ex)->s) % (uint64_t)n);
}

static void event(weft__exec *ex, long i)
{
    pct *p = state(ex);
    long step = i + 1;
    if (step > p->k)
        p->k = step;
    for (int j = 0; j < p->nchange; j++)
        if (p->change[j] == step) {
            int tid = ex->events[i].tid;
            p->prio[tid] = (uint64_t)j + 1;
            p->drawn |= (uint64_t)1 << tid;
        }
}

static bool next(weft__exec *ex)
{
    (void)ex;
    return true;   /* endless: the budget stops it */
}

static bool summary(weft__exec *ex, char *json, size_t jn, char *text, size_t tn)
{
    pct *p = state(ex);
    snprintf(json, jn, ", \"depth\": %d, \"seed\": %lu, \"steps_estimate\": %ld", ex->opt->depth,
             ex->opt->seed, p->k);
    (void)text; (void)tn;
    return true;
}

const weft__strategy weft__strategy_pct = {"pct", begin, pick, choose, next, event, false, NULL};
const weft__strategy_extra weft__strategy_pct_extra = {&weft__strategy_pct, NULL, summary, NULL};
