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

extern const weft__strategy_extra weft__strategy_bounded_extra;
extern const weft__strategy_extra weft__strategy_pct_extra;
/* The extra hooks of s, or NULL. */
const weft__strategy_extra *weft__strategy_extra_of(const weft__strategy *s);

#endif
