/*
** parallel.c: --jobs N (parallel.h). The worker gives helpers the untried
** alternatives of nodes on its DFS stack; a helper explores them, each
** execution replaying the node's prefix, while every execution is plain;
** the worker, reaching the node, adds what the helper counted and goes on
** from the helper's stack.
**
** A node given is a slot in shared memory: the prefix (the worker's nodes
** up to it), the helper's own stack on top of it, the running totals after
** each of the helper's executions (so that --max-executions can cut the
** helper's share at any execution; without it, only the last totals), and
** the helper's position: how many executions it counted, and its stack's
** length before the next one. From the totals' write to the position's,
** the helper's backtracking changes nodes below the position it published
** last: it says so (moving), and if it is killed then (the watchdog kills
** one stuck inside the model, the worker one it waited for too long), the
** worker forgets its runs and explores the node itself, from its own copy.
** The position is only ever written while moving says so.
*/
#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lockorder.h"
#include "parallel.h"
#include "shrink.h"

#define NSLOTS (2 * WEFT__MAX_JOBS)
#define LOG_CAP ((long)1 << 20)   /* executions per slot: then the worker takes over */
#define AHEAD 256                 /* runs the worker should make before it reaches a node given */

/* A slot's state; TAKEN + h: helper h's (one store says who took it). */
enum { FREE, GIVEN, STOPPED, TAKEN };

/* The totals after one of a helper's executions. */
typedef struct tally { long executions, discarded, events; } tally;

/* A helper's position: executions counted, and its stack's length before
   its next one (the nodes below it are what the worker takes over). */
typedef struct pos { long runs, len; } pos;

typedef struct slot {
    volatile int state;
    volatile int stop;          /* the worker asks the helper to stop */
    long depth;                 /* the worker's node whose untried alternatives it covers */
    pos at;                     /* written only while moving */
    volatile int moving;        /* the helper's stack is between two positions */
    volatile bool exhausted;    /* the helper ran every alternative */
    volatile bool halted;       /* it stopped at an execution that was not plain */
    double mass, weight_sum;    /* the progress estimates' sums (progress.c) */
    weft__dstack *stack;        /* the prefix, then the helper's nodes */
    tally *log;                 /* log[i]: the totals after the helper's execution i + 1
                                   (without --max-executions, only the last, in log[0]) */
} slot;

struct weft__par {
    int helpers, nslots;
    volatile int quit;
    volatile int given;         /* slots GIVEN and not yet TAKEN */
    volatile int idle[WEFT__MAX_JOBS];
    volatile unsigned long progress[WEFT__MAX_JOBS];   /* helper h's steps, for its watchdog */
    pid_t sup[WEFT__MAX_JOBS];
    volatile pid_t pid[WEFT__MAX_JOBS];     /* helper h's process (its supervisor's child) */
    weft__shared *sh;
    int32_t *claim;             /* claim[d]: 1 + the slot of the worker's node d, or 0 */
    long claim_cap;
    slot slots[NSLOTS];
};

static void *map_shared(size_t size)
{
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE,
                   -1, 0);
    if (p == MAP_FAILED) {
        fprintf(stderr, "weft: error: cannot map %zu MiB of shared memory for --jobs: %s\n",
                size >> 20, strerror(errno));
        exit(2);
    }
    return p;
}

static void nap(long ns)
{
    struct timespec ts = {0, ns};
    nanosleep(&ts, NULL);
}

static weft__dnode *node(weft__dstack *s, long i) { return weft__dstack_node(s, i); }

static int load(volatile int *x) { return __atomic_load_n(x, __ATOMIC_ACQUIRE); }
static void store(volatile int *x, int v) { __atomic_store_n(x, v, __ATOMIC_RELEASE); }

static void publish(slot *c, long runs, long len) { c->at = (pos){runs, len}; }

/* ---- the supervisor's part --------------------------------------------------------- */

void weft__par_new(weft__exec *ex, weft__shared *sh, int mode)
{
    ex->par = NULL;
    if (mode != WEFT__CHECK || ex->opt->jobs <= 1)
        return;
    weft__par *p = map_shared(sizeof *p);
    p->helpers = ex->opt->jobs - 1;
    p->nslots = 2 * p->helpers + 1;
    p->sh = sh;
    p->claim_cap = (long)((WEFT__STRAT_STATE_SIZE - sizeof(weft__dstack)) / sizeof(weft__dnode));
    p->claim = map_shared(sizeof *p->claim * (size_t)p->claim_cap);
    for (int i = 0; i < p->nslots; i++) {
        p->slots[i].stack = map_shared(WEFT__STRAT_STATE_SIZE);
        p->slots[i].log = map_shared(sizeof(tally) * LOG_CAP);
    }
    ex->par = p;
}

void weft__par_free(weft__exec *ex)
{
    weft__par *p = ex->par;
    if (!p)
        return;
    for (int i = 0; i < p->nslots; i++) {
        munmap(p->slots[i].stack, WEFT__STRAT_STATE_SIZE);
        munmap(p->slots[i].log, sizeof(tally) * LOG_CAP);
    }
    munmap(p->claim, sizeof *p->claim * (size_t)p->claim_cap);
    munmap(p, sizeof *p);
    ex->par = NULL;
}

static void helper_run(weft__exec *ex, weft__par *p, int h);

/* Helper h's supervisor: a process that runs the helper, kills it when it
   made no step for --watchdog seconds inside an execution, and starts a new
   one when it died. A slot the helper held stops where the helper was: the
   worker runs the execution that killed it itself, and reports it. */
static void helper_supervise(weft__exec *ex, weft__par *p, int h)
{
    pid_t me = getpid();
    for (;;) {
        if (p->quit)
            _exit(0);
        pid_t pid = fork();
        if (pid < 0)
            _exit(0);   /* no helper: the worker's search does not need one */
        if (pid == 0) {
            weft__die_with(me);
            helper_run(ex, p, h);
            _exit(0);
        }
        p->pid[h] = pid;
        unsigned long seen = p->progress[h];
        double last = weft__now();
        int status;
        while (waitpid(pid, &status, WNOHANG) != pid) {
            if (p->quit) {
                kill(pid, SIGKILL);
                while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
                _exit(0);
            }
            nap(5000000);
            double t = weft__now();
            if (p->progress[h] != seen) {
                seen = p->progress[h];
                last = t;
            } else if (ex->opt->watchdog > 0 && t - last > ex->opt->watchdog) {
                kill(pid, SIGKILL);
                last = t;
            }
        }
        p->pid[h] = 0;
        for (int i = 0; i < p->nslots; i++)
            if (load(&p->slots[i].state) == TAKEN + h)
                store(&p->slots[i].state, STOPPED);
    }
}

void weft__par_start(weft__exec *ex)
{
    weft__par *p = ex->par;
    if (!p)
        return;
    fflush(NULL);
    pid_t me = getpid();
    for (int h = 0; h < p->helpers; h++) {
        p->sup[h] = fork();
        if (p->sup[h] == 0) {
            weft__die_with(me);
            helper_supervise(ex, p, h);
        }
    }
}

void weft__par_stop(weft__exec *ex)
{
    weft__par *p = ex->par;
    if (!p)
        return;
    p->quit = 1;
    for (int h = 0; h < p->helpers; h++) {
        if (p->sup[h] <= 0)
            continue;
        kill(p->sup[h], SIGKILL);   /* its helper dies with it (weft__die_with) */
        while (waitpid(p->sup[h], NULL, 0) < 0 && errno == EINTR) {}
        p->sup[h] = 0;
    }
}

/* ---- a helper ---------------------------------------------------------------------- */

/* Can the worker count the execution in ex without running it? It ended
   normally (or was discarded by an assumption), showed no data race, and
   has nothing for the lock-order graph that the graph does not hold
   already (the worker's graph sees every execution's orders, in the
   search's order); and it reached the slot's node. */
static bool plain(weft__exec *ex, slot *c)
{
    const void *a, *b;
    if (ex->end_status != WEFT__END_OK && ex->end_status != WEFT__END_DISCARDED)
        return false;
    if (c->stack->depth <= c->depth || weft__race_found(&a, &b))
        return false;
    return weft__lockorder_known(ex);
}

/* The executions the budget leaves for a helper, were the worker to reach
   its node now. */
static long room(const weft__exec *ex, const weft__par *p)
{
    if (!ex->opt->max_executions)
        return LONG_MAX;
    return ex->opt->max_executions - (p->sh->executions + p->sh->discarded);
}

/* Explore slot c's alternatives until they are done, the worker asks, an
   execution is not plain, or it crashed (then the process exits: the model
   may have damaged it). */
static void explore_slot(weft__exec *ex, weft__par *p, slot *c)
{
    weft__dstack *s = c->stack;
    ex->strat_state = s;
    s->floor = c->depth;
    s->len = s->depth = c->depth + 1;
    tally t = {0, 0, 0};
    long runs = 0;
    bool more = weft__dstack_backtrack(s);
    while (more) {
        publish(c, runs, s->len);
        store(&c->moving, 0);
        if (c->stop || p->quit || runs == LOG_CAP || runs >= room(ex, p))
            break;
        bool crashed = weft__run_execution(ex);
        if (ex->strat->end)
            ex->strat->end(ex);
        if (crashed || !plain(ex, c)) {
            c->halted = true;
            store(&c->state, STOPPED);
            if (crashed)
                _exit(0);
            return;
        }
        if (ex->end_status == WEFT__END_DISCARDED) {
            t.discarded++;
        } else {
            t.executions++;
            t.events += ex->nevents;
            c->mass += 1 / ex->weight;
            c->weight_sum += ex->weight;
        }
        store(&c->moving, 1);
        c->log[ex->opt->max_executions ? runs : 0] = t;
        runs++;
        more = weft__dstack_backtrack(s);
    }
    if (!more) {
        publish(c, runs, s->len);
        c->exhausted = true;
        store(&c->moving, 0);
    }
    store(&c->state, STOPPED);
}

static slot *take(weft__par *p, int h)
{
    for (int i = 0; i < p->nslots; i++) {
        int st = GIVEN;
        if (__atomic_compare_exchange_n(&p->slots[i].state, &st, TAKEN + h, false,
                                        __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
            __atomic_fetch_sub(&p->given, 1, __ATOMIC_ACQ_REL);
            return &p->slots[i];
        }
    }
    return NULL;
}

static void helper_run(weft__exec *ex, weft__par *p, int h)
{
    /* what the worker shares with the supervisor, the helper keeps to itself */
    static int cur_tid;
    ex->decisions = mmap(NULL, sizeof(weft__decision) * (size_t)ex->cap_decisions,
                         PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (ex->decisions == MAP_FAILED)
        _exit(0);
    ex->cur_tid = &cur_tid;
    ex->progress = &p->progress[h];
    ex->thread_fn = NULL;
    ex->par = NULL;
    ex->executions = 0;
    weft__crash_handlers();
    long waited = 0;
    for (;;) {
        if (p->quit)
            return;
        slot *c = take(p, h);
        if (!c) {
            /* the worker gives often while the search is wide: look again
               at once for a while, then less and less often */
            p->idle[h] = 1;
            p->progress[h]++;
            if (++waited <= 4096)
                sched_yield();
            else
                nap(waited < 8192 ? 20000 : 1000000);
            continue;
        }
        waited = 0;
        p->idle[h] = 0;
        explore_slot(ex, p, c);
    }
}

/* ---- the worker's part ------------------------------------------------------------- */

static void add(weft__exec *ex, weft__shared *sh, tally t)
{
    sh->helped += t.executions + t.discarded;
    sh->executions += t.executions;
    sh->discarded += t.discarded;
    sh->events += t.events;
    ex->executions = sh->executions;
    ex->discarded = sh->discarded;
}

/* Wait for slot c's helper to stop: it does after its current execution.
   One that takes more than WAIT_KILL seconds (it may loop in the model,
   which its watchdog would stop only after --watchdog seconds) is killed:
   the worker runs that execution itself, and its supervisor starts
   another helper. */
#define WAIT_KILL 0.05
static void wait_stopped(weft__exec *ex, weft__par *p, slot *c)
{
    double start = weft__now();
    bool killed = false;
    int st;
    for (long n = 0; (st = load(&c->state)) != STOPPED; n++) {
        (*ex->progress)++;   /* the worker waits, it does not hang */
        if (n < 4096) {
            sched_yield();   /* mostly the rest of one execution */
            continue;
        }
        nap(20000);
        double t = weft__now();
        if (st >= TAKEN && !killed && t - start > WAIT_KILL) {
            pid_t pid = p->pid[st - TAKEN];
            if (pid > 0)
                kill(pid, SIGKILL);
            killed = true;
        }
        if (st >= TAKEN && t - start > WAIT_KILL + 1 && kill(p->sup[st - TAKEN], 0) != 0)
            store(&c->state, STOPPED);   /* its supervisor is gone: where it was */
    }
}

/* The worker's backoff. A helper whose node began with an execution that
   was not plain did nothing useful: the worker waits some executions
   before it gives again, twice as many each time this happens in a row. A
   look for a node that found none waits a few. */
static long give_after, give_wait;

static void back_off(const weft__par *p, bool again)
{
    if (again)
        give_wait = give_wait ? (give_wait < 4096 ? 2 * give_wait : give_wait) : 8;
    give_after = p->sh->executions + (again ? give_wait : 16);
}

enum { MINE, SETTLED, TAKEN_OVER, CUT };

/* The slot of the worker's node d, which it gave: NULL if no helper took
   it (it is free again), else the slot with its helper stopped. */
static slot *reclaim(weft__exec *ex, long d)
{
    weft__par *p = ex->par;
    slot *c = &p->slots[p->claim[d] - 1];
    p->claim[d] = 0;
    int st = GIVEN;
    if (__atomic_compare_exchange_n(&c->state, &st, FREE, false, __ATOMIC_ACQ_REL,
                                    __ATOMIC_ACQUIRE)) {
        __atomic_fetch_sub(&p->given, 1, __ATOMIC_ACQ_REL);
        return NULL;
    }
    c->stop = 1;
    wait_stopped(ex, p, c);
    return c;
}

/* The worker's backtracking reached node d, which it gave to a helper: take
   it back if no helper took it (MINE); else stop the helper and count its
   executions: all of them (SETTLED), up to where it stopped, whose stack
   the worker then takes over (TAKEN_OVER), or as many as --max-executions
   leaves (CUT: the search ends there). */
static int settle(weft__exec *ex, weft__dstack *s, long d)
{
    weft__par *p = ex->par;
    slot *c = reclaim(ex, d);
    if (!c)
        return MINE;
    if (c->moving) {
        /* killed between two positions: the worker's own node d is as it
           gave it */
        store(&c->state, FREE);
        return MINE;
    }
    pos at = c->at;
    long left = room(ex, p);
    if (at.runs > left) {
        if (left > 0)
            add(ex, p->sh, c->log[left - 1]);
        store(&c->state, FREE);
        return CUT;
    }
    if (at.runs)
        add(ex, p->sh, c->log[ex->opt->max_executions ? at.runs - 1 : 0]);
    p->sh->mass += c->mass;
    p->sh->weight_sum += c->weight_sum;
    if (c->halted && !at.runs)
        back_off(p, true);
    else if (at.runs)
        give_wait = 0;
    int r = SETTLED;
    if (!c->exhausted) {
        memcpy(node(s, d), node(c->stack, d), (size_t)(at.len - d) * (size_t)s->size);
        s->len = at.len;
        r = TAKEN_OVER;
    }
    store(&c->state, FREE);
    return r;
}

/* ---- how large the subtrees are ----------------------------------------------------
   The worker measures, at each depth, how many runs (executions and
   discarded ones) the last alternative it finished there took, helpers'
   runs included: the estimate of an untried alternative's size at that
   depth (its siblings tend to be alike). started(i) is when the current
   alternative of node i began: for the nodes below the last one advanced,
   all made since, one number (fresh_start); the others are in start_at[]. */
static long *start_at, *size_at;
static long valid, fresh_start;

static long runs_now(const weft__par *p) { return p->sh->executions + p->sh->discarded; }
static long started(long i) { return i >= valid ? fresh_start : start_at[i]; }

/* Node d's current alternative begins now (n: the run count): the nodes
   below it will be made by the runs from now on. */
static void begins(long d, long n)
{
    for (long i = valid; i < d; i++)
        start_at[i] = fresh_start;
    start_at[d] = n;
    valid = d + 1;
    fresh_start = n;
}

/* An idle helper gets the untried alternatives of the deepest node that the
   worker should reach after AHEAD runs or more of its own (the untried
   alternatives of the nodes below it, at the sizes measured at their
   depths), within half the budget left. Below a depth not measured yet,
   nothing is given. So the worker and a helper take turns on stretches of
   the search of a few hundred runs: the worker reaches the node soon after
   the helper began it, and takes over where the helper is; a misjudged
   size makes the wait a little longer, it does not send a helper so far
   ahead that the budget ends before the worker gets there. */
static void give(weft__exec *ex, weft__dstack *s)
{
    weft__par *p = ex->par;
    if (load(&p->given) || p->sh->executions < give_after)
        return;
    int idle = 0;
    for (int h = 0; h < p->helpers; h++)
        idle |= p->idle[h];
    slot *c = NULL;
    for (int i = 0; i < p->nslots && !c; i++)
        if (load(&p->slots[i].state) == FREE)
            c = &p->slots[i];
    if (!idle || !c)
        return;
    double left = (double)room(ex, p), ahead = 1;
    long best = -1;
    for (long d = s->len - 1; d >= 0; d--) {
        int n = weft__dnode_left(node(s, d));
        if (!n || p->claim[d])
            continue;
        if (2 * ahead > left)
            break;
        if (ahead >= AHEAD) {
            best = d;
            break;
        }
        if (!size_at[d])
            break;
        ahead += (double)n * (double)size_at[d];
    }
    if (best < 0) {
        back_off(p, false);
        return;
    }
    memcpy(c->stack, s, sizeof *s + (size_t)(best + 1) * (size_t)s->size);
    c->depth = best;
    c->stop = 0;
    c->exhausted = false;
    c->halted = false;
    c->mass = c->weight_sum = 0;
    c->at = (pos){0, best + 1};
    c->moving = 1;   /* until the helper has taken the node's first alternative */
    p->claim[best] = (int32_t)(c - p->slots) + 1;
    __atomic_fetch_add(&p->given, 1, __ATOMIC_ACQ_REL);
    store(&c->state, GIVEN);
}

/* Stop the helper of a node the worker dropped, and forget what it did. */
static void drop(weft__exec *ex, long d)
{
    slot *c = reclaim(ex, d);
    if (c)
        store(&c->state, FREE);
}

bool weft__par_next(weft__exec *ex, weft__dstack *s)
{
    weft__par *p = ex->par;
    if (!start_at) {
        start_at = calloc((size_t)p->claim_cap, sizeof *start_at);
        size_at = calloc((size_t)p->claim_cap, sizeof *size_at);
        if (!start_at || !size_at) {
            fprintf(stderr, "weft: error: out of memory for --jobs\n");
            exit(2);
        }
    }
    long before = runs_now(p);
    /* stale decisions (weft__dstack_backtrack) take their helpers along */
    if (s->len > s->depth) {
        for (long d = s->depth; d < s->len; d++)
            if (p->claim[d])
                drop(ex, d);
        s->len = s->depth;
    }
    while (s->len > 0) {
        long d = s->len - 1;
        weft__dnode *nd = node(s, d);
        if (weft__dnode_left(nd)) {
            int r = p->claim[d] ? settle(ex, s, d) : MINE;
            if (r == CUT)
                return true;   /* the loop stops at the budget */
            if (r == MINE) {
                size_at[d] = before - started(d);
                weft__dnode_advance(nd);
                begins(d, before);
            } else if (r == TAKEN_OVER) {
                /* where in the helper's runs its nodes' alternatives began
                   is not known: as if at the first (sizes come out large) */
                begins(d, before);
                for (long i = d + 1; i < s->len; i++)
                    start_at[i] = before;
                valid = s->len;
                fresh_start = runs_now(p);
            }
            if (r != SETTLED) {
                give(ex, s);
                return true;
            }
        } else {
            size_at[d] = before - started(d);
        }
        s->len--;
    }
    return false;
}
