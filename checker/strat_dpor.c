/*
** strat_dpor.c: dynamic partial-order reduction. Optimal DPOR (Abdulla,
** Aronis, Jonsson, Sagonas, POPL 2014 / JACM 2017): source sets with wakeup
** trees, and sleep sets. Two executions that differ only in the order of
** independent operations (a Mazurkiewicz trace) are one; each trace is run
** to completion once. The theory rules out runs that turn out redundant
** part-way only where no operation waits; where one does, reversals that
** cannot happen are skipped (reverse()), and the few redundant runs left
** (spins; a thread tried before a finding that then can do nothing) are
** cut short (BLOCKED).
**
** Dependence is the operations' meaning: two operations of one thread; two
** operations on one object unless both only read it (WEFT__F_READS); two
** accesses to one 4-byte unit of memory (in one address space) unless both
** read. Operations flagged WEFT__F_LOCAL (start, yield, choose) commute with
** everything. Happens-before is computed per event with vector clocks over
** that relation; an event races with an earlier dependent event of another
** thread that nothing else orders before it. When the execution has ended
** (the end hook), each race is reversed by inserting into the wakeup tree of the state before the earlier event the
** sequence "what ran after it, not ordered after it, then the later event",
** unless a thread asleep there could start that sequence (it was explored)
** or a branch of the tree already starts it (it will be).
**
** weft_choose: a choose commutes with everything, so DPOR runs it as soon as
** its thread reaches it (no other thread is picked meanwhile: this loses no
** trace). Its values are then branches of that one state: all of them where
** the search arrives afresh, the one a wakeup sequence names where it follows
** one.
**
** --strategy bounded runs this search within a preemption bound, level by
** level: bounded partial-order reduction (bpor_add() says how it differs).
**
** The stack of nodes (one per step of the current execution) and the pool of
** wakeup tree entries live in the shared strategy area so that a replacement
** worker resumes; the clocks and access tables are rebuilt by every
** execution as it runs. Memory grows with the depth of an execution and the
** width of its wakeup trees, not with the number of executions.
*/
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strategy.h"

/* What an operation touches (touch_of), 16 bytes, kept with every event
   and every wakeup tree entry: n memory units, the consecutive keys k0 ..
   k0 + n - 1, or n objects, the key k0 and, if n is 2, the object k1 - 1;
   nothing if n is 0. */
#define MAX_KEYS 8
typedef struct touch {
    uint64_t k0;
    uint32_t k1;
    uint8_t n;
    bool write;
    bool ends;              /* an exit: a thread's end, which may end the process */
    uint8_t pad;
} touch;

/* An entry of a wakeup tree: a step (a thread and, for a choose, the value),
   the branches after it, and what the step touches. */
typedef struct wnode {
    int32_t tid;
    int32_t val;            /* the value of a choose, else -1 */
    int32_t child, next;    /* first branch after it, next sibling: -1 for none */
    touch t;
} wnode;

typedef struct node {
    uint64_t en;            /* threads that could run here */
    int32_t taken;          /* the thread run from here in this execution */
    int32_t ch_n;           /* the choose its step made, if any: its number of values, */
    uint64_t done;          /* explored, or being explored, from here */
    uint64_t sleep;         /* asleep when this state was reached */
    int32_t wut;            /* the wakeup tree's branches; the first is being explored */
    int32_t ch_val;         /* and the value */
    int16_t cur;            /* bounded: the thread that could go on here (a switch
                               away is a preemption), or -1 (every pick is free) */
    int16_t pre;            /* bounded: the preemptions before this step */
    uint64_t unsafe;        /* bounded: explored from here, with a branch cut by the bound
                               (not all its traces were run: it puts nobody to sleep) */
    uint64_t cuts_at;       /* bounded: d->ncuts when the branch being explored began */
} node;
_Static_assert(offsetof(node, taken) == WEFT__PREFIX_TID &&
               offsetof(node, ch_n) == WEFT__PREFIX_CHOOSE, "the scheduler reads the stack's nodes");

typedef struct dpor {
    long depth;             /* steps taken in this execution */
    long len;               /* nodes on the stack */
    long cap;
    int32_t pool_cap, pool_top, free_list;
    int32_t full;           /* an insertion found the pool full: the search stops */
    /* --strategy bounded (bounded partial-order reduction, below) */
    int32_t bound;          /* the level being explored */
    int32_t bmax;           /* --preemption-bound */
    bool cut;               /* this level left a branch untried for the bound */
    uint64_t ncuts;         /* the branches the bound cut, over the whole search */
    bool cut_final;         /* the last level did: the tree was not exhausted */
    bool finished;          /* next() said there is nothing left */
    long repeated;          /* runs with fewer preemptions than the level */
    node nodes[];           /* cap nodes, then the pool of pool_cap wnodes */
} dpor;
_Static_assert(offsetof(dpor, depth) == 0 && offsetof(dpor, len) == sizeof(long),
               "the scheduler reads the stack's depth and len");

static dpor *state(weft__exec *ex) { return ex->strat_state; }
/* --strategy bounded: this search is bounded partial-order reduction */
static bool bmode;
static wnode *pool(dpor *d) { return (wnode *)&d->nodes[d->cap]; }

static int32_t wnode_new(dpor *d)
{
    wnode *w = pool(d);
    int32_t x;
    if (d->free_list >= 0) {
        x = d->free_list;
        d->free_list = w[x].next;
    } else if (d->pool_top < d->pool_cap) {
        x = d->pool_top++;
    } else {
        d->full = 1;
        return -1;
    }
    w[x] = (wnode){.tid = 0, .val = -1, .child = -1, .next = -1};
    return x;
}

/* Free x and the branches after it (not its siblings). */
static void wnode_free(dpor *d, int32_t x)
{
    wnode *w = pool(d);
    w[x].next = -1;
    for (int32_t work = x; work >= 0;) {
        int32_t c = work;
        work = w[c].next;
        for (int32_t ch = w[c].child; ch >= 0;) {
            int32_t nx = w[ch].next;
            w[ch].next = work;
            work = ch;
            ch = nx;
        }
        w[c].next = d->free_list;
        d->free_list = c;
    }
}

/* Free a list of siblings and everything after them. */
static void wlist_free(dpor *d, int32_t x)
{
    while (x >= 0) {
        int32_t nx = pool(d)[x].next;
        wnode_free(d, x);
        x = nx;
    }
}

/* ---- per-execution happens-before (worker memory) -------------------------- */

/* An execution repeats the steps of the last one up to the node the search
   backtracked to (next()), and a step's effect on the tables below depends
   only on the earlier steps and what the step itself is. So the tables are
   not rebuilt: begin() takes the last execution's later events out again
   (rollback()), and event() checks that a repeated event is what it was
   (else it rolls back to there and goes on afresh). nev: the events in the
   tables. */
static long nev;
static bool fresh;              /* the tables started afresh for this execution */

/* What the search keeps of event i besides its clock: what it touches, its
   place in its thread, who held its lock before it (held_before(); the
   lock is its second object, held2, for a condition's wait, which releases
   it), and whether its operation could only run once its object let it
   (its races are gated). Apart from the events, so that reversing a race,
   which walks what ran after the earlier event, reads 24 bytes an event. */
#define EMPTY INT8_MAX
typedef struct evinfo {
    touch t;
    uint8_t tid;
    bool held2;
    int8_t held;            /* held_before(): a thread, -1 or EMPTY */
    uint8_t gated;          /* gated() */
    uint32_t seq;           /* event i is its thread's seq-th */
} evinfo;
/* event() compares what a step is, the bytes before seq */
_Static_assert(offsetof(evinfo, seq) == sizeof(touch) + 4, "evinfo has padding before seq");
_Static_assert(WEFT__MAX_THREADS <= UINT8_MAX, "a thread id fits evinfo.tid");
static evinfo *evi;
/* What event i changed besides its own entries, to take it out again. */
typedef struct evundo {
    int32_t prev;           /* its thread's event before it (tlast), -1 */
    int32_t spawned;        /* the thread it spawned (whose tinit it set), -1 */
    long undo0, nwlist0, race0;   /* the lengths of undos, wlist, races before it */
} evundo;
static evundo *evu;
/* A memory step's identity (what determines its evinfo: the operation, the
   address, the size, the thread and its address space), kept for event i
   if it was one (else op is NULL): most repeated steps are memory steps,
   checked so without working out what they touch. */
typedef struct memkey {
    uintptr_t addr;
    const weft__opdesc *op;
    uint32_t who;
} memkey;
static memkey *evk;
static inline uint32_t mem_who(const weft__event *e, int space)
{
    return (uint32_t)e->tid | (uint32_t)e->size << 8 | (uint32_t)space << 16;
}
/* The events' vector clocks, cw entries each: a copy or a join costs what
   the threads do (3 or 4 in most models), not WEFT__MAX_THREADS. cw covers
   the threads of this execution so far (widen()) and keeps its width for
   the next; the entries past ex->nthreads are 0 in every clock. */
static uint32_t *clks;
static int cw = 4;
static long cap_ev;
static uint32_t tseq[WEFT__MAX_THREADS];
static long tlast[WEFT__MAX_THREADS];
typedef uint32_t vclock[WEFT__MAX_THREADS];
static vclock tinit[WEFT__MAX_THREADS];   /* a thread's clock at its spawn */
static int ntinit;                        /* entries from ntinit on are zero */
static uint64_t next_sleep;     /* the sleep set of the state after the last event */
static long main_end = -1;      /* the event of main's end in the tables, or -1 */
/* the races found in this execution (in the order of i): event k with
   event i (whose operation could only run once its object let it: gated) */
typedef struct race { long k, i; uint8_t gated; } race;
static race *races;
static long nraces, cap_races;

static uint32_t *vc(long i) { return clks + (size_t)i * (size_t)cw; }

/* Make the clocks of events 0 .. n - 1 at least need entries wide (rare: a
   thread beyond any so far), moving them up from the last. */
static void widen(long n, int need)
{
    int w = cw;
    while (w < need)
        w *= 2;
    for (long i = n - 1; i >= 0; i--) {
        uint32_t *to = clks + (size_t)i * (size_t)w;
        memmove(to, clks + (size_t)i * (size_t)cw, sizeof *to * (size_t)cw);
        memset(to + cw, 0, sizeof *to * (size_t)(w - cw));
    }
    cw = w;
}

/* The sequence v being inserted, in worker memory: v[pos] is an event, or -1
   for the last one (the later operation of the race, perhaps one that never
   ran); vnext links the positions of one thread; vhead[t] is t's first
   position not yet matched by the tree (-1: none). */
static long *vev;
static int *vnext;
static touch *vt;
static int vhead[WEFT__MAX_THREADS];
static int nv, vleft;
static vclock vlast_clk;        /* the last one's clock within v (see reverse()) */
static int vlast_tid;
static uint64_t vran;           /* threads with a step after k */

/* The last write and the reads since, of one object or memory unit; for an
   object also every write (see event()). The fields read on every access
   first. */
typedef struct loc {
    uint64_t key;
    unsigned gen;
    int32_t lw;                 /* last write's event, -1 */
    uint64_t readers;
    int32_t writes;             /* objects: the list of all writes, newest first */
    int32_t rd[WEFT__MAX_THREADS]; /* each reader's latest read since lw */
} loc;

/* links of the objects' write lists: (event, next) */
static long (*wlist)[2];
static long nwlist;
static loc *locs;
static size_t cap_locs, used_locs;
static size_t fresh_locs;       /* entries after the last execution that started afresh */
static unsigned gen;
/* A location's entry before an event changed it (newest last). */
typedef struct undo {
    uint64_t key, readers;
    int32_t old;            /* lw (the event wrote) or rd[its thread] (it read) */
    int32_t writes;
} undo;
static undo *undos;
static long nundo;

static size_t loc_hash(uint64_t key, size_t cap)
{
    return (key * 0x9E3779B97F4A7C15ull) >> 17 & (cap - 1);
}

/* Room for more entries, the table staying at most half full: the
   entries do not move while they are looked up (loc_get). */
static void locs_reserve(int more)
{
    if (__builtin_expect((used_locs + (size_t)more) * 2 <= cap_locs, 1))
        return;
    size_t cap = cap_locs ? cap_locs * 2 : 1024;
    loc *n = calloc(cap, sizeof *n);
    WEFT_ASSERT(n);
    for (size_t i = 0; i < cap_locs; i++) {
        if (locs[i].gen != gen)
            continue;
        size_t h = loc_hash(locs[i].key, cap);
        while (n[h].gen == gen)
            h = (h + 1) & (cap - 1);
        n[h] = locs[i];
    }
    free(locs);
    locs = n;
    cap_locs = cap;
}

/* The entry of a key, new (no access yet) if this execution has none;
   after locs_reserve. */
static inline loc *loc_get(uint64_t key)
{
    size_t h = loc_hash(key, cap_locs);
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

/* Take the events from `to` on out of the tables (all of them: start
   afresh, which is cheaper than undoing). */
static void rollback(long to)
{
    if (to == 0) {
        memset(tseq, 0, sizeof tseq);
        for (int i = 0; i < WEFT__MAX_THREADS; i++)
            tlast[i] = -1;
        /* only the spawns since the last reset wrote there (16 KiB otherwise) */
        memset(tinit, 0, sizeof tinit[0] * (size_t)ntinit);
        ntinit = 0;
        nraces = 0;
        gen++;
        used_locs = 0;
        nwlist = 0;
        nundo = 0;
        nev = 0;
        main_end = -1;
        return;
    }
    for (long j = nev - 1; j >= to; j--) {
        const evinfo *ei = &evi[j];
        const evundo *u = &evu[j];
        int p = ei->tid;
        /* newest first: an object can be an event's keys twice */
        for (long x = nundo - 1; x >= u->undo0; x--) {
            const undo *un = &undos[x];
            loc *l = loc_get(un->key);
            l->readers = un->readers;
            l->writes = un->writes;
            if (ei->t.write)
                l->lw = un->old;
            else
                l->rd[p] = un->old;
        }
        nundo = u->undo0;
        tseq[p] = ei->seq - 1;
        tlast[p] = u->prev;
        if (u->spawned >= 0)
            memset(tinit[u->spawned], 0, sizeof tinit[0]);
    }
    if (main_end >= to)
        main_end = -1;
    if (to < nev) {
        nwlist = evu[to].nwlist0;
        nraces = evu[to].race0;
        nev = to;
    }
}

/* ---- what an operation touches --------------------------------------------- */

static uint64_t obj_key(int id) { return (uint64_t)1 << 63 | (uint64_t)(unsigned)id; }
static bool is_obj_key(uint64_t k) { return k >> 63; }

/* The j-th key of t (j < t->n). */
static uint64_t key_of(const touch *t, int j)
{
    if (!is_obj_key(t->k0))
        return t->k0 + (uint64_t)j;
    return j ? obj_key((int)(t->k1 - 1)) : t->k0;
}

/* What an operation (event j, or a thread's pending operation in its
   address space in the state before event j) touches. Memory is tracked in
   4-byte units: adjacent ints are independent. An access longer than
   MAX_KEYS units is tracked by its first ones.
   A thread's end `ends` the process, and so cuts short what every other
   thread would do next, if it is main's, or another's once main has ended
   (with --keep-threads, the last one's does). Until then it touches only
   its thread object: it commutes with all but the joins of it. */
static inline touch touch_of(const weft__event *e, int space, long j)
{
    unsigned f = e->op->flags;
    bool ends = (f & WEFT__F_EXIT) && (e->tid == 0 || (main_end >= 0 && main_end < j));
    touch t = {0, 0, 0, !(f & WEFT__F_READS), ends, 0};
    if (f & WEFT__F_LOCAL)
        return t;
    if (f & WEFT__F_MEM) {
        uintptr_t g0 = e->addr >> 2, g1 = (e->addr + (e->size ? e->size - 1u : 0)) >> 2;
        uint64_t sp = space && weft__mem_is_global(e->addr) ? (uint64_t)space << 56 : 0;
        t.k0 = ((uint64_t)g0 ^ sp) & ~((uint64_t)1 << 63);
        t.n = (uint8_t)(g1 - g0 < MAX_KEYS ? g1 - g0 + 1 : MAX_KEYS);
        return t;
    }
    int obj = e->obj, obj2 = e->obj2;
    if (obj < 0) {
        obj = obj2;
        obj2 = -1;
    }
    if (obj >= 0) {
        t.k0 = obj_key(obj);
        t.n = 1;
    }
    if (obj2 >= 0) {
        t.k1 = (uint32_t)obj2 + 1;
        t.n = 2;
    }
    return t;
}

/* Do a and b touch a common key, one of them writing? Memory units are
   ranges; an object touch has one or two keys. */
static bool touches_conflict(const touch *a, const touch *b)
{
    if ((!a->write && !b->write) || !a->n || !b->n)
        return false;
    if (!is_obj_key(a->k0) || !is_obj_key(b->k0))
        return !is_obj_key(a->k0) && !is_obj_key(b->k0) && a->k0 < b->k0 + b->n &&
               b->k0 < a->k0 + a->n;
    for (int i = 0; i < a->n; i++)
        for (int k = 0; k < b->n; k++)
            if (key_of(a, i) == key_of(b, k))
                return true;
    return false;
}

static touch pending_touch(const weft__thread *r, long j)
{
    return touch_of(&r->pend.ev, r->space, j);
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

/* t's pending operation can run only once its object lets it (a join, an
   acquire), not a timed one that may give up: GATED; GATED | UNITS if it
   waits for its object's units (WEFT__F_UNITS). */
enum { GATED = 1, UNITS = 2 };
static uint8_t gated(const weft__thread *t)
{
    if (!t->pend.ready || t->pend.timed)
        return 0;
    return GATED | (t->pend.ev.op->flags & WEFT__F_UNITS ? UNITS : 0);
}
/* ---- the strategy ------------------------------------------------------------------ */

static void begin(weft__exec *ex)
{
    dpor *d = state(ex);
    if (!d->cap) {
        /* a quarter for the stack of nodes, the rest for the wakeup trees */
        size_t room = WEFT__STRAT_STATE_SIZE - sizeof *d;
        d->cap = (long)(room / 4 / sizeof(node));
        d->pool_cap = (int32_t)((room - (size_t)d->cap * sizeof(node)) / sizeof(wnode));
        d->free_list = -1;
        if (ex->strat == &weft__strategy_bpor)
            d->bmax = ex->opt->preemption_bound >= 0 ? ex->opt->preemption_bound : 2;
    }
    bmode = ex->strat == &weft__strategy_bpor;
    d->depth = 0;
    /* the scheduler replays the stack's nodes itself, as pick does */
    ex->prefix = (weft__prefix){&d->depth, (char *)d->nodes, sizeof(node)};
    if (cap_ev < ex->cap_events) {
        free(clks);
        free(evi);
        free(evu);
        free(evk);
        free(undos);
        free(vev);
        free(vnext);
        free(vt);
        cap_ev = ex->cap_events;
        /* room for the widest clocks: pages stay untouched while cw is small */
        clks = malloc(sizeof *clks * (size_t)cap_ev * WEFT__MAX_THREADS);
        evi = malloc(sizeof *evi * (size_t)cap_ev);
        evu = malloc(sizeof *evu * (size_t)cap_ev);
        evk = malloc(sizeof *evk * (size_t)cap_ev);
        undos = malloc(sizeof *undos * (size_t)cap_ev * MAX_KEYS);
        vev = malloc(sizeof *vev * (size_t)(cap_ev + 1));
        vnext = malloc(sizeof *vnext * (size_t)(cap_ev + 1));
        vt = malloc(sizeof *vt * (size_t)(cap_ev + 1));
        WEFT_ASSERT(clks && evi && evu && evk && undos && vev && vnext && vt);
        nev = 0;
    }
    if (!wlist) {
        wlist = malloc(sizeof *wlist * (size_t)cap_ev);
        WEFT_ASSERT(wlist);
    }
    /* the steps this execution repeats: all but the last on the stack (its
       node took another branch) */
    long keep = d->len - 1 < nev ? d->len - 1 : nev;
    /* The location table keeps the entries of the steps taken out (empty
       ones): it starts afresh once they outnumber what an execution that
       started afresh had, so that it stays as large as executions need,
       however many run. */
    if (fresh) {
        fresh_locs = used_locs;
        fresh = false;
    }
    if (used_locs > 2 * fresh_locs + 1024)
        keep = 0;
    if (keep <= 0) {
        keep = 0;
        fresh = true;
    }
    rollback(keep);
    next_sleep = 0;
}

/* The thread about to make a choose, if one is: DPOR runs it first. */
static int chooser(const weft__exec *ex, uint64_t cand)
{
    for (uint64_t m = cand; m; m &= m - 1) {
        int t = __builtin_ctzll(m);
        if (ex->threads[t]->pend.ev.op->flags & WEFT__F_CHOOSE)
            return t;
    }
    return -1;
}

/* The pool of wakeup tree entries ran out: the search cannot go on soundly. */
static int pool_full(weft__exec *ex, const dpor *d)
{
    snprintf(ex->end_msg, sizeof ex->end_msg, "the search's wakeup trees are full (%d entries)",
             d->pool_cap);
    return WEFT__PICK_DIVERGED;
}

static int pick_new(weft__exec *ex, uint64_t cand, int cur);

static int pick(weft__exec *ex, uint64_t cand, int cur)
{
    dpor *d = state(ex);
    long i = d->depth;
    WEFT_ASSERT(i == ex->nevents);
    if (i >= d->len)
        return pick_new(ex, cand, cur);
    node *nd = &d->nodes[i];
    if (!(cand >> nd->taken & 1)) {
        weft__strategy_nondeterministic(ex, i);
        return WEFT__PICK_DIVERGED;
    }
    d->depth++;
    return nd->taken;
}

/* A step past the stack: a new node. (Apart from pick, which mostly
   repeats a node, cheaply.) */
__attribute__((noinline)) static int pick_new(weft__exec *ex, uint64_t cand, int cur)
{
    dpor *d = state(ex);
    long i = d->depth;
    if (d->full)
        return pool_full(ex, d);
    if (d->len == d->cap) {
        snprintf(ex->end_msg, sizeof ex->end_msg, "the search stack is full (%ld steps)", d->cap);
        return WEFT__PICK_DIVERGED;
    }
    /* (not under a bound: running a choose first may be a preemption) */
    int ch = bmode ? -1 : chooser(ex, cand);
    if (ch >= 0)
        cand = (uint64_t)1 << ch;
    int free_cur = bmode && cur >= 0 && !weft__yielded(ex, cur) ? cur : -1;
    uint64_t avail = cand & ~next_sleep;
    wnode *w = pool(d);
    /* the branches the wakeup tree holds after the step that led here: the
       first that can run is this step (one that cannot was a race that
       cannot be reversed after all) */
    int32_t sub = -1;
    if (i > 0 && d->nodes[i - 1].wut >= 0) {
        sub = w[d->nodes[i - 1].wut].child;
        w[d->nodes[i - 1].wut].child = -1;
    }
    bool guided = sub >= 0;
    while (sub >= 0 && !(avail >> w[sub].tid & 1)) {
        int32_t nx = w[sub].next;
        wnode_free(d, sub);
        sub = nx;
    }
    /* no sequence that led here can go on: the races they were to reverse
       cannot be, and nothing else needs this state */
    if (guided && sub < 0)
        return WEFT__PICK_BLOCKED;
    int p;
    if (sub >= 0) {
        p = w[sub].tid;
    } else {
        if (!avail)
            return WEFT__PICK_BLOCKED;
        /* a fresh branch: the current thread, else the first one the
           fairness rule would let run (so spins give way), else any */
        uint64_t fair = avail & ex->fair_cand;
        p = (cur >= 0 && (fair >> cur & 1)) ? cur : __builtin_ctzll(fair ? fair : avail);
        if (bmode && free_cur >= 0) {
            /* bounded: no preemption, unless the thread that could go on is
               asleep; then one more, if the level allows it */
            if (avail >> free_cur & 1) {
                p = free_cur;
            } else if (ex->preemptions + 1 > d->bound) {
                d->cut = true;
                d->ncuts++;
                return WEFT__PICK_BLOCKED;
            }
        }
        sub = wnode_new(d);
        if (sub < 0)
            return pool_full(ex, d);
        w[sub].tid = p;
        w[sub].t = pending_touch(ex->threads[p], i);
    }
    uint64_t b = (uint64_t)1 << p;
    d->nodes[d->len++] = (node){cand, p, 0, b, next_sleep, sub, w[sub].val >= 0 ? w[sub].val : 0,
                                (int16_t)free_cur, (int16_t)ex->preemptions, 0, d->ncuts};
    d->depth++;
    return p;
}

/* ---- reversing a race: the wakeup sequence and its insertion ----------------- */

/* c = max(c, o), over the first n entries */
static inline void join(uint32_t *c, const uint32_t *o, int n)
{
    for (int x = 0; x < n; x++)
        if (o[x] > c[x])
            c[x] = o[x];
}

static int vtid(int pos) { return vev[pos] >= 0 ? evi[vev[pos]].tid : vlast_tid; }
static const uint32_t *vclk(int pos) { return vev[pos] >= 0 ? vc(vev[pos]) : vlast_clk; }

static int vval(weft__exec *ex, int pos)
{
    if (vev[pos] < 0)
        return -1;
    const weft__event *e = &ex->events[vev[pos]];
    return (e->op->flags & WEFT__F_CHOOSE) && e->val > 1 ? (int)e->res : -1;
}

/* Nothing left in v comes before position pos in happens-before. */
static bool v_initial(weft__exec *ex, int pos)
{
    int t = vtid(pos);
    const uint32_t *c = vclk(pos);
    for (int u = 0; u < ex->nthreads; u++) {
        int g = vhead[u];
        /* (nothing in v is ordered after p's operation, the last of E) */
        if (u != t && g >= 0 && g < pos && vev[g] >= 0 && c[u] >= evi[vev[g]].seq)
            return false;
    }
    return true;
}

/* A step (touching t) commutes with everything left in v. */
static bool v_independent(weft__exec *ex, const touch *t)
{
    if (t->ends)
        return false;
    for (int u = 0; u < ex->nthreads; u++)
        for (int g = vhead[u]; g >= 0; g = vnext[g])
            if (touches_conflict(t, &vt[g]) || vt[g].ends)
                return false;
    return true;
}

/* Would the step of thread q (touching t), run first, start v? (a weak
   initial: the first of q's steps in v with nothing before it, or a step
   outside v that commutes with all of it) */
static bool v_starts(weft__exec *ex, int q, int val, const touch *t)
{
    int pos = vhead[q];
    if (pos >= 0)
        return vval(ex, pos) == val && v_initial(ex, pos);
    /* a thread that did not run again before the execution ended is no
       weak initial: traces where the end cuts it short are not those where
       it runs first */
    return (vran >> q & 1) && v_independent(ex, t);
}

static void v_take(int q)
{
    vhead[q] = vnext[vhead[q]];
    vleft--;
}

/* Append what is left of v (front first, if it is left) after *link. */
static void v_append(weft__exec *ex, dpor *d, int32_t *link, int front)
{
    wnode *w = pool(d);
    while (*link >= 0)
        link = &w[*link].next;
    /* positions still in v, in order: a thread's are from vhead on */
    int from[WEFT__MAX_THREADS];
    for (int u = 0; u < ex->nthreads; u++)
        from[u] = vhead[u];
    /* the front goes first, with the chooses that follow it */
    int front_end = front;
    while (front >= 0 && front_end + 1 < nv && vev[front_end + 1] == vev[front_end] + 1 &&
           vev[front_end] >= 0 && vtid(front_end + 1) == vtid(front) &&
           (ex->events[vev[front_end + 1]].op->flags & WEFT__F_CHOOSE))
        front_end++;
    for (int k = -1 - (front_end - front); k < nv; k++) {
        int pos = k < 0 ? front_end + 1 + k : k;
        if (pos < 0 || (k < 0 && front < 0))
            continue;
        int t = vtid(pos);
        if (from[t] < 0 || from[t] > pos)
            continue;   /* matched by the tree */
        if (k >= 0 && front >= 0 && pos >= front && pos <= front_end)
            continue;   /* went first */
        int32_t x = wnode_new(d);
        if (x < 0)
            return;
        w[x].tid = t;
        w[x].val = vval(ex, pos);
        w[x].t = vt[pos];
        *link = x;
        link = &w[x].child;
    }
}

/* The preemptions of a run that takes thread p at node nd. */
static int cost(const node *nd, int p)
{
    return nd->pre + (nd->cur >= 0 && nd->cur != p);
}

/* Bounded partial-order reduction (Coons, Musuvathi, McKinley, OOPSLA
   2013), for --strategy bounded: a race of p's operation with event k adds
   p as a branch of the state before k (every thread that could run there if
   p could not: classic DPOR's backtrack sets), and, as the bound may forbid
   switching to p there, a conservative branch at the last switch of
   threads before k (reverse()), where running p instead costs what the
   switch did. A thread explored from a state sleeps in its later branches
   only if the bound cut nothing in its branch (node.unsafe): then every
   trace that starts with it was run; a cut one may have been the only way
   within the bound to a trace another branch needs. */
static void bpor_add(weft__exec *ex, long k, int p)
{
    dpor *d = state(ex);
    node *nd = &d->nodes[k];
    wnode *w = pool(d);
    uint64_t targets = nd->en >> p & 1 ? (uint64_t)1 << p : nd->en;
    for (uint64_t m = targets & ~nd->done; m; m &= m - 1) {
        int q = __builtin_ctzll(m);
        int32_t *link = &nd->wut;
        while (*link >= 0 && w[*link].tid != q)
            link = &w[*link].next;
        if (*link >= 0)
            continue;
        int32_t x = wnode_new(d);
        if (x < 0)
            return;
        w[x].tid = q;
        *link = x;
    }
}

/* The operation of thread p (touching tp), the event i or p's
   pending operation if i is the end of the execution, races with the earlier
   event k: make sure the state before k explores "what ran after k, not
   ordered after it, then p's operation". */
static void reverse(weft__exec *ex, long k, long i, int p, const touch *tp, uint8_t gated)
{
    dpor *d = state(ex);
    node *nd = &d->nodes[k];
    const weft__event *ek = &ex->events[k];
    int tk = ek->tid;
    uint32_t sk = evi[k].seq;
    int nt = ex->nthreads;
    /* What waits for a thread's end (a join) cannot run before it; what
       waits for a lock cannot run before an operation on it while another
       thread holds it, nor what waits for an object's units (an acquire of
       a semaphore, a get of a queue) before an operation that found them at
       0 (EMPTY) (nothing in v touches the object: all would be ordered after
       k). The lock may be k's second object (a condition's wait releases
       it) and p's (waking from one needs it). */
    bool never = false;
    if (gated && tp->n && ek->obj >= 0) {
        if (tp->k0 == obj_key(ek->obj) && (ek->op->flags & WEFT__F_EXIT))
            return;
        int8_t h = evi[k].held;
        uint64_t hk = obj_key(evi[k].held2 ? ek->obj2 : ek->obj);
        bool waits = h == EMPTY ? (gated & UNITS) : (h >= 0 && h != p);
        never = waits && (tp->k0 == hk || (tp->n == 2 && key_of(tp, 1) == hk));
    }
    if (bmode) {
        /* What is added is p's thread: that holds only if its next step at
           k is the operation (else its steps before it may go first, while
           the lock is held or the units are 0). */
        long before = i < ex->nevents && ex->events[i].tid == p ? evu[i].prev : tlast[p];
        if (never && before < k)
            return;
        bpor_add(ex, k, p);
        /* the last state before k where the step taken was a switch, or
           any step would have been free (after a yield or a timed-out wait
           the thread may go on, and switching costs nothing) */
        const node *nodes = state(ex)->nodes;
        long j = k - 1;
        while (j > 0 && nodes[j].cur == ex->events[j].tid)
            j--;
        if (j > 0 && cost(&nodes[j], p) < cost(&nodes[k], p))
            bpor_add(ex, j, p);
        return;
    }
    if (never)
        return;
    /* the threads with a step after k */
    uint64_t seen = 0;
    for (int u = 0; u < nt; u++)
        if (tlast[u] > k)
            seen |= (uint64_t)1 << u;
    nv = 0;
    /* p's operation's clock within v: what of v it depends on (its own
       thread's steps, its spawn, what it conflicts with) and what those
       depend on. Its clock in the execution is no guide: it is ordered
       after k, and so after everything that k is ordered before, which v
       leaves behind. (Any other step of v keeps its clock: nothing ordered
       after k is ordered before it.) Only the entries of v's threads are
       ever compared, so the others may stay 0. */
    memset(vlast_clk, 0, sizeof *vlast_clk * (size_t)nt);
    /* v: the events after k not ordered after it, in order, then p's
       operation (the order matters: sleep sets follow it) */
    for (long j = k + 1, n = ex->nevents; j < n; j++) {
        if (vc(j)[tk] >= sk || j == i)
            continue;   /* ordered after k: not part of the reversed sequence */
        vev[nv] = j;
        vt[nv] = evi[j].t;
        if (evi[j].tid == p || touches_conflict(&vt[nv], tp) || evu[j].spawned == p)
            join(vlast_clk, vc(j), nt);
        nv++;
    }
    vev[nv] = -1;
    vt[nv] = *tp;
    nv++;
    vlast_tid = p;
    vran = seen | (uint64_t)1 << p;
    vleft = nv;
    for (int u = 0; u < nt; u++)
        vhead[u] = -1;
    for (int pos = nv - 1; pos >= 0; pos--) {
        int t = vtid(pos);
        vnext[pos] = vhead[t];
        vhead[t] = pos;
    }

    /* p's operation, first of v, that could not run at k: it waits for what
       k did (a release, a put) and nothing in v changes that */
    {
        int pe = vhead[p];
        if (vev[pe] < 0 && !(nd->en >> p & 1) && v_initial(ex, pe))
            return;
    }

    /* The sequence must start with a step that can run before k. An initial
       that cannot was enabled by k itself (a join by the exit it waits for,
       an acquire by the release, a get by the put): anything else that
       enables it would come first in the sequence and be the initial. If no
       initial can, the race cannot be reversed. */
    int front = -1;
    if (!(nd->en >> vtid(0) & 1)) {
        for (int pos = 1; pos < nv && front < 0; pos++) {
            int t = vtid(pos);
            if (vhead[t] == pos && (nd->en >> t & 1) && v_initial(ex, pos))
                front = pos;
        }
        if (front < 0)
            return;
    }

    /* A thread asleep at k (or explored from it) that would start v: the
       traces that start so are explored, or being explored, already. */
    for (uint64_t m = (nd->sleep | nd->done) & ~((uint64_t)1 << tk); m; m &= m - 1) {
        int q = __builtin_ctzll(m);
        if (vhead[q] >= 0) {
            if (v_initial(ex, vhead[q]))
                return;
            continue;
        }
        /* its step at k is its first after k (one cut short by the end of
           the execution starts nothing: see v_starts) */
        if (!(seen >> q & 1) || !(nd->en >> q & 1))
            continue;
        long f = k + 1;
        while (evi[f].tid != q)
            f++;
        if (v_independent(ex, &evi[f].t))
            return;
    }

    /* Walk the tree: a branch whose step starts what is left of v is
       followed; a leaf reached so already covers v; else what is left of v
       becomes a new branch where the walk stopped. */
    wnode *w = pool(d);
    int32_t *link = &nd->wut;
    for (;;) {
        if (!vleft)
            return;
        int32_t c = *link;
        /* (the branch being explored from k runs k's step first: v never
           starts so, even where the race is only that a finding or an exit
           after k cut p's operation short) */
        if (link == &nd->wut)
            c = w[c].next;
        for (; c >= 0; c = w[c].next)
            if (v_starts(ex, w[c].tid, w[c].val, &w[c].t))
                break;
        if (c < 0) {
            v_append(ex, d, link, link == &nd->wut ? front : -1);
            return;
        }
        if (vhead[w[c].tid] >= 0) {
            if (vhead[w[c].tid] == front)
                front = -1;
            v_take(w[c].tid);
        }
        if (w[c].child < 0)
            return;
        link = &w[c].child;
    }
}

/* The sleep set after event i: the threads asleep (or explored) at its
   state stay asleep while the step does not touch what they are about to
   do. */
__attribute__((noinline)) static uint64_t sleep_after(weft__exec *ex, long i)
{
    const node *nd = &state(ex)->nodes[i];
    const touch *te = &evi[i].t;
    uint64_t s = (nd->sleep | (nd->done & ~nd->unsafe)) & ~((uint64_t)1 << evi[i].tid), keep = 0;
    for (uint64_t m = s; m; m &= m - 1) {
        int r = __builtin_ctzll(m);
        const weft__thread *rt = ex->threads[r];
        if (rt->state != WEFT__RUN || ends_process(ex, rt))
            continue;
        touch tr = pending_touch(rt, i + 1);
        if (!touches_conflict(&tr, te))
            keep |= (uint64_t)1 << r;
    }
    return keep;
}

static void race_add(long k, long i, uint8_t g)
{
    if (nraces == cap_races) {
        cap_races = cap_races ? 2 * cap_races : 1024;
        races = realloc(races, sizeof *races * (size_t)cap_races);
        WEFT_ASSERT(races);
    }
    races[nraces++] = (race){k, i, g};
}

/* Event i (what it is: ne, and spawned, the thread it spawned or -1)
   enters the tables, in place of the last execution's event i and those
   after it if they are there: its clock, the races it closes, the locations
   it touches. (Not inlined: event() mostly checks a repeated step, cheaply.) */
__attribute__((noinline)) static void record(weft__exec *ex, long i, const evinfo *ne,
                                             int32_t spawned)
{
    if (i < nev)
        rollback(i);
    evinfo *ei = &evi[i];
    *ei = *ne;
    const touch *te = &ei->t;
    int p = ei->tid;
    int nt = ex->nthreads;   /* clock entries past it are 0 everywhere */
    evu[i] = (evundo){(int32_t)tlast[p], spawned, nundo, nwlist, nraces};
    const weft__event *e = &ex->events[i];
    evk[i] = e->op->flags & WEFT__F_MEM
                 ? (memkey){e->addr, e->op, mem_who(e, ex->threads[p]->space)}
                 : (memkey){0, NULL, 0};
    if (nt > cw)
        widen(i, nt);
    uint32_t *c = vc(i);
    /* the thread's clock before this event: its last event's (or its
       spawn's), which this event does not change; cw is a multiple of 4 */
    const uint32_t *before = tlast[p] >= 0 ? vc(tlast[p]) : tinit[p];
    for (int x = 0; x < cw; x += 4)
        memcpy(c + x, before + x, 4 * sizeof *c);
    /* Races: for memory, with the last write and the reads since (as a
       store or load cannot block, the latest conflicting access is the one
       to reverse). For objects, with every earlier write of another thread
       that nothing orders before this thread's past: an operation that
       blocks (acquire) must also be tried before the other thread's acquire,
       not only before its release, or an AB/BA deadlock goes unseen. They
       are reversed at the end of the execution, when all of it is known.
       An access of p's own needs no join: p's past holds it already. */
    const int maxr = MAX_KEYS * (WEFT__MAX_THREADS + 1) + 4096;   /* per event */
    int nr = 0;
    uint8_t g = ei->gated;
    loc *ls[MAX_KEYS];
    locs_reserve(te->n);
    for (int k = 0; k < te->n; k++) {
        uint64_t key = key_of(te, k);
        loc *l = ls[k] = loc_get(key);
        if (te->write) {
            for (uint64_t m = l->readers; m; m &= m - 1) {
                long r = l->rd[__builtin_ctzll(m)];
                int tr = evi[r].tid;
                if (tr != p && before[tr] < evi[r].seq && nr < maxr) {
                    race_add(r, i, g);
                    nr++;
                }
                if (tr != p)
                    join(c, vc(r), nt);
            }
        }
        if (is_obj_key(key)) {
            for (long w = l->writes; w >= 0; w = wlist[w][1]) {
                long ev = wlist[w][0];
                int tw = evi[ev].tid;
                if (tw != p && before[tw] < evi[ev].seq && nr < maxr) {
                    race_add(ev, i, g);
                    nr++;
                }
            }
        } else if (l->lw >= 0) {
            long w = l->lw;
            int tw = evi[w].tid;
            /* a read of another thread between them orders the last write
               before this one: then it is that read that races */
            bool covered = false;
            if (te->write)
                for (uint64_t m = l->readers; m && !covered; m &= m - 1) {
                    long r = l->rd[__builtin_ctzll(m)];
                    if (evi[r].tid != p && vc(r)[tw] >= evi[w].seq)
                        covered = true;
                }
            if (tw != p && before[tw] < evi[w].seq && !covered && nr < maxr) {
                race_add(w, i, g);
                nr++;
            }
        }
        if (l->lw >= 0 && evi[l->lw].tid != p)
            join(c, vc(l->lw), nt);
    }
    c[p] = ei->seq = ++tseq[p];
    tlast[p] = i;
    if (p == 0 && te->ends)
        main_end = i;
    for (int k = 0; k < te->n; k++) {
        loc *l = ls[k];
        undos[nundo++] = (undo){l->key, l->readers, te->write ? l->lw : l->rd[p], l->writes};
        if (te->write) {
            l->lw = (int32_t)i;
            l->readers = 0;
            if (is_obj_key(l->key) && nwlist < cap_ev) {
                wlist[nwlist][0] = i;
                wlist[nwlist][1] = l->writes;
                l->writes = (int32_t)nwlist++;
            }
        } else {
            l->rd[p] = (int32_t)i;
            l->readers |= (uint64_t)1 << p;
        }
    }
    /* a spawned thread starts from its parent's clock at the spawn */
    if (spawned >= 0) {
        memcpy(tinit[spawned], c, sizeof *c * (size_t)cw);
        if (spawned >= ntinit)
            ntinit = spawned + 1;
    }
    nev = i + 1;
}

/* Who held a lock before an operation on it (-1: nobody); for another
   object, EMPTY if its units were 0 (an operation that waits for them,
   WEFT__F_UNITS, would have waited). */
static bool lock_like(const weft__obj *o)
{
    return o->kind == WEFT__O_LOCK || o->kind == WEFT__O_RLOCK;
}

static int8_t held_before(const weft__obj *o)
{
    if (!o)
        return -1;
    if (lock_like(o))
        return o->holder ? (int8_t)o->holder->id : -1;
    return o->units == 0 ? EMPTY : -1;
}

/* Event i, unless it is a memory step the tables hold already: what it is
   (evinfo), and into the tables if they hold something else there. */
__attribute__((noinline)) static void check_step(weft__exec *ex, long i, const weft__event *e,
                                                 const weft__thread *th)
{
    const weft__obj *o = th->pend.obj;
    evinfo ne = {touch_of(e, th->space, i), (uint8_t)e->tid, false, -1, gated(th), 0};
    if (o) {
        /* a condition's wait: the lock it releases or needs */
        const weft__obj *o2 = th->pend.obj2;
        ne.held2 = !lock_like(o) && o2 && lock_like(o2);
        ne.held = held_before(ne.held2 ? o2 : o);
    }
    int32_t spawned = (e->op->flags & WEFT__F_SPAWN) && e->val >= 0 && e->val < WEFT__MAX_THREADS
                          ? (int32_t)e->val : -1;
    /* a step the last execution made too leaves the tables as they are if
       it is the same step */
    if (i >= nev || memcmp(&ne, &evi[i], offsetof(evinfo, seq)) || evu[i].spawned != spawned)
        record(ex, i, &ne, spawned);
}

static void bpor_pending(weft__exec *ex, long i);

/* event() when the step is not a repeated memory step, or a node starts
   after it, or the search is bounded. */
__attribute__((noinline)) static void event_slow(weft__exec *ex, long i)
{
    if (bmode && i >= nev)
        bpor_pending(ex, i);
    const weft__event *e = &ex->events[i];
    const weft__thread *th = ex->threads[e->tid];
    if (i >= nev || evk[i].op != e->op || evk[i].addr != e->addr ||
        evk[i].who != mem_who(e, th->space))
        check_step(ex, i, e, th);
    /* the sleep set after this step, if a new node will start from it */
    if (i + 1 >= state(ex)->len)
        next_sleep = sleep_after(ex, i);
}

/* A repeated memory step is the same step if its memkey is (its evinfo
   follows from it: no object, no predicate, not an exit). This is all most
   steps do here: the rest is out of line, so that this saves no registers. */
static void event(weft__exec *ex, long i)
{
    const weft__event *e = &ex->events[i];
    if (__builtin_expect(i < nev && evk[i].op == e->op && evk[i].addr == e->addr &&
                         evk[i].who == mem_who(e, ex->threads[e->tid]->space) &&
                         i + 1 < state(ex)->len && !bmode, 1))
        return;
    event_slow(ex, i);
}

static int choose(weft__exec *ex, int n)
{
    dpor *d = state(ex);
    node *nd = &d->nodes[d->depth - 1];
    if (!nd->ch_n) {
        wnode *w = pool(d);
        int32_t x = nd->wut;
        nd->ch_n = n;
        if (w[x].val < 0) {
            /* arrived afresh: every value is a branch of this state */
            w[x].val = 0;
            for (int v = n - 1; v >= 1; v--) {
                int32_t y = wnode_new(d);
                if (y < 0)
                    break;
                w[y] = w[x];
                w[y].val = v;
                w[y].child = -1;
                w[y].next = w[x].next;
                w[x].next = y;
            }
        }
        nd->ch_val = w[x].val;
        if (nd->ch_val >= n) {
            weft__strategy_nondeterministic(ex, d->depth - 1);
            return WEFT__PICK_DIVERGED;
        }
    } else if (nd->ch_n != n) {
        weft__strategy_nondeterministic(ex, d->depth - 1);
        return WEFT__PICK_DIVERGED;
    }
    return nd->ch_val;
}

/* The races of thread q's pending operation (touching tq) with the
   tables' events of other threads that nothing orders before q's past (its
   clock cq), reversed as p's operation at i: every write of an object; the
   last write of memory and, if readers, the reads since when q writes. */
static void pending_of(weft__exec *ex, int q, const uint32_t *cq, const touch *tq, long i,
                       bool readers)
{
    uint8_t g = gated(ex->threads[q]);
    locs_reserve(tq->n);
    for (int k = 0; k < tq->n; k++) {
        uint64_t key = key_of(tq, k);
        loc *l = loc_get(key);
        if (is_obj_key(key)) {
            for (long w = l->writes; w >= 0; w = wlist[w][1]) {
                long ev = wlist[w][0];
                if (evi[ev].tid != q && cq[evi[ev].tid] < evi[ev].seq)
                    reverse(ex, ev, i, q, tq, g);
            }
            continue;
        }
        if (l->lw >= 0 && evi[l->lw].tid != q && cq[evi[l->lw].tid] < evi[l->lw].seq)
            reverse(ex, l->lw, i, q, tq, g);
        if (readers && tq->write)
            for (uint64_t m = l->readers & ~((uint64_t)1 << q); m; m &= m - 1) {
                long r = l->rd[__builtin_ctzll(m)];
                if (cq[evi[r].tid] < evi[r].seq)
                    reverse(ex, r, i, q, tq, g);
            }
    }
}

/* Bounded: classic DPOR looks at every state for the races of every
   thread's next operation, not only at the operations that ran: under a
   bound, a race that the unbounded search reverses later, from a state
   after it, may be out of reach from there. The state before event i
   (the tables hold the events before it). */
static void bpor_pending(weft__exec *ex, long i)
{
    for (int q = 0; q < ex->nthreads; q++) {
        if ((i < ex->nevents && q == ex->events[i].tid) || ex->threads[q]->state != WEFT__RUN)
            continue;
        touch tq = pending_touch(ex->threads[q], i);
        pending_of(ex, q, tlast[q] >= 0 ? vc(tlast[q]) : tinit[q], &tq, i, true);
    }
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
        const uint32_t *cq = tlast[q] >= 0 ? vc(tlast[q]) : tinit[q];
        touch tq = pending_touch(qt, n);
        uint8_t g = gated(qt);
        pending_of(ex, q, cq, &tq, n, false);
        if (ok && tl != q && cq[tl] < evi[n - 1].seq)
            reverse(ex, n - 1, n, q, &tq, g);
        /* a finding in a thread ends the execution right after that
           thread's last step (ef): q could have had a step before it */
        if (ef >= 0 && tf != q && cq[tf] < evi[ef].seq)
            reverse(ex, ef, n, q, &tq, g);
    }
    /* the exit that ended it also races with what the others last did */
    if (ok && (ex->events[n - 1].op->flags & WEFT__F_EXIT))
        for (int q = 0; q < ex->nthreads; q++) {
            long e = tlast[q];
            if (q != tl && e >= 0 && ex->threads[q]->state == WEFT__RUN &&
                vc(n - 1)[q] < evi[e].seq)
                reverse(ex, e, n - 1, tl, &evi[n - 1].t, false);
        }
}

/* After an execution (run to its end, or cut short by a finding or a
   crash), before the worker may be replaced: reverse its races. */
static void end(weft__exec *ex)
{
    /* what the tables hold past this execution's events (the last one's,
       where this one ended sooner) goes */
    if (nev > ex->nevents)
        rollback(ex->nevents);
    if (ex->end_status == WEFT__END_DIVERGED ||
        (ex->end_status == WEFT__END_BLOCKED && !bmode))
        return;
    if (ex->end_status == WEFT__END_OK || ex->end_status == WEFT__END_FINDING)
        pending_races(ex);
    else if (bmode)
        bpor_pending(ex, ex->nevents);   /* blocked: its last state too */
    for (long r = 0; r < nraces; r++) {
        long i = races[r].i;
        reverse(ex, races[r].k, i, evi[i].tid, &evi[i].t, races[r].gated);
    }
}

static bool next(weft__exec *ex)
{
    dpor *d = state(ex);
    bmode = ex->strat == &weft__strategy_bpor;   /* (a resumed worker's first call) */
    if (d->full) {
        /* an insertion was lost: the next execution's first step reports it */
        d->len = 0;
        return true;
    }
    while (d->len > d->depth)
        wlist_free(d, d->nodes[--d->len].wut);
    wnode *w = pool(d);
    while (d->len > 0) {
        node *nd = &d->nodes[d->len - 1];
        /* the branch explored is done; the next one that can run is next */
        if (d->ncuts != nd->cuts_at)
            nd->unsafe |= (uint64_t)1 << nd->taken;
        int32_t x = nd->wut;
        nd->wut = w[x].next;
        wnode_free(d, x);
        while (nd->wut >= 0) {
            const wnode *c = &w[nd->wut];
            bool value = nd->ch_n && c->tid == nd->taken && c->val >= 0;
            bool can = (nd->en >> c->tid & 1) &&
                       (value || !((nd->done | nd->sleep) >> c->tid & 1));
            if (can && bmode && cost(nd, c->tid) > d->bound) {
                d->cut = true;   /* a preemption too many for this level */
                d->ncuts++;
            } else if (can) {
                nd->cuts_at = d->ncuts;
                nd->taken = c->tid;
                nd->done |= (uint64_t)1 << c->tid;
                if (!value)
                    nd->ch_n = 0;
                nd->ch_val = c->val >= 0 ? c->val : 0;
                return true;
            }
            x = nd->wut;
            nd->wut = c->next;
            wnode_free(d, x);
        }
        d->len--;
    }
    if (bmode) {
        /* this level is done: the next one, if the bound cut something */
        d->cut_final = d->cut;
        if (d->cut && d->bound < d->bmax) {
            d->bound++;
            d->cut = false;
            return true;
        }
        d->finished = true;
    }
    return false;
}

const weft__strategy weft__strategy_dpor = {"dpor", begin, pick, choose, next, event, true, end};
const weft__strategy weft__strategy_bpor = {"bounded", begin, pick, choose, next, event, true, end};

/* A run with fewer preemptions than the level was run at a lower one (its
   trace, that is: see docs/cli.md). */
static bool repeated(weft__exec *ex)
{
    dpor *d = state(ex);
    if (ex->preemptions < d->bound) {
        d->repeated++;
        return true;
    }
    return false;
}

static bool summary(weft__exec *ex, char *json, size_t jn, char *text, size_t tn)
{
    const dpor *d = state(ex);
    return weft__bounded_summary(d->bound, d->bmax, d->finished, d->cut_final, d->repeated, true,
                                 json, jn, text, tn);
}

static void progress(const weft__exec *ex, char *text, size_t n)
{
    const dpor *d = ex->strat_state;
    snprintf(text, n, "; preemptions: level %d of %d", d->bound, d->bmax);
}

const weft__strategy_extra weft__strategy_bpor_extra = {&weft__strategy_bpor, repeated, summary,
                                                       progress};
