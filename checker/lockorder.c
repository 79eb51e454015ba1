/*
** lockorder.c: lock-order inversions. After each execution, its lock events
** are replayed into "held A while acquiring B" edges of a graph that spans
** the whole search (shared memory); new cycles are rendered as lock_order
** findings, which the supervisor reports at the end unless the search itself
** deadlocked on the same locks or covered every schedule. See lockorder.h.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "lockorder.h"
#include "report.h"
#include "token.h"

#define MAX_NODES 512               /* distinct locks in one search */
#define SETW (MAX_NODES / 64)
#define MAX_EDGES 8192              /* distinct (A, B, thread, held set) */
#define NODE_HASH 1024
#define EDGE_HASH 16384
#define MAX_PEND 256                /* cycles found */
#define MAX_DEAD 256                /* lock sets a deadlock waited on */
#define TEXT_CAP ((size_t)64 << 20) /* reserved, touched as used */
#define MAX_HELD 32                 /* locks held at once; deeper nesting is not followed */
#define MAX_LEN 8                   /* the longest cycle looked for */
#define BUDGET 100000               /* search steps after one execution */
#define MAX_SEMS 64                 /* semaphores followed as gates */

typedef uint64_t lockset[SETW];
typedef char lockname[WEFT__NAME + 16];     /* a node as printed: "fork(2)" */

/* A lock as the search knows it: its name, and how many locks of the same
   name were made before it in the execution (names need not be unique). */
typedef struct node {
    char name[WEFT__NAME];
    int dup;
} node;

/* One way a thread took two locks. Identified by (a, b, tid, held); where
   and in which execution it was first seen is kept for the report. */
typedef struct edge {
    int a, b;                   /* nodes: the thread held a while acquiring b */
    int tid;                    /* threads are the same thread across executions by id */
    int next;                   /* the next edge from a, + 1 (0: none): insertion order */
    lockset held;               /* every lock the thread held then, a included */
    uint64_t sems;              /* semaphores (gate indices) it held a unit of then */
    uint64_t hash;
    const void *pc_a, *pc_b;    /* the two acquisitions (the model is loaded before the fork) */
    size_t token;               /* in text: the token of the first execution that showed it */
    char thread[WEFT__NAME];
} edge;

/* A cycle found, rendered when it closed; reported by weft__lockorder_finish. */
typedef struct pending {
    uint64_t key;               /* the finding's key: its sorted lock names */
    size_t msg, token, text, json;   /* NUL-terminated strings in text */
} pending;

/* The graph: one mapping shared by the supervisor and its workers. Only the
   worker writes it, between executions; the supervisor reads it after the
   last worker has ended. Tables grow by appending, so every iteration is in
   insertion order, which is the search's order: deterministic. With
   --jobs, helpers read it while the worker writes (weft__lockorder_known):
   a node, an edge or a gate is published by one release store of its hash
   slot or count after it is filled in, and a gate's cap and open only ever
   grow, so what a helper reads is at worst out of date, never half made. */
/* A semaphore seen held around lock acquisitions: a gate when every release
   in every execution so far came from a thread holding a unit of it; then
   at most cap threads are inside at once. */
typedef struct gate {
    char name[WEFT__NAME];
    int dup;
    int cap;                    /* its initial value (the largest seen), -1 unknown */
    bool open;                  /* released by a thread that held no unit: not a gate */
} gate;

typedef struct graph {
    int nnodes, nedges, npend, ndead, ngates;
    gate gates[MAX_SEMS];
    int node_hash[NODE_HASH];   /* node index + 1, open addressing */
    int edge_hash[EDGE_HASH];   /* edge index + 1 */
    int head[MAX_NODES], tail[MAX_NODES];   /* edges from a node, + 1 */
    node nodes[MAX_NODES];
    edge edges[MAX_EDGES];
    pending pend[MAX_PEND];
    uint64_t dead[MAX_DEAD];    /* keys of the lock sets deadlocks waited on */
    size_t len;                 /* used of text */
    char text[];                /* tokens, messages, rendered reports */
} graph;

static graph *g;

/* A helper's look (weft__lockorder_known): scan() reads the graph and
   writes nothing to it; dry_new says whether the execution would have
   added to it. */
static bool dry, dry_new;

static int slot_load(const int *p) { return __atomic_load_n(p, __ATOMIC_ACQUIRE); }
static void slot_store(int *p, int v) { __atomic_store_n(p, v, __ATOMIC_RELEASE); }

static bool set_has(const lockset s, int n) { return s[n >> 6] >> (n & 63) & 1; }
static void set_add(lockset s, int n) { s[n >> 6] |= 1ull << (n & 63); }

static bool set_meets(const lockset s, const lockset t)
{
    for (int i = 0; i < SETW; i++)
        if (s[i] & t[i])
            return true;
    return false;
}

static uint64_t bit(int i) { return 1ull << i; }

static uint64_t mix(uint64_t h, uint64_t v)
{
    h = (h ^ v) * 0x9e3779b97f4a7c15ull;
    return h ^ (h >> 29);
}

static void graph_map(void)
{
    g = mmap(NULL, sizeof *g + TEXT_CAP, PROT_READ | PROT_WRITE,
             MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (g == MAP_FAILED) {
        perror("weft: error: cannot map the lock-order graph");
        exit(2);
    }
}

void weft__lockorder_init(void)
{
    if (!g)
        graph_map();
    g->nnodes = g->nedges = g->npend = g->ndead = g->ngates = 0;
    g->len = 0;
    memset(g->node_hash, 0, sizeof g->node_hash);
    memset(g->edge_hash, 0, sizeof g->edge_hash);
    memset(g->head, 0, sizeof g->head);
    memset(g->tail, 0, sizeof g->tail);
}

/* A string into the text area; its offset, or (size_t)-1 when full. */
static size_t text_put(const char *s, size_t n)
{
    if (g->len + n + 1 > TEXT_CAP)
        return (size_t)-1;
    size_t off = g->len;
    memcpy(g->text + off, s, n);
    g->text[off + n] = 0;
    g->len += n + 1;
    return off;
}

/* ---- one execution's lock events --------------------------------------------
   Worker memory, reset before each analysis. Locks by object id, threads by
   id, as in the execution. */

typedef struct lockst {
    int holder;                 /* thread id, or -1 */
    int count;                  /* an RLock's depth */
    long ev;                    /* the event that took it: where it was acquired */
    int node;                   /* graph node, -1 none (graph full), -2 not looked up */
} lockst;

typedef struct thrst {
    int held[MAX_HELD];         /* object ids, in acquisition order */
    int nheld;
    int wait_cond;              /* inside a Condition wait on this object, or -1 */
    int wait_lock;              /* the lock that wait released */
    int wait_count;             /* its depth, given back when the wait returns */
    uint64_t joined;            /* threads known finished: joined, or joined by those */
    uint64_t sems;              /* gates it holds a unit of */
    int semheld[MAX_SEMS];      /* how many units */
} thrst;

/* An edge that this execution shows, where it shows it. */
typedef struct local {
    int e;                      /* graph edge */
    const void *pc_a, *pc_b;
    bool fresh;                 /* no earlier execution had it */
} local;

static lockst *locks;
static int cap_locks;
static thrst thr[WEFT__MAX_THREADS];
static uint64_t spawned;        /* threads that exist (main, and every spawn so far) */
static local *loc;
static int nloc, cap_loc;
static int in_exec[MAX_EDGES];  /* graph edge -> its local index + 1 in this execution */
static int *sem_gate;           /* object id -> gate index, -1 none, -2 not looked up */
static long sem_acq[MAX_SEMS], sem_rel[MAX_SEMS];   /* units taken and given back so far */
static size_t exec_token;       /* this execution's token in text, or (size_t)-1 */

static bool is_lock(const weft__obj *o)
{
    return o->kind == WEFT__O_LOCK || o->kind == WEFT__O_RLOCK;
}

/* id if it is a lock of this execution, else -1 */
static int lock_id(const weft__exec *ex, int id)
{
    return id >= 0 && id < ex->nobjs && is_lock(ex->objs[id]) ? id : -1;
}

/* This execution's token, put in the text area once. */
static const char *token_now(weft__exec *ex)
{
    if (exec_token != (size_t)-1)
        return g->text + exec_token;
    static char buf[1 << 16];
    int32_t *dec = malloc(sizeof *dec * (size_t)(ex->ndecisions + 1));
    for (long i = 0; dec && i < ex->ndecisions; i++)
        dec[i] = ex->decisions[i].value;
    if (!dec)
        snprintf(buf, sizeof buf, "(out of memory)");
    else if (weft__token_encode(weft__fingerprint, ex->opt->unfair, dec, ex->ndecisions, buf, sizeof buf) < 0)
        snprintf(buf, sizeof buf, "(the schedule is too long to print)");
    free(dec);
    exec_token = text_put(buf, strlen(buf));
    return exec_token == (size_t)-1 ? "(unavailable)" : g->text + exec_token;
}

/* The graph node of lock object id, added on first sight. */
static int node_of(weft__exec *ex, int id)
{
    lockst *s = &locks[id];
    if (s->node != -2)
        return s->node;
    const char *name = ex->objs[id]->name;
    int dup = 0;
    for (int j = 0; j < id; j++)
        if (is_lock(ex->objs[j]) && !strcmp(ex->objs[j]->name, name))
            dup++;
    uint64_t h = weft__hash(name, strlen(name), (uint64_t)dup + 1);
    for (unsigned i = (unsigned)(h % NODE_HASH);; i = (i + 1) % NODE_HASH) {
        int n = slot_load(&g->node_hash[i]) - 1;
        if (n < 0) {
            if (dry) {
                dry_new = true;
                return s->node = -1;
            }
            if (g->nnodes == MAX_NODES)
                return s->node = -1;
            n = g->nnodes++;
            snprintf(g->nodes[n].name, sizeof g->nodes[n].name, "%s", name);
            g->nodes[n].dup = dup;
            slot_store(&g->node_hash[i], n + 1);
            return s->node = n;
        }
        if (g->nodes[n].dup == dup && !strcmp(g->nodes[n].name, name))
            return s->node = n;
    }
}

/* How a node is printed: its name, and "(2)" for the second lock of that name. */
static const char *node_name(int n, lockname buf)
{
    if (g->nodes[n].dup)
        snprintf(buf, sizeof(lockname), "%s(%d)", g->nodes[n].name, g->nodes[n].dup + 1);
    else
        snprintf(buf, sizeof(lockname), "%s", g->nodes[n].name);
    return buf;
}

/* Record "t held A while acquiring B" (object ids; event i acquired B). */
static void edge_add(weft__exec *ex, int t, int A, int B, long i, const lockset held, uint64_t sems)
{
    int a = node_of(ex, A), b = node_of(ex, B);
    if (a < 0 || b < 0)
        return;
    uint64_t h = mix(mix(mix(mix(0, (uint64_t)a), (uint64_t)b), (uint64_t)t), sems);
    for (int k = 0; k < SETW; k++)
        h = mix(h, held[k]);
    int e = -1;
    unsigned slot;
    for (slot = (unsigned)h % EDGE_HASH;; slot = (slot + 1) % EDGE_HASH) {
        e = slot_load(&g->edge_hash[slot]) - 1;
        if (e < 0)
            break;
        const edge *x = &g->edges[e];
        if (x->hash == h && x->a == a && x->b == b && x->tid == t && x->sems == sems &&
            !memcmp(x->held, held, sizeof x->held))
            break;
    }
    bool fresh = e < 0;
    if (fresh && dry) {
        dry_new = true;
        return;
    }
    if (fresh) {
        if (g->nedges == MAX_EDGES)
            return;
        e = g->nedges++;
        edge *x = &g->edges[e];
        x->a = a;
        x->b = b;
        x->tid = t;
        x->next = 0;
        memcpy(x->held, held, sizeof x->held);
        x->sems = sems;
        x->hash = h;
        x->pc_a = ex->events[locks[A].ev].pc;
        x->pc_b = ex->events[i].pc;
        token_now(ex);
        x->token = exec_token;
        snprintf(x->thread, sizeof x->thread, "%s", weft__thread_name(ex->threads[t]));
        slot_store(&g->edge_hash[slot], e + 1);
        if (g->tail[a])
            g->edges[g->tail[a] - 1].next = e + 1;
        else
            g->head[a] = e + 1;
        g->tail[a] = e + 1;
    }
    if (in_exec[e])
        return;
    if (nloc == cap_loc) {
        cap_loc = cap_loc ? 2 * cap_loc : 64;
        loc = realloc(loc, sizeof *loc * (size_t)cap_loc);
        if (!loc) {
            fprintf(stderr, "weft: error: out of memory\n");
            exit(2);
        }
    }
    loc[nloc] = (local){e, ex->events[locks[A].ev].pc, ex->events[i].pc, fresh};
    in_exec[e] = ++nloc;
}

static void unhold(int t, int id)
{
    thrst *s = &thr[t];
    for (int k = 0; k < s->nheld; k++)
        if (s->held[k] == id) {
            memmove(&s->held[k], &s->held[k + 1], sizeof s->held[0] * (size_t)(s->nheld - k - 1));
            s->nheld--;
            return;
        }
}

/* Every other thread is joined or not spawned yet: t cannot wait for anyone. */
static bool alone(int t)
{
    return !(spawned & ~bit(t) & ~thr[t].joined);
}

/* t acquires lock id (event i). A blocking acquisition while holding others
   adds an edge from each of them. */
static void take(weft__exec *ex, int t, int id, long i, bool blocking, int count)
{
    lockst *s = &locks[id];
    if (s->holder == t) {           /* an RLock re-entered: it never waits */
        s->count += count;
        return;
    }
    if (s->holder >= 0)             /* released where no event shows it */
        unhold(s->holder, id);
    thrst *u = &thr[t];
    if (blocking && u->nheld && !alone(t)) {
        lockset held;
        memset(held, 0, sizeof held);
        for (int k = 0; k < u->nheld; k++) {
            int n = node_of(ex, u->held[k]);
            if (n >= 0)
                set_add(held, n);
        }
        for (int k = 0; k < u->nheld; k++)
            edge_add(ex, t, u->held[k], id, i, held, u->sems);
    }
    s->holder = t;
    s->count = count;
    s->ev = i;
    if (u->nheld < MAX_HELD)
        u->held[u->nheld++] = id;
}

static void drop(int id)
{
    lockst *s = &locks[id];
    if (s->holder < 0 || --s->count > 0)
        return;
    unhold(s->holder, id);
    s->holder = -1;
}

/* A Condition wait releases its lock (obj2 of the event names it). */
static void wait_begin(weft__exec *ex, int t, const weft__event *e)
{
    thrst *u = &thr[t];
    int id = lock_id(ex, e->obj2);
    if (id < 0 && u->nheld)
        id = u->held[u->nheld - 1];   /* an event without obj2: the lock taken last */
    u->wait_cond = e->obj;
    u->wait_lock = id;
    u->wait_count = 1;
    if (id >= 0 && locks[id].holder == t) {
        u->wait_count = locks[id].count;
        locks[id].count = 1;
        drop(id);
    }
}

/* ... and gets it back when the wait returns: a blocking acquisition. */
static void wait_end(weft__exec *ex, int t, int id, long i)
{
    thrst *u = &thr[t];
    int count = id == u->wait_lock ? u->wait_count : 1;
    u->wait_cond = u->wait_lock = -1;
    if (id >= 0)
        take(ex, t, id, i, true, count);
}

/* What an event does to the locks, by its verb: threading's (lock.c, rlock.c,
   cond.c) and pthreads'. A Condition's first "wait" releases the lock, its
   second (or a spurious wakeup) takes it back; a timed wait takes it back
   in a separate "reacquire". */
enum { NONE, SPAWN, JOIN, TAKE, TRY, DROP, RETAKE, WAIT, WAKE };

static int classify(const char *v)
{
    static const struct { const char *verb; int what; } verbs[] = {
        {"acquire", TAKE}, {"lock", TAKE}, {"release", DROP}, {"unlock", DROP},
        {"try_acquire", TRY}, {"acquire_timeout", TRY}, {"trylock", TRY}, {"timedlock", TRY},
        {"reacquire", RETAKE}, {"relock", RETAKE}, {"wait", WAIT}, {"timedwait", WAIT},
        {"spurious wake", WAKE}, {"spawn", SPAWN}, {"join", JOIN}, {"join_timeout", JOIN},
    };
    for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++)
        if (!strcmp(v, verbs[i].verb))
            return verbs[i].what;
    return NONE;
}

/* Operation descriptors are static: remember each one's class, so that the
   verbs are compared once per worker, not once per event. */
static int verb_of(const weft__opdesc *op)
{
    static struct { const weft__opdesc *op; int what; } memo[64];
    unsigned i = (unsigned)((uintptr_t)op >> 4) & 63;
    if (memo[i].op != op) {
        memo[i].op = op;
        memo[i].what = classify(op->verb);
    }
    return memo[i].what;
}

/* ---- semaphores as gates --------------------------------------------------- */

static bool is_sem(const weft__obj *o)
{
    return o->kind == WEFT__O_SEM || o->kind == WEFT__O_BSEM;
}

/* The gate of semaphore object id, added on first sight; -1 when full. */
static int gate_of(weft__exec *ex, int id)
{
    if (sem_gate[id] != -2)
        return sem_gate[id];
    const char *name = ex->objs[id]->name;
    int dup = 0;
    for (int j = 0; j < id; j++)
        if (is_sem(ex->objs[j]) && !strcmp(ex->objs[j]->name, name))
            dup++;
    for (int k = 0, n = slot_load(&g->ngates); k < n; k++)
        if (g->gates[k].dup == dup && !strcmp(g->gates[k].name, name))
            return sem_gate[id] = k;
    if (dry) {
        dry_new = true;
        return sem_gate[id] = -1;
    }
    if (g->ngates == MAX_SEMS)
        return sem_gate[id] = -1;
    gate *q = &g->gates[g->ngates];
    snprintf(q->name, sizeof q->name, "%s", name);
    q->dup = dup;
    q->cap = -1;
    q->open = false;
    slot_store(&g->ngates, g->ngates + 1);
    return sem_gate[id] = g->ngates - 1;
}

/* A semaphore's acquire (blocking or a try that succeeded) or release by t. */
static void sem_event(weft__exec *ex, int t, const weft__event *e, int what, bool failed)
{
    int k = gate_of(ex, e->obj);
    if (k < 0)
        return;
    thrst *u = &thr[t];
    gate *q = &g->gates[k];
    if (what == TAKE || (what == TRY && !failed)) {
        sem_acq[k]++;
        if (what == TAKE) {
            /* the acquire's result is the value it left (sem.c): the value is
               the initial one plus the units given back minus those taken */
            long initial = e->res + sem_acq[k] - sem_rel[k];
            if (initial > q->cap && dry)
                dry_new = true;
            else if (initial > q->cap)
                q->cap = (int)initial;
        }
        u->semheld[k]++;
        u->sems |= bit(k);
    } else if (what == DROP) {
        long n = e->val > 0 ? e->val : 1;
        sem_rel[k] += n;
        long mine = n < u->semheld[k] ? n : u->semheld[k];
        u->semheld[k] -= (int)mine;
        if (n > mine && dry && !q->open)
            dry_new = true;
        else if (n > mine && !dry)
            q->open = true;     /* a signal, not a gate: units are made, not returned */
        if (!u->semheld[k])
            u->sems &= ~bit(k);
    }
}

static void scan(weft__exec *ex)
{
    if (cap_locks < ex->nobjs) {
        cap_locks = ex->nobjs + 64;
        locks = realloc(locks, sizeof *locks * (size_t)cap_locks);
        sem_gate = realloc(sem_gate, sizeof *sem_gate * (size_t)cap_locks);
        if (!locks || !sem_gate) {
            fprintf(stderr, "weft: error: out of memory\n");
            exit(2);
        }
    }
    for (int i = 0; i < ex->nobjs; i++) {
        locks[i] = (lockst){-1, 0, 0, -2};
        sem_gate[i] = -2;
    }
    memset(sem_acq, 0, sizeof sem_acq);
    memset(sem_rel, 0, sizeof sem_rel);
    for (int t = 0; t < ex->nthreads; t++) {
        thr[t].nheld = 0;
        thr[t].wait_cond = thr[t].wait_lock = -1;
        thr[t].joined = 0;
        thr[t].sems = 0;
        memset(thr[t].semheld, 0, sizeof thr[t].semheld);
    }
    spawned = 1;
    for (long i = 0; i < ex->nevents; i++) {
        const weft__event *e = &ex->events[i];
        if (e->obj < 0 || e->obj >= ex->nobjs)
            continue;
        const weft__obj *o = ex->objs[e->obj];
        if (o->kind != WEFT__O_THREAD && !is_lock(o) && o->kind != WEFT__O_COND && !is_sem(o))
            continue;
        int what = verb_of(e->op), t = e->tid;
        /* a timed step that timed out, or a try that answered 0 */
        bool failed = (e->flags & WEFT__E_TIMEOUT) || ((e->op->flags & WEFT__F_RES) && !e->res);
        if (is_sem(o)) {
            sem_event(ex, t, e, what, failed);
        } else if (o->kind == WEFT__O_THREAD) {
            int u = ((const weft__thread *)o)->id;
            if (what == SPAWN)
                spawned |= bit(u);
            else if (what == JOIN && !failed)
                thr[t].joined |= bit(u) | thr[u].joined;
        } else if (is_lock(o)) {
            if (what == TAKE)
                take(ex, t, e->obj, i, true, 1);
            else if (what == TRY && !failed)
                take(ex, t, e->obj, i, false, 1);
            else if (what == DROP)
                drop(e->obj);
            else if (what == RETAKE)
                wait_end(ex, t, e->obj, i);
        } else if (thr[t].wait_cond != e->obj) {
            if (what == WAIT)
                wait_begin(ex, t, e);
        } else if (what == WAKE || (what == WAIT && strcmp(e->op->verb, "timedwait") != 0)) {
            wait_end(ex, t, lock_id(ex, e->obj2) >= 0 ? e->obj2 : thr[t].wait_lock, i);
        }
    }
}

/* ---- cycles ------------------------------------------------------------------- */

static int by_name(const void *x, const void *y)
{
    return strcmp(*(const lockname *)x, *(const lockname *)y);
}

/* The finding's key: the cycle's lock names, sorted. */
static uint64_t cycle_key(const int *nodes, int n)
{
    lockname names[WEFT__MAX_THREADS];
    for (int i = 0; i < n; i++)
        node_name(nodes[i], names[i]);
    qsort(names, (size_t)n, sizeof names[0], by_name);
    uint64_t h = WEFT__LOCK_ORDER + 1;
    for (int i = 0; i < n; i++)
        h = weft__hash(names[i], strlen(names[i]) + 1, h);
    return h;
}

static bool known(uint64_t key)
{
    for (int i = 0; i < g->npend; i++)
        if (g->pend[i].key == key)
            return true;
    for (int i = 0; i < g->ndead; i++)
        if (g->dead[i] == key)
            return true;
    return false;
}

typedef struct walk {
    weft__exec *ex;
    int mode;
    bool local;                 /* only this execution's edges */
    int path[MAX_LEN];          /* graph edges; path[0] starts at the cycle's first lock */
    int len;
    uint64_t tids;              /* threads on the path */
    lockset held;               /* locks held along the path */
    lockset seen;               /* locks on the path */
    int gated[MAX_SEMS];        /* edges on the path that hold a unit of each gate */
    long budget;
    bool done;                  /* a replay needs one finding */
    uint64_t target;            /* look for this cycle only (shrinking), not 0 */
    bool any;                   /* look for any cycle, and only say whether there is one */
    int hit[MAX_LEN], nhit;     /* ... and its path, when found */
} walk;

/* Cycles found whole in one execution, whose report waits for the schedule
   to be shrunk (explore.c); worker memory, taken by weft__lockorder_to_shrink. */
#define MAX_SHRINK 8
static uint64_t to_shrink[MAX_SHRINK];
static int nto_shrink;

static void where(int e, bool first, char *buf, size_t n)
{
    const local *l = in_exec[e] ? &loc[in_exec[e] - 1] : NULL;
    const void *pc = first ? (l ? l->pc_a : g->edges[e].pc_a) : (l ? l->pc_b : g->edges[e].pc_b);
    weft__sym_loc(pc, buf, n);
}

/* "worker#1 acquires lock_b while holding lock_a (m.c:13, m.c:14); ...", the
   thread with the smallest id first; then, for an edge that this execution
   does not show, the token of one that does. */
static void describe(weft__exec *ex, const int *path, int n, weft__buf *b)
{
    int r = 0;
    for (int i = 1; i < n; i++)
        if (g->edges[path[i]].tid < g->edges[path[r]].tid)
            r = i;
    weft__buf_printf(b, "lock order inversion: ");
    for (int j = 0; j < n; j++) {
        const edge *x = &g->edges[path[(r + j) % n]];
        char la[96], lb[96];
        lockname na, nb;
        where(path[(r + j) % n], true, la, sizeof la);
        where(path[(r + j) % n], false, lb, sizeof lb);
        const char *tn = in_exec[path[(r + j) % n]] ? weft__thread_name(ex->threads[x->tid]) : x->thread;
        weft__buf_printf(b, "%s%s acquires %s while holding %s (%s, %s)", j ? "; " : "", tn,
                         node_name(x->b, nb), node_name(x->a, na), la, lb);
    }
    if (n == 2)
        weft__buf_printf(b, ": if both run at once, each waits for the other");
    else
        weft__buf_printf(b, ": if all %d run at once, each waits for the next", n);
    for (int j = 0; j < n; j++) {
        const edge *x = &g->edges[path[(r + j) % n]];
        if (in_exec[path[(r + j) % n]])
            continue;
        lockname na, nb;
        weft__buf_printf(b, "\n    %s's order (%s, then %s) is from another execution: %s %s",
                         x->thread, node_name(x->a, na), node_name(x->b, nb),
                         ex->opt->replay_cmd ? ex->opt->replay_cmd : "weft replay",
                         x->token == (size_t)-1 ? "(unavailable)" : g->text + x->token);
    }
}

/* A cycle: remember it (rendered now, reported at the end), or, in a replay,
   end the execution with it. */
static void found(walk *w, int n)
{
    int nodes[MAX_LEN];
    for (int i = 0; i < n; i++)
        nodes[i] = g->edges[w->path[i]].a;
    uint64_t key = cycle_key(nodes, n);
    if (w->any) {
        w->nhit = n;
        w->done = true;
        return;
    }
    if (w->target) {
        if (key == w->target) {
            memcpy(w->hit, w->path, sizeof w->path[0] * (size_t)n);
            w->nhit = n;
            w->done = true;
        }
        return;
    }
    if (known(key))
        return;
    weft__exec *ex = w->ex;
    weft__buf msg = {0};
    describe(ex, w->path, n, &msg);
    if (w->mode == WEFT__REPLAY) {
        if (ex->end_status == WEFT__END_OK) {
            ex->end_status = WEFT__END_FINDING;
            ex->end_kind = WEFT__LOCK_ORDER;
            ex->end_tid = -1;
            ex->end_pc = NULL;
            snprintf(ex->end_msg, sizeof ex->end_msg, "%s", msg.p);
        }
        w->done = true;
        weft__buf_free(&msg);
        return;
    }
    if (g->npend == MAX_PEND) {
        weft__buf_free(&msg);
        return;
    }
    const char *token = token_now(ex);
    weft__finding f = {WEFT__LOCK_ORDER, msg.p, token, ex->executions, NULL};
    weft__buf text = {0}, json = {0};
    weft__report_text(ex, &f, &text);
    weft__report_json(ex, &f, &json);
    pending p = {.key = key, .token = exec_token};
    p.msg = text_put(msg.p, msg.len);
    p.text = text_put(text.p, text.len);
    p.json = text_put(json.p, json.len);
    if (p.msg != (size_t)-1 && p.token != (size_t)-1 && p.text != (size_t)-1 && p.json != (size_t)-1) {
        g->pend[g->npend++] = p;
        bool whole = true;
        for (int i = 0; i < n; i++)
            whole &= in_exec[w->path[i]] != 0;
        if (whole && nto_shrink < MAX_SHRINK && !ex->opt->no_shrink)
            to_shrink[nto_shrink++] = key;
    }
    weft__buf_free(&msg);
    weft__buf_free(&text);
    weft__buf_free(&json);
}

static void extend(walk *w, int v);

/* Would the path with x need more threads inside a gate than it lets in?
   (A Lock held at two edges is the case cap = 1, which held sets cover.) */
static bool gates_full(const walk *w, uint64_t sems)
{
    for (uint64_t m = sems; m; m &= m - 1) {
        int k = __builtin_ctzll(m);
        const gate *q = &g->gates[k];
        if (!q->open && q->cap >= 0 && w->gated[k] + 1 > q->cap)
            return true;
    }
    return false;
}

static void gates_add(walk *w, uint64_t sems, int d)
{
    for (uint64_t m = sems; m; m &= m - 1)
        w->gated[__builtin_ctzll(m)] += d;
}

static void step(walk *w, int e)
{
    const edge *x = &g->edges[e];
    if (w->done || --w->budget < 0 || (w->tids & bit(x->tid)) || set_meets(w->held, x->held) ||
        gates_full(w, x->sems))
        return;
    w->path[w->len] = e;
    if (x->b == g->edges[w->path[0]].a) {
        found(w, w->len + 1);
        return;
    }
    if (set_has(w->seen, x->b) || w->len + 2 > MAX_LEN)
        return;
    lockset held;
    memcpy(held, w->held, sizeof held);
    for (int i = 0; i < SETW; i++)
        w->held[i] |= x->held[i];
    w->tids |= bit(x->tid);
    set_add(w->seen, x->b);
    gates_add(w, x->sems, 1);
    w->len++;
    extend(w, x->b);
    w->len--;
    gates_add(w, x->sems, -1);
    w->seen[x->b >> 6] &= ~(1ull << (x->b & 63));
    w->tids &= ~bit(x->tid);
    memcpy(w->held, held, sizeof held);
}

/* The edges out of v: this execution's first (a report shows as many of
   its edges as it can), then, unless local, the others. */
static void extend(walk *w, int v)
{
    if (w->local) {
        for (int k = 0; k < nloc && !w->done; k++)
            if (g->edges[loc[k].e].a == v)
                step(w, loc[k].e);
        return;
    }
    for (int pass = 0; pass < 2; pass++)
        for (int e = g->head[v] - 1; e >= 0 && !w->done; e = g->edges[e].next - 1)
            if ((in_exec[e] != 0) == (pass == 0))
                step(w, e);
}

static void cycles_from(walk *w, int e)
{
    const edge *x = &g->edges[e];
    w->path[0] = e;
    w->len = 1;
    w->tids = bit(x->tid);
    memcpy(w->held, x->held, sizeof w->held);
    memset(w->seen, 0, sizeof w->seen);
    memset(w->gated, 0, sizeof w->gated);
    gates_add(w, x->sems, 1);
    set_add(w->seen, x->a);
    set_add(w->seen, x->b);
    extend(w, x->b);
}

/* The locks a deadlock waits on in a circle: thread -> holder of the lock it
   waits for -> ... Their key silences the same cycle's lock_order finding. */
static void deadlock_cycles(weft__exec *ex)
{
    int next[WEFT__MAX_THREADS], via[WEFT__MAX_THREADS], mark[WEFT__MAX_THREADS];
    for (int t = 0; t < ex->nthreads; t++) {
        weft__thread *u = ex->threads[t];
        const weft__pending *p = &u->pend;
        const weft__obj *o = p->obj;
        next[t] = -1;
        mark[t] = 0;
        if (u->state != WEFT__RUN || !p->ev.op || !o)
            continue;
        int what = verb_of(p->ev.op);
        if (o->kind == WEFT__O_COND && p->obj2 && (what == WAIT || what == WAKE))
            o = p->obj2;                /* a Condition's waiter woken, waiting for its lock */
        else if (!is_lock(o) || (what != TAKE && what != RETAKE))
            continue;
        if (is_lock(o) && o->holder && o->holder != u) {
            next[t] = o->holder->id;
            via[t] = o->id;
        }
    }
    for (int t = 0; t < ex->nthreads; t++) {
        int u = t;
        while (u >= 0 && !mark[u]) {
            mark[u] = t + 1;
            u = next[u];
        }
        if (u < 0 || mark[u] != t + 1)
            continue;               /* no new circle on this walk */
        int nodes[WEFT__MAX_THREADS], n = 0;
        int s = u;
        do {
            int k = node_of(ex, via[s]);
            if (k < 0)
                return;
            nodes[n++] = k;
            s = next[s];
        } while (s != u);
        uint64_t key = cycle_key(nodes, n);
        bool have = false;
        for (int i = 0; i < g->ndead; i++)
            have |= g->dead[i] == key;
        if (!have && g->ndead < MAX_DEAD)
            g->dead[g->ndead++] = key;
    }
}

static void execution(weft__exec *ex, int mode);

/* What weft__lockorder_known answers for: the graph's nodes, edges and
   gates, with the gates' numbers. */
static uint64_t graph_print(void)
{
    uint64_t h = mix(mix(mix(0, (uint64_t)g->nnodes), (uint64_t)g->nedges), (uint64_t)g->ngates);
    for (int k = 0; k < g->ngates; k++)
        h = mix(mix(h, (uint64_t)(int64_t)g->gates[k].cap), g->gates[k].open);
    return h;
}

void weft__lockorder_execution(weft__exec *ex, weft__shared *sh, int mode)
{
    (void)sh;
    /* WEFT_CHECK_KNOWN set: check, at every execution that ended well, that
       what weft__lockorder_known answers (for --jobs' helpers) is what the
       graph then does; a wrong answer is weft's bug, and ends the worker */
    static int check = -1;
    if (check < 0)
        check = getenv("WEFT_CHECK_KNOWN") != NULL;
    bool ended_well = ex->end_status == WEFT__END_OK || ex->end_status == WEFT__END_DISCARDED;
    if (!check || mode != WEFT__CHECK || !ended_well) {
        execution(ex, mode);
        return;
    }
    if (!g)
        graph_map();
    bool full = g->nnodes == MAX_NODES || g->nedges == MAX_EDGES || g->ngates == MAX_SEMS;
    uint64_t before = graph_print();
    bool known = weft__lockorder_known(ex);
    bool wrote = graph_print() != before;
    execution(ex, mode);
    bool changed = graph_print() != before;
    if (wrote || (changed == known && !full)) {
        fprintf(stderr, "weft: internal error: in execution %ld %s\n", ex->executions,
                wrote ? "weft__lockorder_known wrote to the lock-order graph" :
                changed ? "the lock-order graph changed, and weft__lockorder_known said it "
                          "would not" :
                          "the lock-order graph did not change, and weft__lockorder_known said "
                          "it would");
        fflush(NULL);
        _exit(70);
    }
}

static void execution(weft__exec *ex, int mode)
{
    if (mode == WEFT__OUTCOMES)
        return;
    if (ex->kind_count[WEFT__O_LOCK] + ex->kind_count[WEFT__O_RLOCK] < 2)
        return;                     /* no two locks: no order */
    if (!g)
        graph_map();                /* not shared with the supervisor: init was not called */
    for (int k = 0; k < nloc; k++)
        in_exec[loc[k].e] = 0;
    nloc = 0;
    exec_token = (size_t)-1;
    scan(ex);
    if (mode == WEFT__CHECK && ex->end_status == WEFT__END_FINDING && ex->end_kind == WEFT__DEADLOCK)
        deadlock_cycles(ex);
    bool fresh = false;
    for (int k = 0; k < nloc; k++)
        fresh |= loc[k].fresh;
    if (!fresh)
        return;
    /* cycles this execution shows whole first: a replay of its token finds
       the same ones; then those that need edges of other executions */
    walk w = {.ex = ex, .mode = mode, .local = true, .budget = BUDGET};
    for (int k = 0; k < nloc && !w.done; k++)
        cycles_from(&w, loc[k].e);
    if (mode != WEFT__CHECK)
        return;
    w.local = false;
    for (int k = 0; k < nloc && !w.done; k++)
        if (loc[k].fresh)
            cycles_from(&w, loc[k].e);
}

bool weft__lockorder_known(weft__exec *ex)
{
    if (ex->kind_count[WEFT__O_LOCK] + ex->kind_count[WEFT__O_RLOCK] < 2)
        return true;                /* as weft__lockorder_execution: no order */
    if (!g)
        return false;
    for (int k = 0; k < nloc; k++)
        in_exec[loc[k].e] = 0;
    nloc = 0;
    exec_token = (size_t)-1;
    dry = true;
    dry_new = false;
    scan(ex);
    dry = false;
    return !dry_new;
}

/* ---- shrinking (explore.c, shrink.c) ------------------------------------------ */

int weft__lockorder_to_shrink(uint64_t *keys, int max)
{
    int n = nto_shrink < max ? nto_shrink : max;
    memcpy(keys, to_shrink, sizeof keys[0] * (size_t)n);
    nto_shrink = 0;
    return n;
}

/* The path of cycle key (any cycle, if key is 0) in ex's execution alone, or
   0. Adds the execution's edges to the graph (they are real orders of the
   model). */
static int local_cycle(weft__exec *ex, uint64_t key, int *path)
{
    if (!g || ex->kind_count[WEFT__O_LOCK] + ex->kind_count[WEFT__O_RLOCK] < 2)
        return 0;
    for (int k = 0; k < nloc; k++)
        in_exec[loc[k].e] = 0;
    nloc = 0;
    exec_token = (size_t)-1;
    scan(ex);
    walk w = {.ex = ex, .mode = WEFT__CHECK, .local = true, .budget = BUDGET, .target = key,
              .any = !key};
    for (int k = 0; k < nloc && !w.done; k++)
        cycles_from(&w, loc[k].e);
    if (path)
        memcpy(path, w.hit, sizeof w.hit[0] * (size_t)w.nhit);
    return w.nhit;
}

bool weft__lockorder_shows(weft__exec *ex, uint64_t key)
{
    int path[MAX_LEN];
    return local_cycle(ex, key, path) > 0;
}

bool weft__lockorder_closes(weft__exec *ex)
{
    return ex->end_status == WEFT__END_OK && local_cycle(ex, 0, NULL) > 0;
}

void weft__lockorder_shrunk(weft__exec *ex, uint64_t key, const struct weft__shrink_stats *st)
{
    int path[MAX_LEN];
    int n = local_cycle(ex, key, path);
    pending *p = NULL;
    for (int i = 0; i < g->npend; i++)
        if (g->pend[i].key == key)
            p = &g->pend[i];
    if (!n || !p)
        return;
    weft__buf msg = {0}, text = {0}, json = {0};
    describe(ex, path, n, &msg);
    const char *token = token_now(ex);
    weft__finding f = {WEFT__LOCK_ORDER, msg.p, token, ex->executions, st};
    weft__report_text(ex, &f, &text);
    weft__report_json(ex, &f, &json);
    size_t m = text_put(msg.p, msg.len), t = text_put(text.p, text.len), j = text_put(json.p, json.len);
    if (m != (size_t)-1 && t != (size_t)-1 && j != (size_t)-1 && exec_token != (size_t)-1) {
        p->msg = m;
        p->text = t;
        p->json = j;
        p->token = exec_token;
    }
    weft__buf_free(&msg);
    weft__buf_free(&text);
    weft__buf_free(&json);
}

/* ---- the end of the search ------------------------------------------------- */

/* Did the search try every schedule? Then it would have met the deadlock. */
static bool covered(const weft__exec *ex, const weft__shared *sh)
{
    const char *s = ex->opt->strategy;
    return sh->stop == WEFT__EXHAUSTED && ex->opt->preemption_bound < 0 &&
           (!strcmp(s, "dfs") || !strcmp(s, "dpor"));
}

static bool reported(const weft__shared *sh, uint64_t key)
{
    for (int i = 0; i < sh->nfindings; i++)
        if (sh->keys[i] == key)
            return true;
    return false;
}

void weft__lockorder_finish(weft__exec *ex, weft__shared *sh, int mode)
{
    if (!g || mode != WEFT__CHECK || covered(ex, sh))
        return;
    int added = 0;
    for (int i = 0; i < g->npend; i++) {
        const pending *p = &g->pend[i];
        bool dead = false;
        for (int k = 0; k < g->ndead; k++)
            dead |= g->dead[k] == p->key;
        if (dead || reported(sh, p->key))
            continue;
        if ((added && !ex->opt->keep_going) || sh->nfindings == WEFT__MAX_FINDINGS)
            break;
        if (sh->text.len)
            weft__area_put(&sh->text, "\n", 1);
        weft__area_put(&sh->text, g->text + p->text, strlen(g->text + p->text));
        if (sh->json.len)
            weft__area_put(&sh->json, ", ", 2);
        weft__area_put(&sh->json, g->text + p->json, strlen(g->text + p->json));
        if (!sh->nfindings) {
            sh->first_kind = WEFT__LOCK_ORDER;
            snprintf(sh->first_message, sizeof sh->first_message, "%s", g->text + p->msg);
            snprintf(sh->first_token, sizeof sh->first_token, "%.4095s", g->text + p->token);
        }
        sh->keys[sh->nfindings++] = p->key;
        added++;
    }
}
