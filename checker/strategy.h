/*
** strategy.h: what the strategies share: where their state lives (memory the
** supervisor can read and a restarted worker resumes from) and the helpers
** for describing a schedule they cannot follow.
*/
#ifndef WEFT_STRATEGY_H
#define WEFT_STRATEGY_H

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

#endif
