/*
** oracle.h: counting distinct Mazurkiewicz traces, the test oracle of DPOR.
*/
#ifndef WEFT_ORACLE_H
#define WEFT_ORACLE_H

#include "worker.h"

/* Map the table of traces seen, shared by the workers: the supervisor calls
   it before it starts the first. */
void weft__oracle_init(void);

/* Add the execution just ended; returns the number of distinct traces so
   far, or -1 if there are more than weft__oracle_limit() of them. */
long weft__oracle_execution(weft__exec *ex);
long weft__oracle_limit(void);

#endif
