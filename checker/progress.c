/*
** progress.c: the progress line. While a search runs longer than a second
** and stderr is a terminal (never a pipe, never with --json), the supervisor
** rewrites one line at most five times a second: executions, their rate, the
** time elapsed and, where the strategy allows one, an estimate of the work.
**
** The estimates come from the branching factors of each execution's
** decisions (ex->weight, their product). A random walk down the tree
** (Knuth 1975) reaches a given leaf with probability 1/weight, and weight
** is then an unbiased estimate of the number of leaves:
**   - dfs: the leaves done so far have a total probability f = sum 1/weight
**     (f reaches exactly 1 when the search ends); the tree has about
**     executions/f leaves and the time left is about elapsed*(1-f)/f. Early
**     on, the leftmost subtrees the DFS has done stand for the rest.
**   - random: picks are uniform, so each execution is Knuth's probe; the
**     mean weight estimates the number of schedules.
**   - dpor, bounded, pct explore parts of the tree chosen otherwise: only
**     the counts are shown (and bounded's level).
*/
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "strategy.h"
#include "worker.h"

static bool shown;
static double last;

static void duration(char *b, size_t n, double s)
{
    long t = (long)(s + 0.5);
    if (s > 2 * 86400.0 * 365)
        snprintf(b, n, "%.2g years", s / (86400.0 * 365));
    else if (s > 2 * 86400.0)
        snprintf(b, n, "%.0f days", s / 86400);
    else if (t < 60)
        snprintf(b, n, "%ld s", t);
    else if (t < 3600)
        snprintf(b, n, "%ld:%02ld", t / 60, t % 60);
    else
        snprintf(b, n, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
}

static void count(char *b, size_t n, double x)
{
    if (x < 1e4)
        snprintf(b, n, "%.0f", x);
    else if (x < 1e6)
        snprintf(b, n, "%.1fk", x / 1e3);
    else if (x < 1e9)
        snprintf(b, n, "%.1fM", x / 1e6);
    else
        snprintf(b, n, "%.2g", x);
}

void weft__progress_tick(const weft__exec *ex, const weft__shared *sh, int mode, double elapsed)
{
    if (mode == WEFT__REPLAY || ex->opt->json || elapsed < 1 || elapsed - last < 0.2 || !isatty(2))
        return;
    last = elapsed;
    long n = sh->executions;
    char e[32], r[32], t[32], est[96] = "";
    const weft__strategy_extra *extra = weft__strategy_extra_of(ex->strat);
    count(e, sizeof e, (double)n);
    count(r, sizeof r, n / elapsed);
    duration(t, sizeof t, elapsed);
    if (n > 0 && ex->strat == &weft__strategy_dfs && sh->mass > 0) {
        double f = sh->mass < 1 ? sh->mass : 1;
        char total[32], left[32];
        count(total, sizeof total, n / f);
        duration(left, sizeof left, elapsed * (1 - f) / f);
        snprintf(est, sizeof est, "; %.0f%% of ~%s, ~%s left", 100 * f, total, left);
    } else if (extra && extra->progress) {
        extra->progress(ex, est, sizeof est);
    } else if (n > 0 && ex->strat == &weft__strategy_random) {
        char total[32];
        count(total, sizeof total, sh->weight_sum / n);
        snprintf(est, sizeof est, "; ~%s schedules in all", total);
    }
    fprintf(stderr, "\r\033[Kweft: %s executions, %s/s, %s%s", e, r, t, est);
    fflush(stderr);
    shown = true;
}

void weft__progress_clear(void)
{
    if (shown) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
        shown = false;
    }
}
