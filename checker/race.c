/*
** race.c: the data race detector. Happens-before comes from vector clocks
** carried through every synchronizing operation (spawn, join, the primitives'
** release/acquire pairs, and sequentially consistent atomics); two accesses
** to the same memory, one a write, not both atomic, unordered by it, race.
** A race does not end the execution: the caller can still see what it causes.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "race.h"

typedef weft__race_acc acc;
typedef struct weft__race_cell cell;
#define NREADS WEFT__RACE_NREADS

static cell *cells;
static size_t ncells_cap, ncells_used;
static unsigned gen;
/* The cell looked up last: a thread's accesses tend to repeat a granule.
   Keys are multiples of 8, so NO_KEY is none. */
#define NO_KEY ((uintptr_t)1)
static uintptr_t last_key = NO_KEY;
static cell *last_cell;
static bool enabled = true;

/* The first race of the current execution, formatted only when asked for. */
static bool found;
static acc found_prev, found_now;
static uintptr_t found_addr;

void weft__race_enable(bool on) { enabled = on; }

void weft__race_reset(weft__exec *ex)
{
    (void)ex;
    gen++;
    ncells_used = 0;
    found = false;
    last_key = NO_KEY;
}

static weft__vc *vc_new(void) { return weft__alloc(sizeof(weft__vc)); }

/* Entries of threads not made yet are 0 in every clock: the join stops at
   the threads there are. */
static void vc_join(weft__vc *into, const weft__vc *from)
{
    int n = weft__ex ? weft__ex->nthreads : WEFT__MAX_THREADS;
    for (int i = 0; i < n; i++)
        if (from->c[i] > into->c[i])
            into->c[i] = from->c[i];
}

static void vc_copy(weft__vc *into, const weft__vc *from)
{
    int n = weft__ex ? weft__ex->nthreads : WEFT__MAX_THREADS;
    memcpy(into->c, from->c, sizeof into->c[0] * (size_t)n);
}

void weft__race_thread_new(weft__thread *t, weft__thread *parent)
{
    t->race_key = NO_KEY;
    if (!enabled)
        return;
    t->clock = vc_new();
    if (parent && parent->clock) {
        /* entries from t->id on are 0 in every clock (vc_join) */
        memcpy(t->clock->c, parent->clock->c, sizeof t->clock->c[0] * (size_t)t->id);
        parent->clock->c[parent->id]++;
    }
    t->clock->c[t->id]++;
}

void weft__hb_release(void *obj)
{
    weft__thread *t = weft__ex ? weft__ex->cur : NULL;
    weft__obj *o = obj;
    if (!enabled || !t || !o)
        return;
    if (!o->clock)
        o->clock = vc_new();
    vc_join(o->clock, t->clock);
    t->clock->c[t->id]++;
}

/* A thread's end releases its clock into its thread object, for the joins.
   The thread never runs again, so its clock is final: when nothing was
   released into the object before, the object shares it (what a copy
   would hold; the thread's own tick after a release matters only to its
   later steps, and there are none). */
void weft__hb_exit(weft__thread *t)
{
    if (!enabled)
        return;
    if (t->obj.clock)
        weft__hb_release(t);
    else
        t->obj.clock = t->clock;
}

void weft__hb_acquire(void *obj)
{
    weft__thread *t = weft__ex ? weft__ex->cur : NULL;
    weft__obj *o = obj;
    if (!enabled || !t || !o || !o->clock)
        return;
    vc_join(t->clock, o->clock);
}

static inline size_t slot_of(uintptr_t key, size_t cap)
{
    return (key * 0x9E3779B97F4A7C15ull) >> 20 & (cap - 1);
}

/* Double the table (or make it), moving this execution's cells. */
static bool grow(void)
{
    size_t cap = ncells_cap ? 2 * ncells_cap : 4096;
    cell *n = calloc(cap, sizeof *n);
    if (!n)
        return false;
    for (size_t i = 0; i < ncells_cap; i++) {
        if (cells[i].gen != gen)
            continue;
        size_t h = slot_of(cells[i].key, cap);
        while (n[h].gen == gen)
            h = (h + 1) & (cap - 1);
        n[h] = cells[i];
    }
    free(cells);
    cells = n;
    ncells_cap = cap;
    last_key = NO_KEY;
    for (int i = 0; weft__ex && i < weft__ex->nthreads; i++)
        weft__ex->threads[i]->race_key = NO_KEY;
    return true;
}

/* The cell of a granule, made (empty) on its first access in the execution.
   The table is at most half full, so a probe ends soon. */
static inline cell *lookup(uintptr_t key)
{
    if (key == last_key)
        return last_cell;
    if (__builtin_expect(!ncells_cap, 0) && !grow())
        return NULL;
    size_t h = slot_of(key, ncells_cap);
    for (;;) {
        cell *c = &cells[h];
        if (c->gen != gen)
            break;
        if (c->key == key) {
            last_key = key;
            last_cell = c;
            return c;
        }
        h = (h + 1) & (ncells_cap - 1);
    }
    if ((ncells_used + 1) * 2 > ncells_cap) {
        if (!grow())
            return NULL;
        h = slot_of(key, ncells_cap);
        while (cells[h].gen == gen)
            h = (h + 1) & (ncells_cap - 1);
    }
    /* r[i] is read only where rmask says it holds a read */
    cell *c = &cells[h];
    c->gen = gen;
    c->key = key;
    c->w.tid = -1;
    c->rmask = 0;
    c->sync = NULL;
    ncells_used++;
    last_key = key;
    last_cell = c;
    return c;
}

const char *weft__mem_name(uintptr_t addr, char *buf, size_t n)
{
    size_t off;
    long b;
    if (weft__sym_data(addr, buf, n))
        return buf;
    if ((b = weft__heap_block_index(addr, &off)) >= 0) {
        if (off)
            snprintf(buf, n, "heap#%ld+%zu", b + 1, off);
        else
            snprintf(buf, n, "heap#%ld", b + 1);
        return buf;
    }
    weft__exec *ex = weft__ex;
    for (int i = 0; i < ex->nthreads; i++) {
        const weft__coro *c = ex->threads[i]->coro;
        if (addr >= (uintptr_t)c->stack && addr < (uintptr_t)c->stack + c->size) {
            snprintf(buf, n, "a local of %s", weft__thread_name(ex->threads[i]));
            return buf;
        }
    }
    snprintf(buf, n, "memory");
    return buf;
}

static void report(const acc *prev, const weft__thread *t, bool write, uintptr_t addr, long step,
                   const void *pc)
{
    if (found)
        return;
    found = true;
    found_prev = *prev;
    found_now = (acc){0, (int16_t)t->id, false, write, 0, step, pc};
    found_addr = addr;
}

/* An access that may race or must remember more than a write: the check
   against the last write and the reads, the atomics' clocks. */
static __attribute__((noinline)) void access_cell(cell *c, weft__thread *t, uintptr_t addr,
                                                  uint8_t bytes, bool write, bool atomic,
                                                  const void *pc)
{
    weft__vc *C = t->clock;
    int tid = t->id;
    long step = t->last_ev;
    if (atomic) {
        /* sequentially consistent: every atomic access acquires what earlier
           atomic writes here released, and an atomic write releases */
        if (c->sync)
            vc_join(C, c->sync);
    }
    /* against the last write */
    if (c->w.tid >= 0 && c->w.tid != tid && !(atomic && c->w.atomic) && (c->w.bytes & bytes) &&
        c->w.clk > C->c[c->w.tid])
        report(&c->w, t, write, addr, step, pc);
    if (write) {
        unsigned keep = c->rmask;
        for (unsigned m = c->rmask; m; m &= m - 1) {
            int i = __builtin_ctz(m);
            acc *r = &c->r[i];
            if (r->tid != tid && !(atomic && r->atomic) && (r->bytes & bytes) &&
                r->clk > C->c[r->tid])
                report(r, t, write, addr, step, pc);
            if (!(r->bytes & ~bytes))
                keep &= ~(1u << i);   /* a read of bytes this write covers is superseded */
        }
        c->rmask = (uint8_t)keep;
        c->w = (acc){C->c[tid], (int16_t)tid, atomic, true, bytes, step, pc};
        if (atomic) {
            /* C acquired c->sync above, so the join of C into it is C: a
               copy (the entries of threads not made yet are 0 in both) */
            if (!c->sync)
                c->sync = vc_new();
            vc_copy(c->sync, C);
            C->c[tid]++;
        }
    } else {
        /* the thread's own slot, or the first free one */
        int slot = -1;
        for (unsigned m = c->rmask; m; m &= m - 1)
            if (c->r[__builtin_ctz(m)].tid == tid) {
                slot = __builtin_ctz(m);
                break;
            }
        if (slot < 0) {
            unsigned free_slots = ~(unsigned)c->rmask & ((1u << NREADS) - 1);
            if (free_slots) {
                slot = __builtin_ctz(free_slots);
            } else {
                /* more concurrent readers than remembered: keep the latest ones */
                memmove(&c->r[0], &c->r[1], sizeof c->r[0] * (NREADS - 1));
                slot = NREADS - 1;
            }
        }
        c->r[slot] = (acc){C->c[tid], (int16_t)tid, atomic, false, bytes, step, pc};
        c->rmask |= (uint8_t)(1u << slot);
    }
}

void weft__race_access(uintptr_t addr, int size, bool write, bool atomic, const void *pc)
{
    if (!enabled)
        return;
    weft__thread *t = weft__ex->cur;
    /* each process has its own copy of the globals: the same address in two
       address spaces is two different variables */
    uintptr_t key = addr & ~(uintptr_t)7;
    if (t->space && weft__mem_is_global(addr))
        key ^= (uintptr_t)t->space << 56;
    cell *c = lookup(key);
    if (!c)
        return;
    uint8_t bytes = weft__race_bytes(addr, size);
    /* The usual case, a plain write after the same thread's (or the
       granule's first), with no read held: nothing to check, the write to
       remember. */
    if (write && !atomic && !c->rmask && (c->w.tid == t->id || c->w.tid < 0))
        c->w = (acc){t->clock->c[t->id], (int16_t)t->id, false, true, bytes, t->last_ev, pc};
    else
        access_cell(c, t, addr, bytes, write, atomic, pc);
    /* t's next plain write here may take weft__race_write_again's shortcut */
    if (write && !atomic) {
        t->race_key = key;
        t->race_cell = c;
    }
}

/* The first race of the execution, if any: its two call sites (which make
   it the same race as another one), and on request its description. */
bool weft__race_found(const void **pc1, const void **pc2)
{
    if (!found)
        return false;
    *pc1 = found_prev.pc;
    *pc2 = found_now.pc;
    return true;
}

void weft__race_describe(char *buf, size_t n)
{
    weft__exec *ex = weft__ex;
    char var[64], l1[64], l2[64];
    weft__mem_name(found_addr, var, sizeof var);
    weft__sym_loc(found_prev.pc, l1, sizeof l1);
    weft__sym_loc(found_now.pc, l2, sizeof l2);
    snprintf(buf, n,
             "%s %s %s at %s (step %ld) and %s %s it at %s (step %ld); "
             "nothing orders the two (no lock, join or other synchronization between them)",
             weft__thread_name(ex->threads[found_prev.tid]), found_prev.write ? "writes" : "reads",
             var, l1, found_prev.step + 1, weft__thread_name(ex->threads[found_now.tid]),
             found_now.write ? "writes" : "reads", l2, found_now.step + 1);
}
