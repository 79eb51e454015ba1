/*
** strat_extra.c: the hooks only some strategies have (repeated runs, their
** own stats), found by the strategy they belong to.
*/
#include "strategy.h"

const weft__strategy_extra *weft__strategy_extra_of(const weft__strategy *s)
{
    static const weft__strategy_extra *const all[] = {&weft__strategy_bounded_extra,
                                                      &weft__strategy_bpor_extra,
                                                      &weft__strategy_pct_extra};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (all[i]->strat == s)
            return all[i];
    return NULL;
}
