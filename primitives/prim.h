/*
** prim.h: what the files of primitives/ call in each other, declared once.
**
** Each primitive's struct stays private to its own file; other files reach
** it only through these functions:
** - Condition (cond.c) waits and re-acquires its Lock or RLock without the
**   public verbs' steps: the free functions are the predicate "nobody holds
**   it"; take, drop and drop_all change the owner and carry happens-before,
**   inside a visible step the caller has already made.
** - WEFT_WITH (with.c) and Condition acquire and release with the model's
**   call site (pc), so that steps and misuse reports name the model's line.
** - Pool and Executor (pool.c) move a future (future.c) from pending to
**   running to finished, in the worker's own steps on the owner.
** - A Process or Pool worker (process.c, pool.c) inherits its parent's open
**   pipe ends (pipe.c) when it is spawned, and closes its copies when it ends.
*/
#ifndef WEFT_PRIM_H
#define WEFT_PRIM_H

#include "../checker/weft_int.h"

/* ---- lock.c */
bool weft__lock_free(void *l);
void weft__lock_take(weft_lock *l);
void weft__lock_drop(weft_lock *l);
void weft__lock_acquire(weft_lock *l, const void *pc);
void weft__lock_release(weft_lock *l, const void *pc);

/* ---- rlock.c */
bool weft__rlock_free(void *l);
void weft__rlock_take(weft_rlock *l, int count);   /* first acquisition, or a saved count */
int weft__rlock_drop_all(weft_rlock *l);          /* returns the count to restore */
void weft__rlock_acquire(weft_rlock *l, const void *pc);
void weft__rlock_release(weft_rlock *l, const void *pc);

/* ---- cond.c: the Condition's lock, whichever kind */
void weft__cond_acquire(weft_cond *c, const void *pc);
void weft__cond_release(weft_cond *c, const void *pc);

/* ---- sem.c */
void weft__sem_acquire(weft_sem *s, const void *pc);
void weft__sem_release(weft_sem *s, const void *pc);

/* ---- future.c: the workers' side of a future (pool.c) */
weft_future *weft__future_new(weft__obj *owner, bool async_result);
bool weft__future_take(weft_future *f);            /* false: it was cancelled */
void weft__future_finish(weft_future *f, long result);

/* ---- pipe.c: pipe ends are inherited and closed like file descriptors */
void weft__conns_fork(int from_space, int to_space);
void weft__conns_exit(const void *pc);

#endif
