/*
** race.h: the race detector's shadow memory (race.c), and the one check the
** scheduler makes inline (weft__op_mem): a thread's plain write to the
** granule it wrote last, when nothing else touched it since.
**
** A cell shadows one 8-byte granule for the current execution (gen). Its w
** is the granule's last write, its r[] the last reads of up to NREADS
** threads. A thread's race_cell is the cell of its latest plain write (or
** NULL), race_key that cell's key: set by race.c after such a write, reset
** for every thread when the table moves, and for a thread when it is made.
** The key of a global in a process other than the first carries the
** process's number in its top bits (race.c): no address matches it, so such
** writes always take weft__race_access.
*/
#ifndef WEFT_RACE_H
#define WEFT_RACE_H

#include "weft_int.h"

struct weft__vc { uint32_t c[WEFT__MAX_THREADS]; };

/* One access remembered in a shadow cell. */
typedef struct weft__race_acc {
    uint32_t clk; int16_t tid; bool atomic; bool write; uint8_t bytes; long step; const void *pc;
} weft__race_acc;
#define WEFT__RACE_NREADS 4

/* Shadow state of one 8-byte granule, valid when gen is the current execution's. */
struct weft__race_cell {
    uintptr_t key;
    unsigned gen;
    weft__race_acc w;                       /* last write (w.tid < 0: none) */
    weft__race_acc r[WEFT__RACE_NREADS];    /* last read of up to NREADS threads, where rmask says */
    uint8_t rmask;          /* which of r[] hold a read (the others are left over) */
    weft__vc *sync;         /* clock released by atomic writes here */
};

/* The bytes of its granule an access covers: neighbours do not race. */
static inline uint8_t weft__race_bytes(uintptr_t addr, int size)
{
    unsigned off = addr & 7;
    uint8_t bytes = (uint8_t)(size >= 8 ? 0xffu << off : ((1u << size) - 1) << off);
    return bytes ? bytes : 0xff;
}

/* A plain write by t: if it is to the granule of t's latest plain write,
   and that is still the granule's last access (no read held, no other
   write since), there is nothing to check, only the write to remember:
   done here, true. Otherwise false, for weft__race_access. What
   weft__race_access would do in this case, without its call and lookup. */
static inline bool weft__race_write_again(weft__thread *t, uintptr_t addr, int size,
                                          const void *pc)
{
    struct weft__race_cell *c = t->race_cell;
    if ((addr & ~(uintptr_t)7) != t->race_key || c->rmask || c->w.tid != t->id)
        return false;
    c->w = (weft__race_acc){t->clock->c[t->id], (int16_t)t->id, false, true,
                            weft__race_bytes(addr, size), t->last_ev, pc};
    return true;
}

#endif
