/*
** model_tests.h: the bundled models' oracles. Each line pins a model's exit
** status, first finding kind and exact execution count under
** `weft check --json <args>`; WT_OUTCOMES pins the set of distinct outcomes.
*/
WT_OUTCOMES(yes_no_outcomes, "models/yes_no.c", "", "no/yes|yes/no")
