/*
** oracle.c: the test oracle for DPOR (--oracle-traces). For every complete
** execution, compute its Mazurkiewicz trace naively (happens-before between
** each pair of dependent events, O(n^2)) and count the distinct ones. It
** shares no code with strat_dpor.c on purpose: run under --strategy dfs, its
** count must equal the number of executions DPOR runs.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "oracle.h"

/* The set of trace fingerprints (open addressing), in memory shared with
   the supervisor: a worker that replaces a crashed one counts on. Pages are
   touched as fingerprints land in them. */
#define SLOTS ((size_t)1 << 22)
static struct table { size_t n; uint64_t slot[SLOTS]; } *seen;

void weft__oracle_init(void)
{
    if (seen)
        return;
    seen = mmap(NULL, sizeof *seen, PROT_READ | PROT_WRITE,
                MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (seen == MAP_FAILED) {
        fprintf(stderr, "weft: error: --oracle-traces: cannot map %zu MiB: %s\n",
                sizeof *seen >> 20, strerror(errno));
        exit(2);
    }
}

/* Two events depend on each other: one thread; or one object, not both only
   reading it; or overlapping 4-byte units of memory in one address space,
   not both reading. start, yield, choose and spawn commute with everything. */
static bool depends(weft__exec *ex, const weft__event *a, const weft__event *b)
{
    if (a->tid == b->tid)
        return true;
    unsigned fa = a->op->flags, fb = b->op->flags;
    if ((fa | fb) & WEFT__F_LOCAL)
        return false;
    bool wa = !(fa & WEFT__F_READS), wb = !(fb & WEFT__F_READS);
    if (!wa && !wb)
        return false;
    if ((fa & WEFT__F_MEM) && (fb & WEFT__F_MEM)) {
        int sa = ex->threads[a->tid]->space, sb = ex->threads[b->tid]->space;
        if (sa != sb && weft__mem_is_global(a->addr))
            return false;
        uintptr_t a0 = a->addr >> 2, a1 = (a->addr + (a->size ? a->size - 1u : 0)) >> 2;
        uintptr_t b0 = b->addr >> 2, b1 = (b->addr + (b->size ? b->size - 1u : 0)) >> 2;
        return a0 <= b1 && b0 <= a1;
    }
    if ((fa & WEFT__F_MEM) || (fb & WEFT__F_MEM))
        return false;
    int oa[2] = {a->obj, a->obj2}, ob[2] = {b->obj, b->obj2};
    if (a->op->flags & WEFT__F_SPAWN)
        oa[0] = -1;
    if (b->op->flags & WEFT__F_SPAWN)
        ob[0] = -1;
    for (int i = 0; i < 2; i++)
        for (int k = 0; k < 2; k++)
            if (oa[i] >= 0 && oa[i] == ob[k])
                return true;
    return false;
}

/* Add fp; false if the table is full (half its slots: probes stay short). */
static bool insert(uint64_t fp)
{
    if (!fp)
        fp = 1;
    size_t h = fp & (SLOTS - 1);
    while (seen->slot[h]) {
        if (seen->slot[h] == fp)
            return true;
        h = (h + 1) & (SLOTS - 1);
    }
    if (seen->n >= SLOTS / 2)
        return false;
    seen->slot[h] = fp;
    seen->n++;
    return true;
}

long weft__oracle_limit(void)
{
    return (long)(SLOTS / 2);
}

long weft__oracle_execution(weft__exec *ex)
{
    long n = ex->nevents;
    int nt = ex->nthreads;
    uint32_t (*c)[WEFT__MAX_THREADS] = calloc((size_t)(n ? n : 1), sizeof *c);
    uint32_t seq[WEFT__MAX_THREADS] = {0};
    WEFT_ASSERT(c);
    uint64_t fp = 0;
    for (long j = 0; j < n; j++) {
        const weft__event *e = &ex->events[j];
        for (long i = 0; i < j; i++)
            if (depends(ex, &ex->events[i], e))
                for (int t = 0; t < nt; t++)
                    if (c[i][t] > c[j][t])
                        c[j][t] = c[i][t];
        /* a thread's first event comes after its spawn */
        if (seq[e->tid] == 0)
            for (long i = 0; i < j; i++)
                if ((ex->events[i].op->flags & WEFT__F_SPAWN) && ex->events[i].val == e->tid)
                    for (int t = 0; t < nt; t++)
                        if (c[i][t] > c[j][t])
                            c[j][t] = c[i][t];
        c[j][e->tid] = ++seq[e->tid];
        /* the event is (thread, its number, what it did, what it saw before it) */
        uint64_t h = weft__hash(&e->tid, sizeof e->tid, 0);
        h = weft__hash(e->op->verb, strlen(e->op->verb), h);
        h = weft__hash(c[j], sizeof(uint32_t) * (size_t)nt, h);
        /* and what it chose or returned (a choose's value, a try's result) */
        if (e->op->flags & WEFT__F_RES)
            h = weft__hash(&e->res, sizeof e->res, h);
        /* mixed (a sum of plain FNV hashes collides when events swap) */
        h ^= h >> 30;
        h *= 0xbf58476d1ce4e5b9ull;
        h ^= h >> 27;
        h *= 0x94d049bb133111ebull;
        h ^= h >> 31;
        fp += h;
    }
    free(c);
    return insert(fp) ? (long)seen->n : -1;
}
