/*
** strat_random.c: uniformly random picks and choices from a seeded
** generator. Execution k of seed s draws from its own stream, so the same
** seed runs the same executions, and a restarted worker continues the series
** (k counts discarded executions too, so a discarded one is not repeated).
*/
#include <stdio.h>

#include "strategy.h"

typedef struct rnd { uint64_t s; } rnd;

static uint64_t splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static rnd *state(weft__exec *ex) { return ex->strat_state; }

static void begin(weft__exec *ex)
{
    uint64_t x = ex->opt->seed * 0x2545F4914F6CDD1Dull + (uint64_t)(ex->executions + ex->discarded);
    state(ex)->s = splitmix(&x);
}

static int pick(weft__exec *ex, uint64_t en, int cur)
{
    (void)cur;
    int n = __builtin_popcountll(en);
    int k = (int)(splitmix(&state(ex)->s) % (uint64_t)n);
    while (k--)
        en &= en - 1;
    return __builtin_ctzll(en);
}

static int choose(weft__exec *ex, int n)
{
    return (int)(splitmix(&state(ex)->s) % (uint64_t)n);
}

static bool next(weft__exec *ex)
{
    (void)ex;
    return true;   /* endless: the budget stops it */
}

const weft__strategy weft__strategy_random = {"random", begin, pick, choose, next, NULL, false, NULL};
