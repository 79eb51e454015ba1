/*
** strat_dpor.c: dynamic partial-order reduction. Source-set DPOR (Abdulla,
** Aronis, Jonsson, Sagonas, POPL 2014) with sleep sets: two executions that
** differ only in the order of independent operations (a Mazurkiewicz trace)
** are one; each trace is run to completion once. Where the sleep set of a
** state holds every enabled thread, the rest of that execution is redundant:
** it is abandoned and counted as "blocked", never as an execution.
**
** Dependence is the operations' meaning: two operations of one thread; two
** operations on one object unless both only read it (WEFT__F_READS); two
** accesses to one 8-byte granule of memory (in one address space) unless both
** read. Operations flagged WEFT__F_LOCAL (start, yield, choose) commute with
** everything. Happens-before is computed per event with vector clocks over
** that relation; an event races with an earlier dependent event of another
** thread that nothing else orders before it, and the race is reversed by
** adding an initial of the reversed sequence to the backtrack set of the
** state before the earlier event.
**
** The stack of nodes (one per step of the current execution) lives in the
** shared strategy area so that a replacement worker resumes; the clocks and
** access tables are rebuilt by every execution as it runs.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strategy.h"

typedef struct node {
    uint64_t en;            /* threads that could run here */
    uint64_t backtrack;     /* threads to explore from here */
    uint64_t done;          /* explored, or being explored, from here */
    uint64_t sleep;         /* asleep when this state was reached */
    int32_t taken;          /* the thread run from here in this execution */
    int32_t ch_n, ch_val;   /* the choose its step made, if any */
} node;

typedef struct dpor {
    long depth;             /* steps taken in this execution */
    long len;               /* nodes on the stack */
    long cap;
    node nodes[];
} dpor;

static dpor *state(weft__exec *ex) { return ex->strat_state; }

/* ---- per-execution happens-before (worker memory) -------------------------- */

typedef uint32_t vclock[WEFT__MAX_THREADS];
static vclock *clk;             /* clk[i]: clock of event i */
static uint32_t *seqof;         /* seqof[i]: event i is its thread's seqof[i]-th */
static long cap_ev;
static uint32_t tseq[WEFT__MAX_THREADS];
static long tlast[WEFT__MAX_THREADS];
static vclock tinit[WEFT__MAX_THREADS];   /* a thread's clock at its spawn */
static int ntinit;                        /* entries from ntinit on are zero */
static uint64_t next_sleep;     /* the sleep set of the state after the last event */

/* The last write and the reads since, of one object or memory unit; for an
   object also every write (see event()). */
typedef struct loc {
    uint64_t key;
    unsigned gen;
    long lw;                    /* last write's event, -1 */
    uint64_t readers;
    long rd[WEFT__MAX_THREADS]; /* each reader's latest read since lw */
    long writes;                /* objects: the list of all writes, newest first */
} loc;

/* links of the objects' write lists: (event, next) */
static long (*wlist)[2];
static long nwlist;
static loc *locs;
static size_t cap_locs, used_locs;
static unsigned gen;

static loc *loc_get(uint64_t key)
{
    if (used_locs * 2 >= cap_locs) {
        size_t cap = cap_locs ? cap_locs * 2 : 1024;
        loc *n = calloc(cap, sizeof *n);
        WEFT_ASSERT(n);
        for (size_t i = 0; i < cap_locs; i++) {
            if (locs[i].gen != gen)
                continue;
            size_t h = (locs[i].key * 0x9E3779B97F4A7C15ull) >> 17 & (cap - 1);
            while (n[h].gen == gen)
                h = (h + 1) & (cap - 1);
            n[h] = locs[i];
        }
        free(locs);
        locs = n;
        cap_locs = cap;
    }
    size_t h = (key * 0x9E3779B97F4A7C15ull) >> 17 & (cap_locs - 1);
    for (;;) {
        loc *l = &locs[h];
        if (l->gen != gen) {
            l->gen = gen;
            l->key = key;
            l->lw = -1;
            l->readers = 0;
            l->writes = -1;
            used_locs++;
            return l;
        }
        if (l->key == key)
            return l;
        h = (h + 1) & (cap_locs - 1);
    }
}

/* ---- what an operation touches --------------------------------------------- */

#define MAX_KEYS 8
typedef struct touch { uint64_t key[MAX_KEYS]; int n; bool write; } touch;

static uint64_t obj_key(int id) { return (uint64_t)1 << 63 | (uint64_t)(unsigned)id; }
static bool is_obj_key(uint64_t k) { return k >> 63; }

/* Memory is tracked in 4-byte units: adjacent ints are independent. An
   access longer than MAX_KEYS units is tracked by its first ones. */
static void mem_keys(touch *t, uintptr_t addr, int size, int space)
{
    uintptr_t g0 = addr >> 2, g1 = (addr + (size > 0 ? (uintptr_t)size - 1 : 0)) >> 2;
    uint64_t sp = space && weft__mem_is_global(addr) ? (uint64_t)space << 56 : 0;
    for (uintptr_t g = g0; g <= g1 && t->n < MAX_KEYS; g++)
        t->key[t->n++] = ((uint64_t)g ^ sp) & ~((uint64_t)1 << 63);
}

static void touch_of(touch *t, const weft__opdesc *op, int obj, int obj2, uintptr_t addr, int size,
                     int space)
{
    t->n = 0;
    t->write = !(op->flags & WEFT__F_READS);
    if (op->flags & WEFT__F_LOCAL)
        return;
    if (op->flags & WEFT__F_MEM) {
        mem_keys(t, addr, size, space);
        return;
    }
    if (obj >= 0)
        t->key[t->n++] = obj_key(obj);
    if (obj2 >= 0)
        t->key[t->n++] = obj_key(obj2);
}

static bool touches_conflict(const touch *a, const touch *b)
{
    if (!a->write && !b->write)
        return false;
    for (int i = 0; i < a->n; i++)
        for (int k = 0; k < b->n; k++)
            if (a->key[i] == b->key[k])
                return true;
    return false;
}

static void event_touch(weft__exec *ex, const weft__event *e, touch *t)
{
    touch_of(t, e->op, e->obj, e->obj2, e->addr, e->size, ex->threads[e->tid]->space);
}

static void pending_touch(const weft__thread *r, touch *t)
{
    const weft__pending *p = &r->pend;
    touch_of(t, p->ev.op, p->ev.obj, p->ev.obj2, p->ev.addr, p->ev.size, r->space);
}

/* Would t's pending operation end the execution (and so cut short what
   every other thread would do next)? Main's return where that ends the
   process, or the end of the last thread that is not a daemon. */
static bool ends_process(const weft__exec *ex, const weft__thread *t)
{
    if (!(t->pend.ev.op->flags & WEFT__F_EXIT))
        return false;
    return (t->id == 0 && ex->main_exits) || (!t->daemon && ex->live_nondaemon == 1);
}

/* ---- the strategy ------------------------------------------------------------------ */

static void begin(weft__exec *ex)
{
    dpor *d = state(ex);
    if (!d->cap)
        d->cap = (long)((WEFT__STRAT_STATE_SIZE - sizeof *d) / sizeof(node));
    d->depth = 0;
    if (cap_ev < ex->cap_events) {
        free(clk);
        free(seqof);
        cap_ev = ex->cap_events;
        clk = malloc(sizeof *clk * (size_t)cap_ev);
        seqof = malloc(sizeof *seqof * (size_t)cap_ev);
        WEFT_ASSERT(clk && seqof);
    }
    memset(tseq, 0, sizeof tseq);
    for (int i = 0; i < WEFT__MAX_THREADS; i++)
        tlast[i] = -1;
    /* only the spawns of the last execution wrote there (16 KiB otherwise) */
    memset(tinit, 0, sizeof tinit[0] * (size_t)ntinit);
    ntinit = 0;
    next_sleep = 0;
    gen++;
    used_locs = 0;
    if (!wlist) {
        wlist = malloc(sizeof *wlist * (size_t)cap_ev);
        WEFT_ASSERT(wlist);
    }
    nwlist = 0;
}

static int pick(weft__exec *ex, uint64_t cand, int cur)
{
    dpor *d = state(ex);
    long i = d->depth;
    WEFT_ASSERT(i == ex->nevents);
    if (i < d->len) {
        node *nd = &d->nodes[i];
        if (!(cand >> nd->taken & 1)) {
            weft__strategy_nondeterministic(ex, i);
            return WEFT__PICK_DIVERGED;
        }
        d->depth++;
        return nd->taken;
    }
    if (d->len == d->cap) {
        snprintf(ex->end_msg, sizeof ex->end_msg, "the search stack is full (%ld steps)", d->cap);
        return WEFT__PICK_DIVERGED;
    }
    uint64_t avail = cand & ~next_sleep;
    if (!avail)
        return WEFT__PICK_BLOCKED;
    /* the default branch: the current thread, else the first one the
       fairness rule would let run (so spins give way), else any */
    uint64_t fair = avail & ex->fair_cand;
    int p = (cur >= 0 && (fair >> cur & 1)) ? cur : __builtin_ctzll(fair ? fair : avail);
    uint64_t b = (uint64_t)1 << p;
    d->nodes[d->len++] = (node){cand, b, b, next_sleep, p, 0, 0};
    d->depth++;
    return p;
}

/* An operation of thread p, with clock ci, the event i or p's pending
   operation if i is the end of the execution, races with the earlier event
   k: make sure the state before k explores some initial of "what ran after
   k, not ordered after it, then p". */
static void reverse(weft__exec *ex, long k, long i, int p, const uint32_t *ci)
{
    dpor *d = state(ex);
    node *nd = &d->nodes[k];
    int tk = ex->events[k].tid;
    uint32_t sk = seqof[k];
    uint64_t seen = 0, initials = 0;
    uint32_t first[WEFT__MAX_THREADS];
    for (long j = k + 1; j < i; j++) {
        if (clk[j][tk] >= sk)
            continue;   /* ordered after k: not part of the reversed sequence */
        int t = ex->events[j].tid;
        if (seen >> t & 1)
            continue;
        bool init = true;
        for (uint64_t m = seen; m && init; m &= m - 1) {
            int u = __builtin_ctzll(m);
            if (clk[j][u] >= first[u])
                init = false;
        }
        seen |= (uint64_t)1 << t;
        first[t] = seqof[j];
        if (init)
            initials |= (uint64_t)1 << t;
    }
    if (!(seen >> p & 1)) {
        bool init = true;
        for (uint64_t m = seen; m && init; m &= m - 1) {
            int u = __builtin_ctzll(m);
            if (ci[u] >= first[u])
                init = false;
        }
        if (init)
            initials |= (uint64_t)1 << p;
    }
    if (initials & nd->backtrack)
        return;
    /* An initial that cannot run before k was enabled by k itself (a join
       by the exit it waits for, an acquire by the release, a get by the
       put): anything else that enables it would come first in the reversed
       sequence and be the initial. Such a race cannot be reversed. (A
       parked spinner is no exception: its step there would repeat itself.) */
    uint64_t can = initials & nd->en;
    if (can)
        nd->backtrack |= (can >> p & 1) ? (uint64_t)1 << p : can & -can;
}

static void event(weft__exec *ex, long i)
{
    dpor *d = state(ex);
    const weft__event *e = &ex->events[i];
    int p = e->tid;
    int nt = ex->nthreads;   /* clock entries past it are 0 everywhere */
    node *nd = &d->nodes[i];
    touch te;
    event_touch(ex, e, &te);

    /* the sleep set after this step: sleepers (and threads already explored
       from this state) stay asleep while the step does not touch what they
       are about to do */
    uint64_t s = (nd->sleep | nd->done) & ~((uint64_t)1 << p), keep = 0;
    for (uint64_t m = s; m; m &= m - 1) {
        int r = __builtin_ctzll(m);
        const weft__thread *rt = ex->threads[r];
        if (rt->state != WEFT__RUN || ends_process(ex, rt))
            continue;
        touch tr;
        pending_touch(rt, &tr);
        if (!touches_conflict(&tr, &te))
            keep |= (uint64_t)1 << r;
    }
    next_sleep = keep;

    /* happens-before, and the races this event closes */
    uint32_t *c = clk[i];
    /* the thread's clock before this event: its last event's (or its
       spawn's), which this event does not change (a copy costs 256 bytes) */
    const uint32_t *before = tlast[p] >= 0 ? clk[tlast[p]] : tinit[p];
    memcpy(c, before, sizeof(vclock));
    /* Races: for memory, with the last write and the reads since (as a
       store or load cannot block, the latest conflicting access is the one
       to reverse). For objects, with every earlier write of another thread
       that nothing orders before this thread's past: an operation that
       blocks (acquire) must also be tried before the other thread's acquire,
       not only before its release, or an AB/BA deadlock goes unseen. */
    static long racing[MAX_KEYS * (WEFT__MAX_THREADS + 1) + 4096];
    int nr = 0;
    const int maxr = (int)(sizeof racing / sizeof racing[0]);
    /* the locations, looked up once: valid for the update below unless the
       table grew meanwhile (it moves then) */
    loc *ls[MAX_KEYS];
    size_t cap_before = cap_locs;
    for (int k = 0; k < te.n; k++) {
        loc *l = ls[k] = loc_get(te.key[k]);
        if (te.write) {
            for (uint64_t m = l->readers; m; m &= m - 1) {
                long r = l->rd[__builtin_ctzll(m)];
                int tr = ex->events[r].tid;
                if (tr != p && before[tr] < seqof[r] && nr < maxr)
                    racing[nr++] = r;
                for (int x = 0; x < nt; x++)
                    if (clk[r][x] > c[x])
                        c[x] = clk[r][x];
            }
        }
        if (is_obj_key(te.key[k])) {
            for (long w = l->writes; w >= 0; w = wlist[w][1]) {
                long ev = wlist[w][0];
                int tw = ex->events[ev].tid;
                if (tw != p && before[tw] < seqof[ev] && nr < maxr)
                    racing[nr++] = ev;
            }
        } else if (l->lw >= 0) {
            long w = l->lw;
            int tw = ex->events[w].tid;
            /* a read of another thread between them orders the last write
               before this one: then it is that read that races */
            bool covered = false;
            if (te.write)
                for (uint64_t m = l->readers; m && !covered; m &= m - 1) {
                    long r = l->rd[__builtin_ctzll(m)];
                    if (ex->events[r].tid != p && clk[r][tw] >= seqof[w])
                        covered = true;
                }
            if (tw != p && before[tw] < seqof[w] && !covered && nr < maxr)
                racing[nr++] = w;
        }
        if (l->lw >= 0)
            for (int x = 0; x < nt; x++)
                if (clk[l->lw][x] > c[x])
                    c[x] = clk[l->lw][x];
    }
    c[p] = seqof[i] = ++tseq[p];
    tlast[p] = i;
    for (int k = 0; k < te.n; k++) {
        loc *l = cap_locs == cap_before ? ls[k] : loc_get(te.key[k]);
        if (te.write) {
            l->lw = i;
            l->readers = 0;
            if (is_obj_key(te.key[k]) && nwlist < cap_ev) {
                wlist[nwlist][0] = i;
                wlist[nwlist][1] = l->writes;
                l->writes = nwlist++;
            }
        } else {
            l->rd[p] = i;
            l->readers |= (uint64_t)1 << p;
        }
    }
    /* a spawned thread starts from its parent's clock at the spawn */
    if ((e->op->flags & WEFT__F_SPAWN) && e->val >= 0 && e->val < WEFT__MAX_THREADS) {
        memcpy(tinit[e->val], c, sizeof(vclock));
        if (e->val >= ntinit)
            ntinit = (int)e->val + 1;
    }
    for (int k = 0; k < nr; k++)
        reverse(ex, racing[k], i, p, clk[i]);
}

static int choose(weft__exec *ex, int n)
{
    dpor *d = state(ex);
    node *nd = &d->nodes[d->depth - 1];
    if (!nd->ch_n) {
        nd->ch_n = n;
        nd->ch_val = 0;
    } else if (nd->ch_n != n) {
        weft__strategy_nondeterministic(ex, d->depth - 1);
        return WEFT__PICK_DIVERGED;
    }
    return nd->ch_val;
}

/* At the end of an execution, the operations that never ran: a deadlock's
   blocked acquires, and whatever the last exit cut short. Each races with
   the earlier writes of what it touches that nothing orders before it (an
   AB/BA deadlock's other order is found this way), and, if the execution
   ended because that last exit ended the process, with that exit. */
static void pending_races(weft__exec *ex)
{
    long n = ex->nevents;
    if (n <= 0 || n > state(ex)->len)
        return;
    bool ok = ex->end_status == WEFT__END_OK;
    int tl = ex->events[n - 1].tid, tf = ex->end_tid;
    long ef = ex->end_status == WEFT__END_FINDING && tf >= 0 ? tlast[tf] : -1;
    for (int q = 0; q < ex->nthreads; q++) {
        const weft__thread *qt = ex->threads[q];
        if (qt->state != WEFT__RUN)
            continue;
        const uint32_t *cq = tlast[q] >= 0 ? clk[tlast[q]] : tinit[q];
        touch tq;
        pending_touch(qt, &tq);
        for (int k = 0; k < tq.n; k++) {
            loc *l = loc_get(tq.key[k]);
            if (is_obj_key(tq.key[k])) {
                for (long w = l->writes; w >= 0; w = wlist[w][1]) {
                    long ev = wlist[w][0];
                    int tw = ex->events[ev].tid;
                    if (tw != q && cq[tw] < seqof[ev])
                        reverse(ex, ev, n, q, cq);
                }
            } else if (l->lw >= 0) {
                long w = l->lw;
                int tw = ex->events[w].tid;
                if (tw != q && cq[tw] < seqof[w])
                    reverse(ex, w, n, q, cq);
            }
        }
        if (ok && tl != q && cq[tl] < seqof[n - 1])
            reverse(ex, n - 1, n, q, cq);
        /* a finding in a thread ends the execution right after that
           thread's last step (ef): q could have had a step before it */
        if (ef >= 0 && tf != q && cq[tf] < seqof[ef])
            reverse(ex, ef, n, q, cq);
    }
    /* the exit that ended it also races with what the others last did */
    if (ok && (ex->events[n - 1].op->flags & WEFT__F_EXIT))
        for (int q = 0; q < ex->nthreads; q++) {
            long e = tlast[q];
            if (q != tl && e >= 0 && ex->threads[q]->state == WEFT__RUN &&
                clk[n - 1][q] < seqof[e])
                reverse(ex, e, n - 1, tl, clk[n - 1]);
        }
}

static bool next(weft__exec *ex)
{
    dpor *d = state(ex);
    if (ex->end_status == WEFT__END_OK || ex->end_status == WEFT__END_FINDING)
        pending_races(ex);
    if (d->len > d->depth)
        d->len = d->depth;
    while (d->len > 0) {
        node *nd = &d->nodes[d->len - 1];
        if (nd->ch_n && nd->ch_val + 1 < nd->ch_n) {
            nd->ch_val++;
            return true;
        }
        uint64_t avail = nd->backtrack & ~nd->done & ~nd->sleep & nd->en;
        if (avail) {
            int q = __builtin_ctzll(avail);
            nd->done |= (uint64_t)1 << q;
            nd->taken = q;
            nd->ch_n = nd->ch_val = 0;
            return true;
        }
        d->len--;
    }
    return false;
}

const weft__strategy weft__strategy_dpor = {"dpor", begin, pick, choose, next, event, true};
