/*
** strat_replay.c: follow one schedule, the decisions of a token, and say
** exactly where the model stops fitting it.
*/
#include <stdio.h>

#include "strategy.h"

static weft__replay_state *state(weft__exec *ex) { return ex->strat_state; }

static void begin(weft__exec *ex) { state(ex)->next = 0; }

static int pick(weft__exec *ex, uint64_t en, int cur)
{
    (void)cur;
    weft__replay_state *r = state(ex);
    if (r->next >= r->n) {
        snprintf(ex->end_msg, sizeof ex->end_msg,
                 "diverged at step %ld: the schedule has no decision left, but the model "
                 "has more threads to choose from", ex->nevents + 1);
        return -1;
    }
    int32_t want = r->dec[r->next];
    if (want < 0 || want >= 64 || !(en >> want & 1)) {
        snprintf(ex->end_msg, sizeof ex->end_msg,
                 "diverged at step %ld: expected thread %d to be enabled", ex->nevents + 1, want);
        return -1;
    }
    r->next++;
    return want;
}

static int choose(weft__exec *ex, int n)
{
    weft__replay_state *r = state(ex);
    if (r->next >= r->n) {
        snprintf(ex->end_msg, sizeof ex->end_msg,
                 "diverged at step %ld: the schedule has no decision left for weft_choose(%d)",
                 ex->nevents, n);
        return -1;
    }
    int32_t want = r->dec[r->next];
    if (want < 0 || want >= n) {
        snprintf(ex->end_msg, sizeof ex->end_msg,
                 "diverged at step %ld: expected weft_choose(%d) to allow the value %d",
                 ex->nevents, n, want);
        return -1;
    }
    r->next++;
    return want;
}

static bool next(weft__exec *ex)
{
    (void)ex;
    return false;
}

const weft__strategy weft__strategy_replay = {"replay", begin, pick, choose, next, NULL, false, NULL};
