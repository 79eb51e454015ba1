/*
** sched.c: the scheduler. Every visible operation of every thread passes
** through schedule(), which records it as an event and asks the strategy
** which enabled thread runs next. This is the only file that switches
** coroutines, and the owner of the execution (weft__ex).
*/
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "race.h"
#include "report.h"
#include "strategy.h"

weft__exec *weft__ex;

const char *const weft__kind_names[WEFT__NKINDS] = {
    "assertion", "deadlock", "data_race", "lock_order", "livelock", "crash", "misuse",
};

static const weft__opdesc OP_START = {"start", WEFT__F_LOCAL};
static const weft__opdesc OP_SPAWN = {"spawn", WEFT__F_SPAWN};
static const weft__opdesc OP_EXIT = {"exit", WEFT__F_EXIT};
static const weft__opdesc OP_YIELD = {"yield", WEFT__F_YIELD | WEFT__F_LOCAL};
static const weft__opdesc OP_SLEEP = {"sleep", WEFT__F_YIELD | WEFT__F_LOCAL | WEFT__F_VAL};
static const weft__opdesc OP_CHOOSE = {"choose", WEFT__F_LOCAL | WEFT__F_VAL | WEFT__F_RES | WEFT__F_CHOOSE};
static const weft__opdesc OP_ASSUME = {"assume failed", WEFT__F_LOCAL};

/* One coroutine slot per thread id, made on first use and kept for the
   worker's lifetime: a fresh mmap per execution costs 30x the throughput. */
static weft__coro slots[WEFT__MAX_THREADS];
#define STACK_SIZE (256 * 1024)

_Noreturn void weft__panic(const char *file, int line, const char *expr)
{
    fprintf(stderr, "weft: internal error: %s:%d: assertion failed: %s\n", file, line, expr);
    fflush(stderr);
    abort();
}

static inline uint64_t bit(int id) { return (uint64_t)1 << id; }

/* Bits set in x, inline (__builtin_popcountll is a libgcc call on x86_64
   without -mpopcnt, and this runs at every decision); a set of the first
   four threads, the usual one, is looked up in a table of nibbles. */
static inline int popcount(uint64_t x)
{
    if (x < 16)
        return (int)(0x4332322132212110ull >> (4 * x) & 15);
    x -= (x >> 1) & 0x5555555555555555ull;
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
    return (int)((x * 0x0101010101010101ull) >> 56);
}

/* Is t enabled? Its pending operation is ready (or timed), and it is not
   parked in a spin wait that no state change has ended yet. */
static inline bool enabled(const weft__exec *ex, const weft__thread *t)
{
    if (t->state != WEFT__RUN)
        return false;
    if (t->spinning && t->spin_wait == ex->writes)
        return false;
    const weft__pending *p = &t->pend;
    return !p->ready || p->timed || p->ready(p->arg);
}

/* Put t in ex->en_always, en_check or en_join (or none, once DONE) after
   its state, pending operation or spinning changed: a running thread whose
   operation needs no predicate is enabled whatever the others do, and a
   join is not until the thread it joins ends (weft__thread_exit wakes it),
   so the scheduler asks only the others' predicates at each step. */
static inline void classify(weft__exec *ex, const weft__thread *t)
{
    uint64_t b = bit(t->id);
    const weft__pending *p = &t->pend;
    ex->en_always &= ~b;
    ex->en_check &= ~b;
    ex->en_join &= ~b;
    if (t->state != WEFT__RUN)
        return;
    if (t->spinning)
        ex->en_check |= b;
    else if (!p->ready || p->timed)
        ex->en_always |= b;
    else if (!(p->ev.op->flags & WEFT__F_JOIN))
        ex->en_check |= b;
    else if (((const weft__thread *)p->obj)->state == WEFT__DONE)
        ex->en_always |= b;   /* its predicate holds, and will hold */
    else
        ex->en_join |= b;
}

/* The enabled set: what enabled() says of every thread. */
static inline uint64_t enabled_set(const weft__exec *ex)
{
    uint64_t en = ex->en_always;
    for (uint64_t m = ex->en_check; m; m &= m - 1) {
        int i = __builtin_ctzll(m);
        if (enabled(ex, ex->threads[i]))
            en |= bit(i);
    }
    return en;
}

/* The OS thread's errno, which every coroutine shares: its address, taken
   once per execution (errno is a call to __errno_location). */
static int *errno_at;

/* Switch from the running context to thread u (or to the loop when u is NULL). */
static void switch_to(weft__exec *ex, weft__thread *from, weft__thread *u)
{
    weft__coro *fc = from ? from->coro : &ex->loop;
    weft__coro *tc = u ? u->coro : &ex->loop;
    if (from)
        from->saved_errno = *errno_at;
    if (u && u->space != ex->space_cur) {
        weft__space_switch(ex->space_cur, u->space);
        ex->space_cur = u->space;
    }
    ex->cur = u;
    *ex->cur_tid = u ? u->id : -1;
    weft__coro_switch(fc, tc);
    /* back on `from`'s stack: whoever switched here set ex->cur to from */
    if (from)
        *errno_at = from->saved_errno;
}

/* End the execution: back to the loop in explore.c, never to return here. */
static _Noreturn void end_execution(weft__exec *ex)
{
    ex->ended = true;
    weft__thread *t = ex->cur;
    switch_to(ex, t, NULL);
    WEFT_ASSERT(!"an ended execution was resumed");
    abort();
}

static inline long load(uintptr_t addr, int size)
{
    long v = 0;
    switch (size) {
    case 1: v = *(const unsigned char *)addr; break;
    case 2: v = *(const short *)addr; break;
    case 4: v = *(const int *)addr; break;
    default: memcpy(&v, (const void *)addr, sizeof v); break;
    }
    return v;
}

static void observe_read(weft__exec *ex, weft__thread *t, const void *pc, uintptr_t addr, long v,
                         const void *sp);

/* The value of the calling thread's last write, read once the store is done. */
static inline void settle_write(weft__exec *ex, weft__thread *t)
{
    if (t->last_write_ev >= 0) {
        weft__event *e = &ex->events[t->last_write_ev];
        e->val = load(e->addr, t->last_write_size);
        t->last_write_ev = -1;
    }
}

static void describe_blocked(weft__exec *ex, char *buf, size_t n, bool livelock);

/* The execution cannot go on as it is: every non-daemon thread finished (or
   main returned), nobody is enabled, or the step limit is reached. Out of
   schedule() so that its common path stays short. */
static _Noreturn __attribute__((cold, noinline)) void schedule_end(weft__exec *ex, uint64_t en)
{
    if (ex->live_nondaemon == 0 || (ex->main_exits && ex->threads[0]->state == WEFT__DONE)) {
        ex->end_status = ex->discard ? WEFT__END_DISCARDED : WEFT__END_OK;
        end_execution(ex);
    }
    if (!en && ex->discard) {
        ex->end_status = WEFT__END_DISCARDED;
        end_execution(ex);
    }
    if (!en) {
        bool spin = false;
        for (int i = 0; i < ex->nthreads; i++)
            if (ex->threads[i]->state == WEFT__RUN && ex->threads[i]->spinning)
                spin = true;
        describe_blocked(ex, ex->end_msg, sizeof ex->end_msg, spin);
        ex->end_kind = spin ? WEFT__LIVELOCK : WEFT__DEADLOCK;
        ex->end_status = WEFT__END_FINDING;
        ex->end_tid = -1;
        ex->end_pc = NULL;
        end_execution(ex);
    }
    snprintf(ex->end_msg, sizeof ex->end_msg,
             "the execution ran %ld steps without ending (--max-steps %ld): "
             "its threads keep running without finishing",
             ex->nevents, ex->opt->max_steps);
    ex->end_kind = WEFT__LIVELOCK;
    ex->end_status = WEFT__END_FINDING;
    ex->end_tid = -1;
    ex->end_pc = NULL;
    end_execution(ex);
}

/* The strategy could not follow its schedule (a replayed token that does
   not fit this model; it said why in end_msg), or the rest of this
   execution is redundant (DPOR's sleep set). */
static _Noreturn __attribute__((cold, noinline)) void schedule_stop(weft__exec *ex, int pick)
{
    ex->end_status = pick == WEFT__PICK_BLOCKED ? WEFT__END_BLOCKED : WEFT__END_DIVERGED;
    end_execution(ex);
}

/* Fairness (CHESS): a thread that yielded waits until every thread that
   was enabled then has had a step. If that leaves nobody, ignore it. */
static uint64_t fair_candidates(const weft__exec *ex, uint64_t en)
{
    uint64_t cand = en;
    for (uint64_t m = en & ex->fair; m; m &= m - 1) {
        int i = __builtin_ctzll(m);
        if (ex->threads[i]->fair_wait & en)
            cand &= ~bit(i);
    }
    return cand ? cand : en;
}

/* Fairness bookkeeping after thread `pick` had its step (ex->fair: the
   threads that wait). */
static void fair_step(weft__exec *ex, int pick)
{
    for (uint64_t m = ex->fair; m; m &= m - 1) {
        weft__thread *w = ex->threads[__builtin_ctzll(m)];
        w->fair_wait &= ~bit(pick);
        if (!w->fair_wait)
            ex->fair &= ~bit(w->id);
    }
    weft__rare_update(ex);
}

/* The node of the replayed prefix (ex->prefix) the execution reaches, if
   it is a pick of a candidate of cand (as the strategy's pick would
   answer): its thread, the node taken; -1 otherwise, for pick (past the
   prefix, a choose's node, a candidate the model did not repeat). */
static inline int replayed(weft__exec *ex, uint64_t cand)
{
    const weft__prefix *x = &ex->prefix;
    if (!x->nodes || x->stack[0] >= x->stack[1])
        return -1;
    const char *nd = x->nodes + x->stack[0] * x->size;
    int32_t tid = *(const int32_t *)(nd + WEFT__PREFIX_TID);
    if (*(const int32_t *)(nd + WEFT__PREFIX_CHOOSE) || !(cand >> tid & 1))
        return -1;
    x->stack[0]++;
    return tid;
}

/* A decision among the several threads of cand: the token's record of
   it, and its branching factor in the execution's weight. */
static inline void decided(weft__exec *ex, int pick, uint64_t cand)
{
    if (ex->ndecisions < ex->cap_decisions)
        ex->decisions[ex->ndecisions++] = (weft__decision){pick, (int32_t)ex->nevents};
    ex->weight *= popcount(cand);
}

/* Pick the next thread among the enabled ones and run it. Called by the
   thread in ex->cur after setting its pending operation (or after it
   finished), or by the loop (ex->cur NULL) to start the execution. Returns
   when the caller is picked again. This runs at every visible step that
   goes_on does not take, in two copies of one body: with `rare` false, for
   when none of the rare cases of ex->rare holds (no fairness wait, no
   atomic section, the execution not over), which the compiler strips of
   their code; with `rare` true, out of line, for all cases. weft__op and
   the memory operations inline the first (schedule_inline); the others
   call schedule. */
static inline __attribute__((always_inline)) void schedule_body(weft__exec *ex, const bool rare)
{
    weft__thread *t = ex->cur;

    if (rare && (ex->live_nondaemon == 0 ||
                 (ex->main_exits && ex->threads[0]->state == WEFT__DONE)))
        schedule_end(ex, 0);
    uint64_t en = enabled_set(ex);
    if (__builtin_expect(!en || ex->nevents >= ex->max_steps, 0))
        schedule_end(ex, en);

    uint64_t cand = en;
    if (rare) {
        cand = ex->fair ? fair_candidates(ex, en) : en;
        /* Without the rule (DPOR: it would hide that a thread's steps
           enable the waiting one), fairness is only the default choice of
           a new branch: every enabled thread is a candidate. */
        ex->fair_cand = cand;
        if (ex->unfair)
            cand = en;
        /* an atomic section's thread goes on while it can */
        if (ex->atomic_tid >= 0 && (en & bit(ex->atomic_tid)))
            cand = bit(ex->atomic_tid);
    } else {
        ex->fair_cand = en;
    }

    int cur = (t && (cand & bit(t->id))) ? t->id : -1;
    int pick;
    bool several = (cand & (cand - 1)) != 0;
    if (!several && !ex->every_point) {
        pick = __builtin_ctzll(cand);
    } else {
        pick = replayed(ex, cand);
        if (pick < 0) {
            pick = ex->pick(ex, cand, cur);
            if (__builtin_expect(pick < 0, 0))
                schedule_stop(ex, pick);
            WEFT_ASSERT(pick < ex->nthreads && (cand & bit(pick)));
        }
        if (several)
            decided(ex, pick, cand);
    }

    weft__thread *u = ex->threads[pick];
    weft__pending *p = &u->pend;
    weft__event *e = &ex->events[ex->nevents];
    *e = p->ev;
    if (cur >= 0 && pick != cur && !weft__yielded(ex, cur)) {
        e->flags |= WEFT__E_PREEMPT;
        ex->preemptions++;
    }
    /* only a timed operation can be picked while not ready (an untimed one
       was ready when the enabled set was made, and nothing ran since) */
    if (p->timed && p->ready && !p->ready(p->arg)) {
        u->timed_out = true;
        e->flags |= WEFT__E_TIMEOUT;
    } else {
        u->timed_out = false;
    }
    u->last_ev = ex->nevents++;
    (*ex->progress)++;
    if (ex->event)
        ex->event(ex, u->last_ev);

    if (rare && ex->fair)
        fair_step(ex, pick);
    unsigned flags = p->ev.op->flags;
    if (flags & WEFT__F_YIELD) {
        u->fair_wait = en & ~bit(pick);
        if (u->fair_wait) {
            ex->fair |= bit(pick);
            weft__rare_update(ex);
        }
    }
    /* a change of state (spin waits watch for one); a timed-out attempt
       (a failed try, a wait that timed out) changed nothing */
    if (!(flags & (WEFT__F_READS | WEFT__F_LOCAL)) && !u->timed_out)
        ex->writes++;
    if (u->spinning) {
        u->spinning = false;
        classify(ex, u);
    }

    if (u != t)
        switch_to(ex, t, u);
}

static __attribute__((noinline)) void schedule_rare(weft__exec *ex)
{
    schedule_body(ex, true);
}

static inline __attribute__((always_inline)) void schedule_inline(weft__exec *ex)
{
    if (__builtin_expect(ex->rare, 0))
        schedule_rare(ex);
    else
        schedule_body(ex, false);
}

static __attribute__((noinline)) void schedule(weft__exec *ex)
{
    schedule_inline(ex);
}

/* ---- the verbs ------------------------------------------------------------- */

/* goes_on's step, told to the strategy's event hook, which may read the
   thread's pending operation (DPOR: its object, whether it waited): the
   fields it reads, then the hook. */
static inline void went_on_hook(weft__exec *ex, weft__thread *t, const weft__opdesc *op, void *obj)
{
    t->pend.ev.op = op;
    t->pend.obj = obj;
    t->pend.obj2 = NULL;
    t->pend.ready = NULL;
    t->pend.timed = false;
    ex->event(ex, t->last_ev);
}

/* The common step, in short (a memory access, or weft__op's operation
   without a predicate): the running thread goes on, because it is the only
   candidate, or the replayed prefix says so (ex->prefix). What announce and
   schedule_body would do then, without a switch, a call of pick, the
   pending operation (the thread announces one where it may switch) or the
   strategy's event hook (the caller's went_on_hook: so that this calls
   nothing): true. False, having changed nothing, in every other case: a
   rare case (ex->rare), a thread whose last operation needed a predicate
   or that spins, a thread whose predicate must be asked (en_check), the
   step limit, a decision the prefix does not hold (fresh, or another
   thread's). */
static inline __attribute__((always_inline)) bool goes_on(weft__exec *ex, weft__thread *t,
                                                          const weft__opdesc *op, void *objp,
                                                          long val, uintptr_t addr, int size,
                                                          const void *pc)
{
    int obj = objp ? ((weft__obj *)objp)->id : -1;
    uint64_t me = bit(t->id);
    if (ex->rare || !(ex->en_always & me) || ex->en_check || t->spinning ||
        ex->nevents >= ex->max_steps)
        return false;
    uint64_t en = ex->en_always;
    if (en != me || ex->every_point) {
        /* pick would be asked: the prefix must answer t */
        if (replayed(ex, me) < 0)
            return false;
        if (en != me)
            decided(ex, t->id, en);
    }
    settle_write(ex, t);
    long i = ex->nevents++;
    ex->events[i] = (weft__event){.op = op, .pc = pc, .val = val, .addr = addr, .obj = obj,
                                  .obj2 = -1, .tid = (uint16_t)t->id, .size = (uint8_t)size};
    t->timed_out = false;
    t->last_ev = i;
    (*ex->progress)++;
    if (!(op->flags & (WEFT__F_READS | WEFT__F_LOCAL)))
        ex->writes++;
    return true;
}

/* Set t's pending operation. mem (a constant): a memory access, which has
   no object and leaves t->touch_next to the weft__op it is meant for. */
static inline __attribute__((always_inline)) void announce(weft__exec *ex, weft__thread *t,
                                                           const weft__opdesc *op, void *obj,
                                                           long val, weft__pred ready, void *arg,
                                                           const void *pc, bool timed,
                                                           uintptr_t addr, int size, const bool mem)
{
    settle_write(ex, t);
    weft__pending *p = &t->pend;
    p->ev.op = op;
    p->ev.pc = pc;
    p->ev.val = val;
    p->ev.addr = addr;
    p->ev.size = (uint8_t)size;
    if (mem) {
        p->ev.obj = -1;
        p->ev.obj2 = -1;
        p->obj = NULL;
        p->obj2 = NULL;
    } else {
        p->ev.obj = obj ? ((weft__obj *)obj)->id : -1;
        p->ev.obj2 = t->touch_next ? t->touch_next->id : -1;
        p->obj = obj;
        p->obj2 = t->touch_next;
        t->touch_next = NULL;
    }
    p->ready = ready;
    p->arg = arg;
    p->timed = timed;
    /* the common case needs no new class: an operation needing no
       predicate, of a thread that was enabled for the same reason */
    if (ready || timed || t->spinning || !(ex->en_always & bit(t->id)))
        classify(ex, t);
}

void weft__op_touches(void *obj)
{
    weft__ex->cur->touch_next = obj;
}

void weft__op(const weft__opdesc *op, void *obj, long val, weft__pred ready, void *arg,
              const void *pc)
{
    weft__exec *ex = weft__ex;
    weft__thread *t = ex->cur;
    WEFT_ASSERT(t);
    /* an operation that needs no predicate nor a second object, and is no
       yield (fairness), may go on in short as a memory step does */
    if (!ready && !t->touch_next && !(op->flags & WEFT__F_YIELD) &&
        goes_on(ex, t, op, obj, val, 0, 0, pc)) {
        if (ex->event)
            went_on_hook(ex, t, op, obj);
        return;
    }
    announce(ex, t, op, obj, val, ready, arg, pc, false, 0, 0, false);
    schedule_inline(ex);
}

bool weft__op_timed(const weft__opdesc *op, void *obj, long val, weft__pred ready, void *arg,
                    const void *pc)
{
    weft__exec *ex = weft__ex;
    weft__thread *t = ex->cur;
    WEFT_ASSERT(t);
    announce(ex, t, op, obj, val, ready, arg, pc, true, 0, 0, false);
    schedule(ex);
    /* Timing out again and again with nothing changed is a spin too (a
       retry loop around a timed wait): observed like a read of the object.
       The stack compared is the primitive's and, above it, the model's. */
    if (t->timed_out)
        observe_read(ex, t, pc, (uintptr_t)obj, -1, __builtin_frame_address(0));
    return !t->timed_out;
}

static inline bool on_own_stack(const weft__thread *t, uintptr_t addr)
{
    return addr - (uintptr_t)t->coro->stack < t->coro->size;
}

/* A read's value, spin detection and race check, once its step is taken
   (out of line: weft__op_mem's short path calls it last). */
static __attribute__((noinline)) void read_taken(weft__exec *ex, weft__thread *t, uintptr_t addr,
                                                 int size, bool atomic, const void *pc,
                                                 const void *sp)
{
    weft__event *e = &ex->events[t->last_ev];
    e->val = load(addr, size);
    weft__race_access(addr, size, false, atomic, pc);
    observe_read(ex, t, pc, addr, e->val, sp);
}

/* After a memory step was taken: a write's bookkeeping (its value is read
   at the thread's next step: the store has not happened yet) and race
   check, or read_taken. */
static inline __attribute__((always_inline)) void mem_taken(weft__exec *ex, weft__thread *t,
                                                            unsigned flags, uintptr_t addr,
                                                            int size, const void *pc,
                                                            const void *sp)
{
    if (!(flags & WEFT__F_WRITE)) {
        read_taken(ex, t, addr, size, flags & WEFT__F_ATOMIC, pc, sp);
        return;
    }
    t->last_write_ev = t->last_ev;
    t->last_write_size = size;
    if (on_own_stack(t, addr))
        t->own_writes++;
    if ((flags & WEFT__F_ATOMIC) || !weft__race_write_again(t, addr, size, pc))
        weft__race_access(addr, size, true, flags & WEFT__F_ATOMIC, pc);
}

static __attribute__((noinline)) void op_mem_scheduled(const weft__opdesc *op, uintptr_t addr,
                                                       int size, const void *pc, const void *sp)
{
    weft__exec *ex = weft__ex;
    weft__thread *t = ex->cur;
    announce(ex, t, op, NULL, 0, NULL, NULL, pc, false, addr, size, true);
    schedule_inline(ex);
    mem_taken(ex, t, op->flags, addr, size, pc, sp);
}

/* weft__op_mem, compiled once for strategies with an event hook (DPOR,
   PCT: hooked) and once for the others, whose short path then calls
   nothing but the race check or read_taken, last. */
static inline __attribute__((always_inline)) void op_mem(const weft__opdesc *op, uintptr_t addr,
                                                         int size, const void *pc,
                                                         const void *sp, const bool hooked)
{
    weft__exec *ex = weft__ex;
    weft__thread *t = ex->cur;
    if (!goes_on(ex, t, op, NULL, 0, addr, size, pc)) {
        op_mem_scheduled(op, addr, size, pc, sp);
        return;
    }
    if (hooked)
        went_on_hook(ex, t, op, NULL);
    mem_taken(ex, t, op->flags, addr, size, pc, sp);
}

static __attribute__((noinline)) void op_mem_hooked(const weft__opdesc *op, uintptr_t addr,
                                                    int size, const void *pc, const void *sp)
{
    op_mem(op, addr, size, pc, sp, true);
}

void weft__op_mem(const weft__opdesc *op, uintptr_t addr, int size, const void *pc,
                  const void *sp)
{
    if (weft__ex->event)
        op_mem_hooked(op, addr, size, pc, sp);
    else
        op_mem(op, addr, size, pc, sp, false);
}

/* A compare-and-swap that failed wrote nothing: make it a read. */
void weft__mem_cas_failed(const void *sp)
{
    weft__exec *ex = weft__ex;
    weft__thread *t = ex->cur;
    weft__event *e = &ex->events[t->last_ev];
    t->last_write_ev = -1;
    ex->writes--;
    if (on_own_stack(t, e->addr))
        t->own_writes--;
    e->val = load(e->addr, e->size);
    observe_read(ex, t, e->pc, e->addr, e->val, sp);
}

/* A hash of the thread's stack above sp: with the place of a read, what the
   thread will do next (models are compiled at -O0, so a loop's counters
   live in its frame, not in registers). It reads weft's own frames above
   too, their AddressSanitizer redzones included. */
__attribute__((no_sanitize_address)) static uint64_t stack_hash(const weft__thread *t, const void *sp)
{
    uintptr_t lo = (uintptr_t)sp, hi = (uintptr_t)t->coro->stack + t->coro->size;
    if (!sp || lo - (uintptr_t)t->coro->stack >= t->coro->size)
        return 0;
    lo &= ~(uintptr_t)7;
    uint64_t h = 0x9E3779B97F4A7C15ull;
    for (const uint64_t *w = (const uint64_t *)lo; (uintptr_t)w < hi; w++)
        h = (h ^ *w) * 0x100000001B3ull + (h >> 31);
    return h | 1;
}

/* Spin detection. A thread spins when it reaches a read it made before with
   nothing changed meanwhile: the same place, address and value, no write by
   any thread since (its writes to its own stack excepted: the stack is
   compared instead), and the same stack. Running it again could only
   repeat itself, so it is parked (not enabled) until some other thread
   changes something. The stack is hashed only when a read is seen again,
   so a spin is parked at its third sight. Several reads are remembered: a
   loop that re-reads two variables spins too. */
static void observe_read(weft__exec *ex, weft__thread *t, const void *pc, uintptr_t addr, long v,
                         const void *sp)
{
    unsigned long epoch = ex->writes - t->own_writes;
    if (epoch != t->seen_epoch) {
        t->seen_epoch = epoch;
        t->nseen = 0;
    }
    int n = t->nseen < WEFT__SPIN_SEEN ? t->nseen : WEFT__SPIN_SEEN;
    for (int i = 0; i < n; i++) {
        struct weft__seen *s = &t->seen[i];
        if (s->pc != pc || s->addr != addr || s->val != v)
            continue;
        uint64_t h = stack_hash(t, sp);
        if (h && h == s->hash) {
            t->spinning = true;
            t->spin_wait = ex->writes;
            classify(ex, t);
            t->spin_addr = addr;
            t->spin_val = v;
        }
        s->hash = h;
        return;
    }
    t->seen[t->nseen++ % WEFT__SPIN_SEEN] = (struct weft__seen){pc, addr, v, 0};
}

void weft__result(long res)
{
    weft__exec *ex = weft__ex;
    ex->events[ex->cur->last_ev].res = res;
}

weft__thread *weft__self(void)
{
    return weft__ex ? weft__ex->cur : NULL;
}

/* ---- objects and per-execution memory ------------------------------------- */

void *weft__alloc(size_t size)
{
    weft__exec *ex = weft__ex;
    size = (size + 15) & ~(size_t)15;
    if (ex->arena_used + size > ex->arena_cap)
        weft__fail(WEFT__MISUSE, NULL, "the model made more weft objects than fit in %zu MiB",
                   ex->arena_cap >> 20);
    void *p = ex->arena + ex->arena_used;
    ex->arena_used += size;
    memset(p, 0, size);
    return p;
}

static void obj_register(weft__exec *ex, weft__obj *o, int kind, const char *kname, const char *name)
{
    if (ex->nobjs == ex->cap_objs) {
        int cap = ex->cap_objs ? 2 * ex->cap_objs : 16;
        weft__obj **n = weft__alloc(sizeof *n * cap);
        if (ex->nobjs)
            memcpy(n, ex->objs, sizeof *n * ex->nobjs);
        ex->objs = n;
        ex->cap_objs = cap;
    }
    o->id = ex->nobjs;
    o->kind = kind;
    ex->objs[ex->nobjs++] = o;
    int n = ++ex->kind_count[kind <= WEFT__O_OTHER ? kind : WEFT__O_OTHER];
    /* (by hand: this runs for every object of every execution) */
    size_t k = 0;
    const char *src = name && *name ? name : kname;
    for (; src && src[k] && k + 1 < sizeof o->name; k++)
        o->name[k] = src[k];
    if (!(name && *name) && kname) {
        char digits[12];
        int d = 0;
        for (unsigned v = (unsigned)n; v || !d; v /= 10)
            digits[d++] = (char)('0' + v % 10);
        if (k + 1 < sizeof o->name)
            o->name[k++] = '#';
        while (d && k + 1 < sizeof o->name)
            o->name[k++] = digits[--d];
    }
    o->name[k] = 0;
}

void *weft__obj_new(size_t size, int kind, const char *kname, const char *name)
{
    WEFT_ASSERT(size >= sizeof(weft__obj));
    weft__exec *ex = weft__ex;
    if (!ex || !ex->cur) {
        fprintf(stderr, "weft: error: a weft object (%s) was made outside a checked execution; "
                        "make objects in main() or the threads it starts\n", kname);
        exit(2);
    }
    weft__obj *o = weft__alloc(size);
    obj_register(ex, o, kind, kname, name);
    return o;
}

const char *weft__thread_name(weft__thread *t)
{
    if (!t->obj.name[0]) {
        char fn[WEFT__NAME];
        if (t->fn)
            weft__sym_func(t->fn, fn, sizeof fn);
        else
            snprintf(fn, sizeof fn, "thread");
        snprintf(t->obj.name, sizeof t->obj.name, "%.24s#%d", fn, t->id);
    }
    return t->obj.name;
}

/* ---- threads -------------------------------------------------------------- */

static void thread_main(void *arg)
{
    weft__thread *t = arg;
    errno = 0;
    t->entry(t->entry_arg);
    weft__thread_exit();
}

static weft__thread *thread_new(weft__exec *ex, void (*entry)(void *), void *arg, const void *fn,
                                const char *name, int space)
{
    int id = ex->nthreads;
    weft__thread *t = weft__alloc(sizeof *t);
    t->id = id;
    obj_register(ex, &t->obj, WEFT__O_THREAD, NULL, name);
    if (id == 0 && !(name && *name))
        snprintf(t->obj.name, sizeof t->obj.name, "main");
    t->state = WEFT__RUN;
    t->space = space;
    t->entry = entry;
    t->entry_arg = arg;
    t->fn = fn;
    t->last_write_ev = -1;
    t->last_ev = -1;
    t->pend.ev.op = &OP_START;
    t->pend.ev.tid = (uint16_t)id;
    t->pend.ev.obj = -1;
    t->pend.ev.obj2 = -1;
    if (!slots[id].stack && weft__coro_slot(&slots[id], STACK_SIZE) != 0) {
        fprintf(stderr, "weft: error: cannot map a thread stack: %s\n", strerror(errno));
        exit(2);
    }
    t->coro = &slots[id];
    if (ex->thread_fn)
        ex->thread_fn[id] = fn;
    weft__coro_prepare(t->coro, thread_main, t);
    ex->threads[id] = t;
    classify(ex, t);
    ex->nthreads++;
    ex->live_nondaemon++;
    weft__rare_update(ex);
    weft__race_thread_new(t, ex->cur);
    return t;
}

weft__thread *weft__spawn(void (*entry)(void *), void *arg, const void *fn, const char *name,
                          bool new_space, const void *pc)
{
    weft__exec *ex = weft__ex;
    weft__thread *self = ex->cur;
    if (ex->nthreads >= WEFT__MAX_THREADS) {
        snprintf(ex->end_msg, sizeof ex->end_msg,
                 "the model started more than %d threads in one execution; weft explores at "
                 "most %d threads per execution: make the model smaller (fewer threads, or "
                 "reuse them)", WEFT__MAX_THREADS - 1, WEFT__MAX_THREADS);
        ex->end_status = WEFT__END_LIMIT;
        ex->end_kind = -1;
        end_execution(ex);
    }
    weft__op(&OP_SPAWN, NULL, ex->nthreads, NULL, NULL, pc);
    int space = new_space ? weft__space_new(self->space) : self->space;
    weft__thread *t = thread_new(ex, entry, arg, fn, name, space);
    ex->events[self->last_ev].obj = t->obj.id;
    return t;
}

_Noreturn void weft__thread_exit(void)
{
    weft__exec *ex = weft__ex;
    weft__thread *t = ex->cur;
    weft__op(&OP_EXIT, t, 0, NULL, NULL, NULL);
    settle_write(ex, t);
    t->state = WEFT__DONE;
    classify(ex, t);
    for (uint64_t m = ex->en_join; m; m &= m - 1) {
        weft__thread *w = ex->threads[__builtin_ctzll(m)];
        if (w->pend.obj == &t->obj)
            classify(ex, w);
    }
    if (ex->atomic_tid == t->id) {
        ex->atomic_tid = -1;   /* a section its thread never ended ends with it */
        ex->atomic_sync->holder = NULL;
    }
    if (!t->daemon)
        ex->live_nondaemon--;
    weft__rare_update(ex);
    weft__hb_exit(t);
    ex->writes++;
    schedule(ex);
    WEFT_ASSERT(!"a finished thread was scheduled");
    abort();
}

/* ---- ending executions with a finding -------------------------------------- */

static _Noreturn void vfail(int kind, const void *pc, const char *fmt, va_list ap)
{
    weft__exec *ex = weft__ex;
    if (ex->cur)
        settle_write(ex, ex->cur);
    vsnprintf(ex->end_msg, sizeof ex->end_msg, fmt, ap);
    ex->end_kind = kind;
    ex->end_status = WEFT__END_FINDING;
    ex->end_tid = ex->cur ? ex->cur->id : -1;
    ex->end_pc = pc;
    end_execution(ex);
}

_Noreturn void weft__fail(int kind, const void *pc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(kind, pc, fmt, ap);
}

static const char *kind_title(int kind)
{
    switch (kind) {
    case WEFT__O_LOCK: return "Lock";
    case WEFT__O_RLOCK: return "RLock";
    case WEFT__O_COND: return "Condition";
    case WEFT__O_SEM: return "Semaphore";
    case WEFT__O_BSEM: return "BoundedSemaphore";
    case WEFT__O_EVENT: return "Event";
    case WEFT__O_BARRIER: return "Barrier";
    case WEFT__O_QUEUE: return "Queue";
    case WEFT__O_PIPE: return "Pipe";
    case WEFT__O_CONN: return "Connection";
    case WEFT__O_VALUE: return "Value";
    case WEFT__O_ARRAY: return "Array";
    case WEFT__O_PROCESS: return "Process";
    case WEFT__O_POOL: return "Pool";
    case WEFT__O_EXECUTOR: return "Executor";
    case WEFT__O_FUTURE: return "Future";
    case WEFT__O_THREAD: return "Thread";
    default: return "object";
    }
}

_Noreturn void weft__misuse(void *obj, const char *op, const char *pyerr, const void *pc)
{
    weft__exec *ex = weft__ex;
    weft__obj *o = obj;
    weft__fail(WEFT__MISUSE, pc, "%s: %s of %s %s (Python: %s)",
               ex->cur ? weft__thread_name(ex->cur) : "?", op, o ? kind_title(o->kind) : "object",
               o ? o->name : "?", pyerr);
}

_Noreturn void weft__exit_execution(int code)
{
    weft__exec *ex = weft__ex;
    if (ex->cur)
        settle_write(ex, ex->cur);
    ex->exit_code = code;
    ex->end_status = ex->discard ? WEFT__END_DISCARDED : WEFT__END_OK;
    end_execution(ex);
}

/* "spins re-reading a (= 0), b (= 0)": what a parked thread re-reads, by
   name and value as the listing prints them (never an address), sorted by
   name so that where the loop was entered does not change the text; its own
   stack (a temporary) only when it re-reads nothing else. */
static void spin_text(weft__exec *ex, const weft__thread *t, char *buf, size_t n)
{
    char items[4][140];
    int m = 0, nseen = t->nseen < WEFT__SPIN_SEEN ? t->nseen : WEFT__SPIN_SEEN;
    for (int pass = 0; pass < 2 && !m; pass++) {
        for (int j = 0; j < nseen; j++) {
            if (pass == 0 && on_own_stack(t, t->seen[j].addr))
                continue;
            char var[64], val[64];
            weft__mem_name(t->seen[j].addr, var, sizeof var);
            weft__report_value(ex, t->seen[j].val, 8, val, sizeof val);
            snprintf(items[m], sizeof items[m], "%s (= %s)", var, val);
            int i = m++;
            for (; i > 0 && strcmp(items[i - 1], items[i]) > 0; i--) {
                char tmp[140];
                memcpy(tmp, items[i], sizeof tmp);
                memcpy(items[i], items[i - 1], sizeof tmp);
                memcpy(items[i - 1], tmp, sizeof tmp);
            }
        }
    }
    size_t k = (size_t)snprintf(buf, n, "spins re-reading");
    for (int i = 0; i < m && k < n; i++) {
        bool dup = i && !strcmp(items[i], items[i - 1]);
        if (!dup)
            k += (size_t)snprintf(buf + k, n - k, "%s %s", i ? "," : "", items[i]);
    }
}

/* The lock-like object a blocked thread waits for that another thread
   holds (a Condition's waiter, woken, waits for the Condition's lock). */
static weft__obj *held_wait(const weft__thread *t)
{
    const weft__pending *p = &t->pend;
    if (t->state != WEFT__RUN || t->spinning)
        return NULL;
    if (p->obj && p->obj->holder)
        return p->obj;
    if (p->obj2 && p->obj2->holder)
        return p->obj2;
    return NULL;
}

/* The waits that can never end, named: a self-deadlock on a lock; a
   Barrier whose parties never all arrive; "circular wait: worker#1 holds
   lock_a and waits for lock_b; worker#2 holds lock_b and waits for lock_a",
   from the smallest id in the circle, when following "held by" from a
   waiting thread comes back to it. */
static void circular_wait(weft__exec *ex, char *buf, size_t n)
{
    int next[WEFT__MAX_THREADS];
    for (int i = 0; i < ex->nthreads; i++) {
        weft__obj *w = held_wait(ex->threads[i]);
        next[i] = w && w->holder != ex->threads[i] ? w->holder->id : -1;
    }
    size_t len = 0;
    /* a thread waiting for a lock it holds itself */
    for (int i = 0; i < ex->nthreads && len < n; i++) {
        weft__obj *w = held_wait(ex->threads[i]);
        if (w && w->holder == ex->threads[i])
            len += (size_t)snprintf(buf + len, n - len,
                                    "\n    self-deadlock: %s waits for %s, which it holds itself",
                                    weft__thread_name(ex->threads[i]), w->name);
    }
    /* a Barrier whose parties never all arrive: its waiters wait for threads
       that are all blocked (or gone) */
    for (int k = 0; k < ex->nobjs && len < n; k++) {
        weft__obj *o = ex->objs[k];
        if (o->kind != WEFT__O_BARRIER)
            continue;
        int waiting = 0;
        for (int i = 0; i < ex->nthreads; i++)
            if (ex->threads[i]->state == WEFT__RUN && ex->threads[i]->pend.obj == o)
                waiting++;
        if (waiting)
            len += (size_t)snprintf(buf + len, n - len,
                                    "\n    barrier %s: %d thread%s wait%s in it and no other "
                                    "thread can arrive: its parties never all arrive",
                                    o->name, waiting, waiting == 1 ? "" : "s",
                                    waiting == 1 ? "s" : "");
    }
    if (len >= n)
        return;
    buf += len;
    n -= len;
    for (int start = 0; start < ex->nthreads; start++) {
        /* is start on a circle? follow next at most nthreads times */
        int u = next[start], k = 0;
        while (u >= 0 && u != start && k++ < ex->nthreads)
            u = next[u];
        if (u != start)
            continue;
        len = (size_t)snprintf(buf, n, "\n    circular wait:");
        int v = start;
        do {
            weft__thread *t = ex->threads[v];
            weft__obj *mine = held_wait(ex->threads[v]);
            /* what it holds that the one before it in the circle waits for */
            int prev = start;
            while (next[prev] != v)
                prev = next[prev];
            weft__obj *theirs = held_wait(ex->threads[prev]);
            if (len < n)
                len += (size_t)snprintf(buf + len, n - len, "%s %s holds %s and waits for %s",
                                        v == start ? "" : ";", weft__thread_name(t), theirs->name,
                                        mine->name);
            v = next[v];
        } while (v != start);
        return;
    }
}

static bool never(void *arg)
{
    (void)arg;
    return false;
}

_Noreturn void weft__discard_execution(const void *pc)
{
    weft__exec *ex = weft__ex;
    ex->discard = true;
    weft__op(&OP_ASSUME, NULL, 0, never, NULL, pc);
    WEFT_ASSERT(!"a thread whose assumption failed was scheduled");
    abort();
}

/* What each unfinished thread waits for, and who holds it. */
static void describe_blocked(weft__exec *ex, char *buf, size_t n, bool livelock)
{
    size_t len = 0;
    len += (size_t)snprintf(buf + len, n - len, livelock
        ? "no thread can make progress: every unfinished thread spins or waits"
        : "no thread can make progress: every unfinished thread waits");
    for (int i = 0; i < ex->nthreads && len < n; i++) {
        weft__thread *t = ex->threads[i];
        if (t->state != WEFT__RUN)
            continue;
        const weft__pending *p = &t->pend;
        char what[320];
        if (t->spinning && t->spin_val == -1 && t->spin_addr == (uintptr_t)p->obj && p->obj) {
            snprintf(what, sizeof what, "keeps timing out in %s %s", p->ev.op->verb, p->obj->name);
        } else if (t->spinning) {
            spin_text(ex, t, what, sizeof what);
        } else if (p->obj) {
            snprintf(what, sizeof what, "waits in %s %s", p->ev.op->verb,
                     p->obj->kind == WEFT__O_THREAD ? weft__thread_name((weft__thread *)p->obj)
                                                     : p->obj->name);
        } else {
            snprintf(what, sizeof what, "waits in %s", p->ev.op->verb);
        }
        len += (size_t)snprintf(buf + len, n - len, "\n    %s%s %s", weft__thread_name(t),
                                t->daemon ? " (daemon)" : "", what);
        if (len >= n)
            break;
        if (p->obj && p->obj->holder && !t->spinning)
            len += (size_t)snprintf(buf + len, n - len, ", held by %s",
                                    p->obj->holder == t ? "itself"
                                                        : weft__thread_name(p->obj->holder));
        if (len >= n)
            break;
        /* what it holds */
        bool first = true;
        for (int k = 0; k < ex->nobjs && len < n; k++) {
            weft__obj *o = ex->objs[k];
            if (o->holder == t && o->kind != WEFT__O_THREAD) {
                len += (size_t)snprintf(buf + len, n - len, "%s%s", first ? "; holds " : ", ",
                                        o->name);
                first = false;
            }
        }
    }
    if (len < n && !livelock)
        circular_wait(ex, buf + len, n - len);
    if (len >= n)
        buf[n - 1] = 0;
}

/* ---- the model-facing thread API that belongs to the core --------------------- */

void weft_yield(void)
{
    weft__op(&OP_YIELD, NULL, 0, NULL, NULL, __builtin_return_address(0));
}

void weft_sleep(int ticks)
{
    weft__op(&OP_SLEEP, NULL, ticks, NULL, NULL, __builtin_return_address(0));
}

int weft_choose(int n)
{
    weft__exec *ex = weft__ex;
    const void *pc = __builtin_return_address(0);
    if (n < 1)
        weft__fail(WEFT__MISUSE, pc, "weft_choose(%d): the number of choices must be at least 1", n);
    weft__op(&OP_CHOOSE, NULL, n, NULL, NULL, pc);
    int v = 0;
    if (n > 1) {
        v = ex->strat->choose(ex, n);
        if (v < 0) {
            ex->end_status = WEFT__END_DIVERGED;
            end_execution(ex);
        }
        WEFT_ASSERT(v < n);
        ex->weight *= n;
        if (ex->ndecisions < ex->cap_decisions)
            ex->decisions[ex->ndecisions++] = (weft__decision){v, (int32_t)(ex->nevents - 1)};
    }
    weft__result(v);
    return v;
}

weft_thread *weft_self(void)
{
    return (weft_thread *)weft__self();
}

void weft__assert_fail(const char *file, int line, const char *expr, const char *fmt, ...)
{
    weft__exec *ex = weft__ex;
    if (!ex || !ex->cur) {
        fprintf(stderr, "%s:%d: weft_assert(%s) failed outside a checked execution\n", file, line, expr);
        abort();
    }
    char msg[700];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const char *slash = strrchr(file, '/');
    weft__fail(WEFT__ASSERTION, __builtin_return_address(0), "%s: weft_assert(%s) failed at %s:%d%s%s",
               weft__thread_name(ex->cur), expr, slash ? slash + 1 : file, line, msg[0] ? ": " : "", msg);
}

/* ---- executions (called by explore.c) ------------------------------------------ */

static void run_main(void *arg)
{
    weft__exec *ex = arg;
    int code = ex->model_main();
    if (ex->main_exits)
        weft__exit_execution(code);
}

/* Run one execution from main() to its end. The caller has reset the model's
   memory and the strategy; this resets the scheduler's own state. */
void weft__sched_run(weft__exec *ex)
{
    ex->nthreads = 0;
    ex->cur = NULL;
    ex->nevents = 0;
    ex->ndecisions = 0;
    ex->preemptions = 0;
    ex->weight = 1;
    ex->nobjs = 0;
    ex->cap_objs = 0;
    ex->objs = NULL;
    memset(ex->kind_count, 0, sizeof ex->kind_count);
    ex->arena_used = 0;
    ex->out_len = 0;
    ex->outcome_len = 0;
    ex->ended = false;
    ex->end_kind = -1;
    ex->end_status = WEFT__END_OK;
    ex->end_msg[0] = 0;
    ex->end_tid = -1;
    ex->end_pc = NULL;
    ex->space_cur = 0;
    ex->nspaces = 1;
    ex->writes = 0;
    ex->fair = 0;
    ex->live_nondaemon = 0;
    ex->exit_code = 0;
    ex->discard = false;
    ex->atomic_tid = -1;
    ex->atomic_depth = 0;
    ex->atomic_sync = NULL;
    ex->main_exits = false;   /* the pthread layer sets it per execution */
    ex->en_always = 0;
    ex->en_check = 0;
    ex->en_join = 0;
    ex->max_steps = ex->opt->max_steps;
    ex->unfair = ex->opt->unfair;
    ex->pick = ex->strat->pick;
    ex->event = ex->strat->event;
    ex->every_point = ex->strat->every_point;
    errno_at = &errno;
    weft__race_reset(ex);
    obj_register(ex, &ex->stdout_obj, WEFT__O_STDOUT, NULL, "stdout");
    thread_new(ex, run_main, ex, NULL, NULL, 0);
    schedule(ex);
    /* here again when the execution ended */
    ex->cur = NULL;
    *ex->cur_tid = -1;
}
