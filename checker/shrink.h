/*
** shrink.h: making a failing schedule simpler before it is reported
** (shrink.c). A *plan* is one execution's schedule as data: the thread of
** every step and each thread's weft_choose() values. Shrinking runs variants
** of a plan (guided by it, changed at one point) and keeps a variant when it
** shows the same finding with fewer preemptions, or as many and fewer steps;
** it ends with the execution of the best plan in the weft__exec, ready to be
** reported. Shrink runs are not executions of the search: they are not
** counted, feed no outcomes or DPOR oracle, and leave the search strategy's
** state alone. (Shrinking a lock_order cycle reads each run's lock orders
** into the lock graph: real orders of the model, whose tokens replay.)
*/
#ifndef WEFT_SHRINK_H
#define WEFT_SHRINK_H

#include "weft_int.h"

typedef struct weft__plan {
    int32_t *tid;               /* thread of step i */
    long n;                     /* steps */
    int32_t *chv, *chtid;       /* choose values (n > 1 only) and their threads, in step order */
    long nch;
    long *marks;                /* steps that are preemptions, then (from npre) other decisions */
    long npre, nmarks;
    int preemptions;
} weft__plan;

typedef struct weft__shrink_stats {
    long runs;                  /* shrink runs made */
    long steps;                 /* their steps, summed (the budget counts both) */
    long hangs;                 /* runs the watchdog stopped (each cost --watchdog seconds) */
    long from_steps;            /* the schedule as found */
    int from_preemptions;
} weft__shrink_stats;

/* At most this many runs, and this many steps in all, per finding; and
   no more variants once this many runs were stopped by the watchdog (each
   waited --watchdog seconds for a thread that ran without a visible step). */
#define WEFT__SHRINK_RUNS 1000
#define WEFT__SHRINK_STEPS 2000000L
#define WEFT__SHRINK_HANGS 4

/* The plan of the execution ex holds now (after it ended). */
void weft__plan_take(weft__exec *ex, weft__plan *p);
void weft__plan_free(weft__plan *p);

/* Does the execution in ex show this finding? (explore.c: the same kind and
   the same key that deduplicates findings) */
typedef bool (*weft__shows_fn)(weft__exec *ex, int kind, uint64_t key);

/* Shrink orig's finding (kind, key). Returns true with ex holding the
   execution of the shrunk plan; false when not even orig, re-run, shows the
   finding (a model that is not deterministic): then ex holds that re-run. */
bool weft__shrink(weft__exec *ex, const weft__plan *orig, int kind, uint64_t key,
                  weft__shows_fn shows, weft__shrink_stats *st);

/* One execution from main() to its end, with crashes caught (explore.c).
   Returns whether the model crashed, or the watchdog stopped it (ex then
   describes the crash, or the livelock); weft__run_hung says which. */
bool weft__run_execution(weft__exec *ex);
bool weft__run_hung(void);
/* Catch the model's crashes (on an alternate stack) in this process: once,
   before its first execution. */
void weft__crash_handlers(void);

#endif
