/*
** seq_cst.h: LOAD, STORE and EXCHANGE on C11 atomic objects, sequentially
** consistent, for the models of classic algorithms (peterson.c, dekker.c,
** bakery.c, ticket_lock.c, ttas_lock.c). They are <stdatomic.h>'s
** atomic_load, atomic_store and atomic_exchange; with gcc they are spelled
** as its __atomic builtins, because gcc's <stdatomic.h> macros pass the
** value through a temporary on the stack, and weft sees every access to
** that temporary: one more step to interleave, and a write that keeps a
** spin loop from being parked. (clang's macros have no temporary, and
** clang refuses the builtins on _Atomic objects.)
*/
#ifndef SEQ_CST_H
#define SEQ_CST_H

#include <stdatomic.h>

#if defined(__clang__)
#define LOAD(p) atomic_load(p)
#define STORE(p, v) atomic_store((p), (v))
#define EXCHANGE(p, v) atomic_exchange((p), (v))
#else
#define LOAD(p) __atomic_load_n((p), __ATOMIC_SEQ_CST)
#define STORE(p, v) __atomic_store_n((p), (v), __ATOMIC_SEQ_CST)
#define EXCHANGE(p, v) __atomic_exchange_n((p), (v), __ATOMIC_SEQ_CST)
#endif

#endif
