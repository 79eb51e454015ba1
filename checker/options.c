/*
** options.c: parsing and checking a search's options.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"

void weft__options_default(weft__options *o)
{
    memset(o, 0, sizeof *o);
    o->strategy = "dpor";
    o->max_steps = 10000;
    o->seed = 1;
    o->preemption_bound = -1;
    o->depth = 3;
    o->watchdog = 5;
    o->width = 100;
    o->races = true;
    o->spurious = true;
    o->nondet_domain = 4;
    o->jobs = 1;
}

static int number(const char *opt, const char *v, double lo, double hi, double *out)
{
    char *end;
    errno = 0;
    double d = v ? strtod(v, &end) : 0;
    if (!v || errno || end == v || *end || d < lo || d > hi) {
        fprintf(stderr, "weft: error: %s needs a number from %g to %g%s%s%s\n", opt, lo, hi,
                v ? " (got '" : "", v ? v : "", v ? "')" : "");
        return -1;
    }
    *out = d;
    return 0;
}

/* An option's whole number from lo to hi into *out: 2 (the option and its
   value used), or -1 after saying what is wrong. */
static int whole(const char *opt, const char *v, int lo, int hi, int *out)
{
    double d;
    if (number(opt, v, lo, hi, &d))
        return -1;
    if (d != (int)d) {
        fprintf(stderr, "weft: error: %s needs a whole number (got '%s')\n", opt, v);
        return -1;
    }
    *out = (int)d;
    return 2;
}

int weft__options_parse(weft__options *o, int argc, char **argv)
{
    const char *a = argv[0];
    const char *v = argc > 1 ? argv[1] : NULL;
    double d;
    static const char *const flags[] = {"--json", "--keep-going", "--no-races", "--full",
                                        "--oracle-traces", "--no-spurious", "--keep-threads",
                                        "--verbose", "-v", NULL};
    for (int i = 0; flags[i]; i++) {
        if (strcmp(a, flags[i]) != 0)
            continue;
        switch (i) {
        case 0: o->json = true; break;
        case 1: o->keep_going = true; break;
        case 2: o->races = false; break;
        case 3: o->full_listing = true; break;
        case 4: o->oracle = true; break;
        case 5: o->spurious = false; break;
        case 6: o->keep_threads = true; break;
        default: o->verbose = true; break;
        }
        return 1;
    }
    if (!strcmp(a, "--no-shrink")) {
        o->no_shrink = true;
        return 1;
    }
    if (!strcmp(a, "--no-dpor")) {
        o->no_dpor = true;
        return 1;
    }
    if (!strcmp(a, "--strategy")) {
        if (!v) {
            fprintf(stderr, "weft: error: --strategy needs a name: dpor, dfs, bounded, random or pct\n");
            return -1;
        }
        o->strategy = v;
        return 2;
    }
    if (!strcmp(a, "--max-executions")) {
        if (number(a, v, 1, 1e15, &d))
            return -1;
        o->max_executions = (long)d;
        return 2;
    }
    if (!strcmp(a, "--time-limit")) {
        if (number(a, v, 0.001, 1e9, &d))
            return -1;
        o->time_limit = d;
        return 2;
    }
    if (!strcmp(a, "--max-steps")) {
        if (number(a, v, 10, 10000000, &d))
            return -1;
        o->max_steps = (long)d;
        return 2;
    }
    if (!strcmp(a, "--seed")) {
        if (number(a, v, 0, 4294967295.0, &d))
            return -1;
        o->seed = (unsigned long)d;
        return 2;
    }
    if (!strcmp(a, "--preemption-bound")) {
        if (number(a, v, 0, 1000, &d))
            return -1;
        o->preemption_bound = (int)d;
        return 2;
    }
    if (!strcmp(a, "--depth")) {
        if (number(a, v, 1, 1000, &d))
            return -1;
        o->depth = (int)d;
        return 2;
    }
    if (!strcmp(a, "--nondet-domain"))
        return whole(a, v, 1, 1024, &o->nondet_domain);
    if (!strcmp(a, "--jobs") || !strcmp(a, "-j"))
        return whole("--jobs", v, 1, WEFT__MAX_JOBS, &o->jobs);
    if (!strcmp(a, "--watchdog")) {
        if (number(a, v, 0, 1e6, &d))
            return -1;
        o->watchdog = d;
        return 2;
    }
    if (!strcmp(a, "--width")) {
        if (number(a, v, 40, 10000, &d))
            return -1;
        o->width = (int)d;
        return 2;
    }
    return 0;
}

int weft__options_strategy(weft__options *o, const weft__strategy **s)
{
    if (!strcmp(o->strategy, "dfs")) {
        *s = &weft__strategy_dfs;
    } else if (!strcmp(o->strategy, "dpor")) {
        *s = &weft__strategy_dpor;
    } else if (!strcmp(o->strategy, "random")) {
        *s = &weft__strategy_random;
    } else if (!strcmp(o->strategy, "bounded")) {
        *s = o->no_dpor ? &weft__strategy_bounded : &weft__strategy_bpor;
    } else if (!strcmp(o->strategy, "pct")) {
        *s = &weft__strategy_pct;
    } else if (!strcmp(o->strategy, "replay")) {
        *s = &weft__strategy_replay;
    } else {
        fprintf(stderr, "weft: error: unknown strategy '%s' (this weft has: dpor, dfs, bounded, "
                "random, pct)\n", o->strategy);
        return -1;
    }
    bool bounded = *s == &weft__strategy_bounded || *s == &weft__strategy_bpor;
    if (o->preemption_bound >= 0 && !bounded && *s != &weft__strategy_replay) {
        fprintf(stderr, "weft: error: --preemption-bound applies to --strategy bounded only\n");
        return -1;
    }
    if (o->no_dpor && !bounded) {
        fprintf(stderr, "weft: error: --no-dpor applies to --strategy bounded only (the search "
                "without DPOR is --strategy dfs)\n");
        return -1;
    }
    if (o->jobs > 1 && *s != &weft__strategy_dfs && *s != &weft__strategy_replay) {
        fprintf(stderr, "weft: error: --jobs runs --strategy dfs only on several processes (the "
                "other strategies' next executions depend on every earlier one); add --strategy dfs "
                "or leave out --jobs\n");
        return -1;
    }
    if (o->jobs > 1 && o->oracle) {
        fprintf(stderr, "weft: error: --oracle-traces counts the traces of every execution in one "
                "process: leave out --jobs\n");
        return -1;
    }
    if (*s == &weft__strategy_dpor || *s == &weft__strategy_bpor)
        o->unfair = true;   /* see sched.c: fairness would hide dependences */
    return 0;
}
