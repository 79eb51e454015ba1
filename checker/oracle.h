/*
** oracle.h: counting distinct Mazurkiewicz traces, the test oracle of DPOR.
*/
#ifndef WEFT_ORACLE_H
#define WEFT_ORACLE_H

#include "worker.h"

/* Add the execution just ended; returns the number of distinct traces so far. */
long weft__oracle_execution(weft__exec *ex);

#endif
