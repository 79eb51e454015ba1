/*
** pool.c: multiprocessing.Pool and concurrent.futures.ThreadPoolExecutor.
** Both are a task queue and daemon worker threads that take tasks from it
** until the owner is closed and the queue is drained; Pool's workers are
** processes (each its own copy of the globals), the Executor's are threads.
*/
#include <stdio.h>
#include <string.h>

#include "prim.h"

/* One Pool.map call: its inputs and results, in arena memory, which every
   address space sees (a worker process cannot write the caller's out[]). */
typedef struct mapjob {
    weft__obj hb;               /* not a registered object: only its clock is used */
    long *in, *out;
    int left;                   /* chunks not finished yet */
} mapjob;

typedef struct task {
    weft__obj hb;               /* carries the submitter's writes to the worker */
    struct task *next;
    long (*fn)(long);
    long arg;                   /* apply_async, submit */
    weft_future *f;             /* apply_async, submit: where the result goes */
    mapjob *job;                /* map: items lo..hi-1 of this call */
    int lo, hi;
    const void *pc;             /* the model's call that made the task */
} task;

/* What Pool and Executor share. Every step on it is a step on owner. */
typedef struct workers {
    weft__obj *owner;
    bool processes;             /* Pool: workers get their own globals */
    task *head, *tail;          /* FIFO, as Python's SimpleQueue of tasks */
    int ntasks;
    bool closed;                /* Pool.close, Executor.shutdown */
    weft__thread **thr;         /* started workers, at most max */
    int nthr, max;
    const void *pc;             /* where the owner was made: the workers' steps show it */
} workers;

struct weft_pool {
    weft__obj obj;              /* first */
    workers w;
};

struct weft_executor {
    weft__obj obj;              /* first */
    workers w;
};

static const weft__opdesc OP_TAKE = {"take", WEFT__F_UNITS};
static const weft__opdesc OP_FINISH = {"finish", WEFT__F_RES};
static const weft__opdesc OP_FINISH_MAP = {"finish_map", WEFT__F_VAL};
static const weft__opdesc OP_APPLY = {"apply_async", WEFT__F_VAL};
static const weft__opdesc OP_MAP = {"map", WEFT__F_VAL};
static const weft__opdesc OP_MAP_WAIT = {"map_wait", WEFT__F_READS};
static const weft__opdesc OP_CLOSE = {"close", 0};
static const weft__opdesc OP_POOL_JOIN = {"join", WEFT__F_READS};
static const weft__opdesc OP_SUBMIT = {"submit", WEFT__F_VAL};
static const weft__opdesc OP_SHUTDOWN = {"shutdown", WEFT__F_VAL};
static const weft__opdesc OP_JOIN_WORKER = {"join", WEFT__F_READS | WEFT__F_JOIN};

/* ---- the workers ------------------------------------------------------------ */

static bool has_work(void *arg)
{
    workers *w = arg;
    return w->ntasks > 0 || w->closed;
}

/* The owner's units are above 0 exactly when has_work holds (for DPOR:
   WEFT__F_UNITS); called wherever ntasks or closed change. */
static void count_units(workers *w)
{
    w->owner->units = w->ntasks + w->closed;
}

static task *dequeue(workers *w)
{
    task *k = w->head;
    w->head = k->next;
    if (!w->head)
        w->tail = NULL;
    w->ntasks--;
    count_units(w);
    return k;
}

static void enqueue(workers *w, task *k)
{
    if (w->tail)
        w->tail->next = k;
    else
        w->head = k;
    w->tail = k;
    w->ntasks++;
    count_units(w);
    weft__hb_release(k);
}

/* A worker's life: take a task (a step on the owner), run the model's
   function (its own steps), report the result (a step on the owner). Tasks
   still queued at close are run: only an empty, closed queue ends it. */
static void serve(void *arg)
{
    workers *w = arg;
    for (;;) {
        weft__op(&OP_TAKE, w->owner, 0, has_work, w, w->pc);
        if (w->ntasks == 0) {
            if (w->processes)
                weft__conns_exit(NULL);
            return;
        }
        task *k = dequeue(w);
        if (k->f && !weft__future_take(k->f))
            continue;                       /* cancelled before it started */
        weft__hb_acquire(k);
        if (k->f) {
            long r = k->fn(k->arg);
            weft__op(&OP_FINISH, w->owner, 0, NULL, NULL, k->pc);
            weft__future_finish(k->f, r);
            weft__result(r);
        } else {
            mapjob *job = k->job;
            for (int i = k->lo; i < k->hi; i++)
                job->out[i] = k->fn(job->in[i]);
            weft__op(&OP_FINISH_MAP, w->owner, k->lo, NULL, NULL, k->pc);
            job->left--;
            weft__hb_release(job);
        }
    }
}

/* Workers are daemon: idle ones blocked in take when the model ends are not
   a deadlock. Python's pool processes are daemon too; its executor threads
   are joined at interpreter exit after running what is still queued, which
   weft does not do: a model that wants that calls shutdown(wait). */
static void start_worker(workers *w, const void *pc)
{
    char name[WEFT__NAME + 16];
    snprintf(name, sizeof name, "%.24s.w%d", w->owner->name, w->nthr + 1);
    int parent = weft__self()->space;
    weft__thread *t = weft__spawn(serve, w, NULL, name, w->processes, pc);
    if (w->processes)
        weft__conns_fork(parent, t->space);
    if (!t->daemon) {
        t->daemon = true;
        weft__ex->live_nondaemon--;
        weft__rare_update(weft__ex);
    }
    w->thr[w->nthr++] = t;
}

static bool thread_done(void *arg)
{
    return ((weft__thread *)arg)->state == WEFT__DONE;
}

/* Python joins its workers one by one; so does this, a step on each thread
   (whose exit step is what the join waits for). */
static void join_workers(workers *w, const void *pc)
{
    for (int i = 0; i < w->nthr; i++) {
        weft__thread *t = w->thr[i];
        weft__op(&OP_JOIN_WORKER, t, 0, thread_done, t, pc);
        weft__hb_acquire(t);
    }
}

static task *task_new(long (*fn)(long), const void *pc)
{
    task *k = weft__alloc(sizeof *k);
    k->fn = fn;
    k->pc = pc;
    return k;
}

static void init(workers *w, weft__obj *owner, int max, bool processes, const void *pc)
{
    w->owner = owner;
    w->max = max;
    w->processes = processes;
    w->pc = pc;
    w->thr = weft__alloc(sizeof *w->thr * (size_t)(max > 0 ? max : 1));
}

/* ---- Pool --------------------------------------------------------------------- */

/* All workers start at once, each a copy of the creator's globals then. */
weft_pool *weft_pool_new(int nworkers, const char *name)
{
    const void *pc = __builtin_return_address(0);
    weft_pool *p = weft__obj_new(sizeof *p, WEFT__O_POOL, "pool", name);
    if (nworkers < 1)
        weft__misuse(p, "Pool", "ValueError: Number of processes must be at least 1", pc);
    init(&p->w, &p->obj, nworkers, true, pc);
    for (int i = 0; i < nworkers; i++)
        start_worker(&p->w, pc);
    return p;
}

static void check_running(weft_pool *p, const char *op, const void *pc)
{
    if (p->w.closed)
        weft__misuse(p, op, "ValueError: Pool not running", pc);
}

weft_future *weft_pool_apply_async(weft_pool *p, long (*fn)(long), long arg)
{
    const void *pc = __builtin_return_address(0);
    weft__op(&OP_APPLY, p, arg, NULL, NULL, pc);
    check_running(p, "apply_async", pc);
    task *k = task_new(fn, pc);
    k->arg = arg;
    k->f = weft__future_new(&p->obj, true);
    enqueue(&p->w, k);
    return k->f;
}

static bool job_done(void *arg)
{
    return ((mapjob *)arg)->left == 0;
}

/* map = map_async(...).get(): one step queues every chunk, one step waits
   for the last. Chunks are sized as Python sizes them (n / (4 * workers),
   rounded up), so small maps send one item per task. */
void weft_pool_map(weft_pool *p, long (*fn)(long), const long *in, long *out, int n)
{
    const void *pc = __builtin_return_address(0);
    weft__op(&OP_MAP, p, n, NULL, NULL, pc);
    check_running(p, "map", pc);
    if (n <= 0)
        return;
    mapjob *job = weft__alloc(sizeof *job);
    job->in = weft__alloc(sizeof *job->in * (size_t)n);
    job->out = weft__alloc(sizeof *job->out * (size_t)n);
    memcpy(job->in, in, sizeof *in * (size_t)n);
    int chunk = (n + 4 * p->w.max - 1) / (4 * p->w.max);
    for (int lo = 0; lo < n; lo += chunk) {
        task *k = task_new(fn, pc);
        k->job = job;
        k->lo = lo;
        k->hi = lo + chunk < n ? lo + chunk : n;
        job->left++;
        enqueue(&p->w, k);
    }
    weft__op(&OP_MAP_WAIT, p, 0, job_done, job, pc);
    weft__hb_acquire(job);
    memcpy(out, job->out, sizeof *out * (size_t)n);
}

void weft_pool_close(weft_pool *p)
{
    weft__op(&OP_CLOSE, p, 0, NULL, NULL, __builtin_return_address(0));
    p->w.closed = true;
    count_units(&p->w);
}

void weft_pool_join(weft_pool *p)
{
    const void *pc = __builtin_return_address(0);
    weft__op(&OP_POOL_JOIN, p, 0, NULL, NULL, pc);
    if (!p->w.closed)
        weft__misuse(p, "join", "ValueError: Pool is still running", pc);
    join_workers(&p->w, pc);
}

/* ---- Executor ------------------------------------------------------------------ */

weft_executor *weft_executor_new(int max_workers, const char *name)
{
    const void *pc = __builtin_return_address(0);
    weft_executor *e = weft__obj_new(sizeof *e, WEFT__O_EXECUTOR, "executor", name);
    if (max_workers < 1)
        weft__misuse(e, "ThreadPoolExecutor", "ValueError: max_workers must be greater than 0", pc);
    init(&e->w, &e->obj, max_workers, false, pc);
    return e;
}

/* A new worker thread per submit until max_workers run, as Python 3.7 did
   (3.8 first reuses an idle one): the worker count is then a function of the
   submits alone, not of which worker happened to be idle. */
weft_future *weft_executor_submit(weft_executor *e, long (*fn)(long), long arg)
{
    const void *pc = __builtin_return_address(0);
    weft__op(&OP_SUBMIT, e, arg, NULL, NULL, pc);
    if (e->w.closed)
        weft__misuse(e, "submit", "RuntimeError: cannot schedule new futures after shutdown", pc);
    task *k = task_new(fn, pc);
    k->arg = arg;
    k->f = weft__future_new(&e->obj, false);
    enqueue(&e->w, k);
    if (e->w.nthr < e->w.max)
        start_worker(&e->w, pc);
    return k->f;
}

/* Queued tasks still run after shutdown (Python drains the queue before its
   workers see the end); wait joins the workers, so it returns after them. */
void weft_executor_shutdown(weft_executor *e, bool wait)
{
    const void *pc = __builtin_return_address(0);
    weft__op(&OP_SHUTDOWN, e, wait, NULL, NULL, pc);
    e->w.closed = true;
    count_units(&e->w);
    if (wait)
        join_workers(&e->w, pc);
}
