/*
** options.h: the options of a search, as the command line and weft_check()
** spell them.
*/
#ifndef WEFT_OPTIONS_H
#define WEFT_OPTIONS_H

#include "weft_int.h"

void weft__options_default(weft__options *o);
/* Parse the option at argv[0] (argc arguments remain). Returns how many
   arguments it used, 0 if argv[0] is not one of these options, or -1 after
   printing what is wrong. */
int weft__options_parse(weft__options *o, int argc, char **argv);
/* The strategy the options name, or -1 after printing what is wrong. DPOR's
   searches (dpor, and bounded with DPOR) set o->unfair. */
int weft__options_strategy(weft__options *o, const weft__strategy **s);

#endif
