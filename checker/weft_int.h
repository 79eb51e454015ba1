/*
** weft_int.h: the engine's shared structures and the scheduler's verbs.
**
** One execution runs the model from main() to its end on coroutines of one OS
** thread. A thread is always in exactly one state:
**   WEFT__RUN   it has a pending visible operation (t->pend) and waits to be
**               picked; it is *enabled* when pend.ready is NULL, or returns
**               true, or the operation is timed;
**   WEFT__DONE  its function returned (or it called exit); it never runs again.
** There is no separate "blocked" state: a thread whose pending operation is
** not ready is simply not enabled, and becomes enabled again the moment
** another thread's operation makes its predicate true. Only weft__op (sched.c)
** moves a thread between running and waiting, and only sched.c switches
** coroutines. Primitives describe operations; they never switch.
**
** Every visible operation (a primitive's step, a shared load or store, spawn,
** join, exit, choose, output) becomes one weft__event in ex->events, in the
** order executed. That stream is what the strategies, the detectors, the
** trace printer and replay read.
*/
#ifndef WEFT_INT_H
#define WEFT_INT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../include/weft.h"
#include "coro.h"

#define WEFT__MAX_THREADS 64          /* per execution: thread sets are uint64_t */
#define WEFT__MAX_JOBS 16             /* --jobs: the worker and up to 15 helpers (parallel.c) */
#define WEFT__NAME 32

/* ---- always-on internal assertions (weft's own bugs, never the model's) --- */
#define WEFT_ASSERT(x) \
    ((x) ? (void)0 : weft__panic(__FILE__, __LINE__, #x))
_Noreturn void weft__panic(const char *file, int line, const char *expr);

/* ---- finding kinds (the contract's vocabulary) ---------------------------- */
enum weft__kind {
    WEFT__ASSERTION, WEFT__DEADLOCK, WEFT__DATA_RACE, WEFT__LOCK_ORDER,
    WEFT__LIVELOCK, WEFT__CRASH, WEFT__MISUSE, WEFT__NKINDS
};
extern const char *const weft__kind_names[WEFT__NKINDS];

/* ---- objects ----------------------------------------------------------------
   Every synchronization object starts with this header. Objects are made by
   weft__obj_new from the execution arena and die with the execution. */
enum weft__objkind {
    WEFT__O_THREAD = 1, WEFT__O_LOCK, WEFT__O_RLOCK, WEFT__O_COND, WEFT__O_SEM,
    WEFT__O_BSEM, WEFT__O_EVENT, WEFT__O_BARRIER, WEFT__O_QUEUE, WEFT__O_PIPE,
    WEFT__O_CONN, WEFT__O_VALUE, WEFT__O_ARRAY, WEFT__O_PROCESS, WEFT__O_POOL,
    WEFT__O_EXECUTOR, WEFT__O_FUTURE, WEFT__O_STDOUT, WEFT__O_OTHER
};

typedef struct weft__vc weft__vc;
typedef struct weft__thread weft__thread;

typedef struct weft__obj {
    int id;                     /* creation order within the execution */
    int kind;                   /* enum weft__objkind */
    char name[WEFT__NAME];      /* user's name, or "<kname>#<n>" */
    weft__thread *holder;       /* lock-like objects: the owner, for deadlock reports */
    int units;                  /* what its WEFT__F_UNITS operation waits for: a
                                   semaphore's units, a queue's items, 1 while an
                                   event is set, a pool's tasks (+1 once closed),
                                   1 while a rwlock is free or a once not running */
    weft__vc *clock;            /* happens-before released into this object; lazy */
} weft__obj;

/* ---- operations -------------------------------------------------------------
   A static descriptor per kind of operation. flags say how the operation
   relates to others on the same object (for DPOR and the race detector) and
   how it is printed. */
typedef struct weft__opdesc {
    const char *verb;           /* "acquire", "read", ... */
    unsigned flags;
} weft__opdesc;

#define WEFT__F_READS   0x01u   /* only observes its object: two READS commute */
#define WEFT__F_YIELD   0x02u   /* makes no progress (yield, sleep): fairness */
#define WEFT__F_VAL     0x04u   /* print ev.val after the object */
#define WEFT__F_RES     0x08u   /* print "-> ev.res" */
#define WEFT__F_MEM     0x10u   /* a memory access: ev.addr, ev.size */
#define WEFT__F_ATOMIC  0x20u   /* an atomic memory operation (never races) */
#define WEFT__F_WRITE   0x40u   /* a memory write (or read-modify-write) */
#define WEFT__F_LOCAL   0x80u   /* touches no shared state (thread start) */
#define WEFT__F_SPAWN   0x200u  /* starts a thread (ev.val: its id) */
#define WEFT__F_JOIN    0x400u  /* ready exactly when its object, a thread, is DONE: the
                                   scheduler sets the waiter aside until that thread ends
                                   instead of asking the predicate at every step */
#define WEFT__F_EXIT    0x100u  /* a thread's end: if it ends the process, it
                                   depends on whatever the others would do */
#define WEFT__F_CHOOSE  0x800u  /* weft_choose: ev.val choices, ev.res the one made */
#define WEFT__F_UNITS   0x1000u /* ready exactly when its object's units are above 0
                                   (a semaphore's acquire, a queue's get, an event's
                                   wait, a pool worker's take, a rwlock's wrlock,
                                   pthread_once): DPOR does not try it before an
                                   operation that found them at 0 */
_Static_assert(__builtin_popcount(WEFT__F_READS | WEFT__F_YIELD | WEFT__F_VAL | WEFT__F_RES |
                                  WEFT__F_MEM | WEFT__F_ATOMIC | WEFT__F_WRITE | WEFT__F_LOCAL |
                                  WEFT__F_SPAWN | WEFT__F_JOIN | WEFT__F_EXIT | WEFT__F_CHOOSE |
                                  WEFT__F_UNITS) == 13,
               "operation flags are distinct bits");

typedef bool (*weft__pred)(void *arg);

/* ---- events ---------------------------------------------------------------- */
#define WEFT__E_PREEMPT  0x01u  /* a preemption: the previous step's thread could have taken
                                   this step (not done, enabled, not just yielded) */
#define WEFT__E_WAITED   0x02u  /* the thread was not ready when it announced this op */
#define WEFT__E_TIMEOUT  0x04u  /* a timed operation that timed out */

typedef struct weft__event {
    const weft__opdesc *op;
    const void *pc;
    long val;
    long res;
    uintptr_t addr;
    int obj;                    /* object id, or -1 */
    int obj2;                   /* a second object it needs, or -1 */
    uint16_t tid;
    uint8_t flags;
    uint8_t size;
} weft__event;

/* What a thread is about to do; set by weft__op, read by the scheduler. ev
   is the event it becomes when picked, but for flags: op, pc, val, addr and
   size (memory operations), the ids of obj and obj2; tid is the thread's
   and res 0 from the thread's start. */
typedef struct weft__pending {
    weft__event ev;
    weft__obj *obj;
    weft__obj *obj2;            /* a second object the operation needs (weft__op_touches) */
    weft__pred ready;           /* NULL: always ready */
    void *arg;
    bool timed;                 /* enabled even when not ready: it can time out */
} weft__pending;

enum weft__tstate { WEFT__RUN = 1, WEFT__DONE };

#define WEFT__SPIN_SEEN 4   /* reads a thread remembers for spin detection */

struct weft__thread {
    weft__obj obj;              /* a thread is an object too: what join waits on */
    int id;                     /* 0 is main; ids are never reused in an execution */
    int state;                  /* enum weft__tstate */
    bool daemon;
    int space;                  /* address space (process): whose globals it sees */
    weft__pending pend;         /* valid while state == WEFT__RUN */
    bool timed_out;             /* result of the last timed operation */
    void (*entry)(void *);      /* what the coroutine runs */
    void *entry_arg;
    const void *fn;             /* the user's function, for the thread's name */
    weft__coro *coro;           /* the stack slot of this id, reused by every execution */
    int saved_errno;
    long last_ev;               /* index of its latest event */
    unsigned long spin_wait;    /* spinning: not enabled until ex->writes differs from this */
    bool spinning;
    uint64_t fair_wait;         /* fairness: threads that must run before this one */
    /* spin detection (sched.c, observe_read): the reads seen since the last
       change of state by any thread (or by this one outside its own stack),
       each with a hash of this thread's stack when it was seen again */
    struct weft__seen { const void *pc; uintptr_t addr; long val; uint64_t hash; } seen[WEFT__SPIN_SEEN];
    int nseen;
    unsigned long seen_epoch;   /* ex->writes - own_writes when seen[] was valid */
    unsigned long own_writes;   /* its writes to its own stack, counted in ex->writes too */
    uintptr_t spin_addr; long spin_val;   /* what it spins on, for the report */
    int last_write_ev; int last_write_size;
    weft__vc *clock;            /* race detector */
    uintptr_t race_key;         /* race.h: the granule of its latest plain write, */
    struct weft__race_cell *race_cell;   /* and its shadow cell (NULL: none) */
    void *user;                 /* per-thread data for a primitive layer (pthreads) */
    weft__obj *touch_next;      /* weft__op_touches: for the next weft__op only */
    char *tls;                  /* its copy of the model's TLS block (tls.c), or NULL */
};

/* ---- strategies --------------------------------------------------------------
   A strategy answers the scheduler's two questions (which enabled thread runs
   next; which value a choose returns) and, between executions, whether there
   is another one to run. Its own state lives in st->state, which worker.c
   places in memory shared with the supervisor so a crashed worker's
   replacement can go on where it stopped. */
typedef struct weft__exec weft__exec;
typedef struct weft__strategy {
    const char *name;
    void (*begin)(weft__exec *ex);                     /* before an execution */
    int (*pick)(weft__exec *ex, uint64_t enabled, int current);
    int (*choose)(weft__exec *ex, int n);
    bool (*next)(weft__exec *ex);                      /* after: false when exhausted */
    void (*event)(weft__exec *ex, long i);             /* optional: event i was recorded */
    bool every_point;          /* pick is asked even when one thread can run */
    void (*end)(weft__exec *ex);                       /* optional: an execution ended, before
                                                          anything else (a crash's worker exits) */
} weft__strategy;

/* pick's answers besides a thread id: the schedule cannot be followed (the
   strategy wrote why in ex->end_msg), or the execution is redundant (DPOR's
   sleep set holds every enabled thread) and is abandoned uncounted. */
#define WEFT__PICK_DIVERGED (-1)
#define WEFT__PICK_BLOCKED (-2)

extern const weft__strategy weft__strategy_dfs;
extern const weft__strategy weft__strategy_replay;
extern const weft__strategy weft__strategy_random;
extern const weft__strategy weft__strategy_dpor;
extern const weft__strategy weft__strategy_bounded;   /* every schedule (--no-dpor) */
extern const weft__strategy weft__strategy_bpor;      /* bounded with DPOR */
extern const weft__strategy weft__strategy_pct;

/* ---- options ---------------------------------------------------------------- */
typedef struct weft__options {
    const char *strategy;       /* "dfs", "random", ... */
    long max_executions;        /* 0: unlimited */
    double time_limit;          /* seconds, 0: unlimited */
    long max_steps;             /* per execution */
    unsigned long seed;
    int preemption_bound;       /* -1: none */
    int depth;
    bool keep_going;
    bool json;
    bool verbose;
    double watchdog;            /* seconds without a visible operation */
    int width;                  /* listing width */
    bool full_listing;          /* do not shorten long listings */
    bool races;                 /* detect data races */
    bool oracle;                /* count distinct traces (the DPOR test oracle) */
    bool no_shrink;             /* report a finding's schedule as found (shrink.c) */
    bool no_dpor;               /* bounded: every schedule, not one per trace */
    bool spurious;              /* pthread/C11 condition waits may wake spuriously */
    int nondet_domain;          /* how many values a __VERIFIER_nondet_ call explores */
    int jobs;                   /* processes searching (parallel.c): 1 is the worker alone */
    bool keep_threads;          /* main returning does not end the execution */
    bool unfair;                /* no fairness rule (DPOR; replaying a w2 token) */
    const char *replay_cmd;     /* "build/weft replay models/x.c", for the replay line */
    const int32_t *replay;      /* replay: the decisions to follow */
    long nreplay;
    bool replay_race;           /* replay: the token is a data race's (token.h) */
} weft__options;

/* A branching decision: a thread picked among several enabled, or a choose
   value. The sequence of decisions is the schedule token's payload. */
typedef struct weft__decision {
    int32_t value;              /* thread id or chosen value */
    int32_t step;               /* event index where it was taken */
} weft__decision;

/* A strategy's stack of nodes as the scheduler follows it (sched.c,
   replayed): stack[0] is the strategy's depth, the nodes taken in this
   execution, stack[1] the nodes there are, the prefix it replays; node i
   is at nodes + i * size, with the int32 thread id picked there at offset
   WEFT__PREFIX_TID and an int32 that is not 0 at a choose's node at
   WEFT__PREFIX_CHOOSE. A strategy that asks pick at every point
   (every_point: DPOR) has a node per step; another one (DFS) a node per
   decision among several threads. nodes NULL: none. */
typedef struct weft__prefix {
    long *stack;
    char *nodes;
    long size;
} weft__prefix;
#define WEFT__PREFIX_TID 8
#define WEFT__PREFIX_CHOOSE 12

/* ---- the execution ------------------------------------------------------------
   One per worker process. Owned by sched.c; other files reach it through
   weft__ex, which is set once before the first execution and never changes. */
struct weft__exec {
    const weft__options *opt;
    const weft__strategy *strat;
    void *strat_state;          /* in shared memory */
    struct weft__par *par;      /* --jobs: the helpers' shared state (parallel.c), or NULL */
    /* threads */
    weft__thread *threads[WEFT__MAX_THREADS];
    int nthreads;
    weft__thread *cur;
    int space_cur;              /* whose globals are loaded */
    int nspaces;
    /* events and decisions of this execution */
    weft__event *events;        /* capacity max_steps + slack */
    long nevents;
    long cap_events;
    weft__decision *decisions;  /* in shared memory: the supervisor reads them */
    long ndecisions;
    long cap_decisions;
    int preemptions;
    double weight;              /* product of the branching factors of this execution's
                                   decisions (picks among several, choose values) */
    /* objects */
    weft__obj **objs;
    int nobjs, cap_objs;
    int kind_count[WEFT__O_OTHER + 1];
    weft__obj stdout_obj;
    /* per-execution memory for weft's own objects */
    char *arena; size_t arena_used, arena_cap;
    /* the model's output in this execution, and its weft_outcome strings */
    char *out; size_t out_len, out_cap;
    char *outcome; size_t outcome_len, outcome_cap;
    /* how the execution ended */
    bool ended;
    int end_kind;               /* -1: normal end; else a finding kind */
    char end_msg[1024];
    int end_tid;                /* the thread that failed, or -1 */
    const void *end_pc;
    /* the coroutine the executions are started from and return to */
    weft__coro loop;
    /* the model */
    int (*model_main)(void);
    long executions;            /* run so far, in this worker and before */
    long discarded;             /* discarded so far (not in executions) */
    /* in shared memory, set with the execution's memory (weft__shared_new),
       so never NULL while executions run */
    volatile unsigned long *progress; /* the watchdog reads it */
    volatile int *cur_tid;
    uint64_t fair_cand;         /* the threads the fairness rule would allow now */
    unsigned long writes;       /* visible operations that changed state: spin waits watch it */
    uint64_t en_always;         /* RUN threads, not spinning, whose pending operation needs
                                   no predicate (or is timed): enabled (sched.c, classify) */
    uint64_t en_check;          /* the other RUN threads but those in en_join: enabled()
                                   says whether they are */
    uint64_t en_join;           /* RUN threads in an untimed WEFT__F_JOIN operation on a
                                   thread that is not DONE: not enabled until it ends */
    /* opt's and strat's, copied when an execution starts (schedule() reads
       them at every step; shrinking swaps the strategy between executions) */
    long max_steps;
    bool unfair, every_point;
    int (*pick)(weft__exec *ex, uint64_t enabled, int current);
    void (*event)(weft__exec *ex, long i);
    /* The replayed prefix of DFS's or DPOR's stack, set by their begin
       (cleared before each begin): the scheduler follows it itself, without
       asking pick, as pick would */
    weft__prefix prefix;
    uint64_t fair;              /* threads whose fair_wait is not empty */
    int live_nondaemon;         /* threads not DONE and not daemon */
    bool main_exits;            /* POSIX: main returning ends the execution */
    int exit_code;              /* exit() status, or 0 */
    int end_status;             /* WEFT__END_* */
    bool discard;               /* an assumption failed: the execution ends discarded */
    int atomic_tid;             /* the thread in an atomic section, or -1 (atomic.c) */
    int atomic_depth;           /* its nesting */
    weft__obj *atomic_sync;     /* orders the sections (happens-before); lazy */
    const void **thread_fn;     /* in shared memory: each thread's function, for the watchdog */
    /* One of the scheduler's rare cases holds: a thread waits for fairness
       (fair), a thread is in an atomic section, or no thread keeps the
       execution going (the next step ends it). The scheduler's common path tests only this; whoever changes
       one of those fields calls weft__rare_update. */
    bool rare;
};

/* A preemption: the scheduler switches away from the thread that ran the
   previous step (cur, a candidate: enabled and not held back by fairness)
   although it could go on, and its previous step was not a yield, a sleep
   or a timed-out wait. A switch after a thread blocks, finishes or yields
   is free. sched.c flags and counts preemptions, strat_bounded.c bounds
   them, both with this. */
static inline bool weft__yielded(const weft__exec *ex, int tid)
{
    const weft__thread *t = ex->threads[tid];
    if (t->last_ev < 0 || t->last_ev >= ex->nevents)
        return false;
    const weft__event *e = &ex->events[t->last_ev];
    return (e->op->flags & WEFT__F_YIELD) || (e->flags & WEFT__E_TIMEOUT);
}

/* Recompute ex->rare after a change of one of the fields it summarizes. */
static inline void weft__rare_update(weft__exec *ex)
{
    ex->rare = ex->fair || ex->atomic_tid >= 0 || ex->live_nondaemon <= 0 ||
               (ex->main_exits && ex->nthreads && ex->threads[0]->state == WEFT__DONE);
}
/* How an execution ended. DISCARDED: the model said it is not one the
   program can have (__VERIFIER_assume); it is neither a finding nor an
   outcome, and counted apart (stats.discarded). */
enum { WEFT__END_OK = 0, WEFT__END_FINDING, WEFT__END_LIMIT, WEFT__END_DIVERGED, WEFT__END_BLOCKED,
       WEFT__END_DISCARDED };

extern weft__exec *weft__ex;

/* ---- the scheduler's verbs (sched.c) ---------------------------------------------
   weft__op: the calling thread's next visible operation. It waits (disabled)
   until ready(arg) holds and the strategy picks it, records the event, and
   returns; the caller then applies the operation's effect before it makes
   another visible operation, so the effect is atomic. */
void weft__op(const weft__opdesc *op, void *obj, long val, weft__pred ready, void *arg,
              const void *pc);
/* Timed: the thread is enabled even while not ready. Returns true if ready
   held when the thread was picked, false if it timed out. */
bool weft__op_timed(const weft__opdesc *op, void *obj, long val, weft__pred ready,
                    void *arg, const void *pc);
/* The calling thread's next operation also needs obj (besides its own
   object): it is then dependent with operations on either. */
void weft__op_touches(void *obj);
/* A memory access (tsan hooks): addr and size; sp is the model's stack
   pointer at a read (spin detection compares the stack above it; a write
   may pass NULL). Once the step is taken, the race detector checks the
   access. */
void weft__op_mem(const weft__opdesc *op, uintptr_t addr, int size, const void *pc,
                  const void *sp);
/* The result of the calling thread's last event, for the listing. */
void weft__result(long res);
/* Start a thread: a visible "spawn" step of the caller. space < 0 shares the
   caller's globals; otherwise the new thread gets a new address space. */
weft__thread *weft__spawn(void (*entry)(void *), void *arg, const void *fn,
                          const char *name, bool new_space, const void *pc);
/* End the calling thread (its function returned). Never returns. */
_Noreturn void weft__thread_exit(void);
/* A finding that ends the execution. Never returns. */
_Noreturn void weft__fail(int kind, const void *pc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Report a misuse of a primitive: object, operation, Python's error. */
_Noreturn void weft__misuse(void *obj, const char *op, const char *pyerr, const void *pc);
/* End the execution as the process would end: exit(). */
_Noreturn void weft__exit_execution(int code);
/* The calling thread's assumption failed (__VERIFIER_assume): the
   execution is not one the program can have. The thread stops here for
   good; the others run on (what they reach is reachable with the thread
   paused before its assumption, and DPOR must see their operations) until
   none can, and then the execution ends discarded: no finding, no
   outcome, counted apart. A finding the others reach first is reported. */
_Noreturn void weft__discard_execution(const void *pc);

weft__thread *weft__self(void);
/* libffi calls (spawn.c): pack fn and its sig-typed arguments; run the call. */
void *weft__ffi_pack(weft_fn fn, const char *sig, va_list ap);
void weft__ffi_run(void *call);
static inline bool weft__in_execution(void) { return weft__ex && weft__ex->cur; }

/* Objects and per-execution memory (sched.c). */
void *weft__obj_new(size_t size, int kind, const char *kname, const char *name);
void *weft__alloc(size_t size);
const char *weft__thread_name(weft__thread *t);

/* Happens-before through an object (race.c): release publishes the caller's
   clock into obj; acquire joins obj's clock into the caller's. */
void weft__hb_release(void *obj);
void weft__hb_acquire(void *obj);
/* The calling thread t ends: release its clock into t itself (for joins). */
void weft__hb_exit(weft__thread *t);

/* The race detector (race.c): clocks per thread, checks per access. */
void weft__race_reset(weft__exec *ex);
void weft__race_thread_new(weft__thread *t, weft__thread *parent);
void weft__race_access(uintptr_t addr, int size, bool write, bool atomic, const void *pc);
void weft__race_enable(bool on);
bool weft__race_found(const void **pc1, const void **pc2);
void weft__race_describe(char *buf, size_t n);
/* A name for memory: "total", "counts+8", "heap#3+4", "a local of worker#1". */
const char *weft__mem_name(uintptr_t addr, char *buf, size_t n);

/* The scheduler's side of memory operations (sched.c). */
void weft__mem_cas_failed(const void *sp);
void weft__sched_run(weft__exec *ex);
long weft__heap_block_index(uintptr_t addr, size_t *off);

/* Is addr one of the model's globals (which each process has a copy of)? */
bool weft__mem_is_global(uintptr_t addr);

/* ---- model output (output.c) ------------------------------------------------- */
void weft__output(const char *s, size_t n, const void *pc);

/* ---- memory (memory.c): the model's globals and heap ----------------------- */
int weft__mem_register(const void *addr_in_object);  /* snapshot that object's globals */
void weft__mem_reset(void);                           /* before each execution */
int weft__space_new(int from);                        /* copy of space `from` */
void weft__space_switch(int from, int to);
void weft__heap_reset(void);
bool weft__heap_check(uintptr_t addr, int size, bool write, const void *pc);

/* ---- symbols (symbols.c): names for addresses, at report time -------------- */
const char *weft__sym_func(const void *fn, char *buf, size_t n);
const char *weft__sym_data(uintptr_t addr, char *buf, size_t n);
const char *weft__sym_loc(const void *pc, char *buf, size_t n);
int weft__sym_func_ranges(const void *addr, const char *prefix, uintptr_t *lo, uintptr_t *hi,
                          int max);

/* ---- atomic sections (atomic.c) ----------------------------------------------
   While a thread is in an atomic section (ex->atomic_tid), the scheduler
   picks it whenever it is enabled; if it blocks, the others run (the
   section is broken there), and a second thread that begins a section
   waits until the first one ends. Sections nest and are ordered as if by
   one lock. Functions of the model named __VERIFIER_atomic_* are sections
   too: weft__atomic_functions finds them in the model's symbol table, and
   the __tsan_func_entry/exit hooks of their code begin and end them. */
void weft__atomic_begin(const void *pc);
void weft__atomic_end(const void *pc);
void weft__atomic_functions(const void *addr_in_model);

/* Thread-local storage (tls.c): find the model's TLS module and image;
   -1 (after saying why) if its TLS cannot be made per thread. */
int weft__tls_register(const void *addr_in_model);

#endif
