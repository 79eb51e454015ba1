/*
** future.c: concurrent.futures.Future (and Pool.apply_async's AsyncResult),
** as_completed and wait. A future's steps are steps on the pool or executor
** that runs it, so that completions which as_completed and wait tell apart
** are steps on one object, ordered against each other by the explorer.
*/
#include "prim.h"

enum { PENDING, RUNNING, CANCELLED, FINISHED };

struct weft_future {
    weft__obj obj;              /* first: its name for reports; its clock carries the
                                   task's writes to whoever takes the result */
    weft__obj *owner;           /* the pool or executor: every step is on it */
    bool async_result;          /* Pool's AsyncResult: no cancel, cancelled, running */
    int state;                  /* PENDING -> RUNNING -> FINISHED, or PENDING -> CANCELLED */
    bool notified;              /* CANCELLED_AND_NOTIFIED: a worker has dropped it */
    long result;
    long stamp;                 /* the step that completed it: as_completed's order */
};

struct weft_as_completed {
    weft_future **fs;           /* distinct futures, in the caller's order */
    bool *taken;
    int n, left;
};

static const weft__opdesc OP_RESULT = {"result", WEFT__F_READS | WEFT__F_RES};
static const weft__opdesc OP_RESULT_TIMEOUT = {"result_timeout", WEFT__F_READS | WEFT__F_VAL | WEFT__F_RES};
static const weft__opdesc OP_DONE = {"done", WEFT__F_READS | WEFT__F_RES};
static const weft__opdesc OP_CANCEL = {"cancel", WEFT__F_RES};
static const weft__opdesc OP_CANCELLED = {"cancelled", WEFT__F_READS | WEFT__F_RES};
static const weft__opdesc OP_RUNNING = {"running", WEFT__F_READS | WEFT__F_RES};
static const weft__opdesc OP_NEXT = {"as_completed", WEFT__F_READS | WEFT__F_RES};
static const weft__opdesc OP_WAIT = {"wait", WEFT__F_READS | WEFT__F_VAL | WEFT__F_RES};

/* ---- the workers' side (pool.c) ----------------------------------------------- */

weft_future *weft__future_new(weft__obj *owner, bool async_result)
{
    weft_future *f = weft__obj_new(sizeof *f, WEFT__O_FUTURE, "future", NULL);
    f->owner = owner;
    f->async_result = async_result;
    return f;
}

/* In the worker's step that dequeued f: set_running_or_notify_cancel. False:
   f was cancelled, and now counts as done for as_completed and wait. */
bool weft__future_take(weft_future *f)
{
    if (f->state == CANCELLED) {
        f->notified = true;
        f->stamp = weft__ex->nevents;
        return false;
    }
    WEFT_ASSERT(f->state == PENDING);
    f->state = RUNNING;
    return true;
}

/* In the worker's step that finished f's call. */
void weft__future_finish(weft_future *f, long result)
{
    WEFT_ASSERT(f->state == RUNNING);
    f->state = FINISHED;
    f->result = result;
    f->stamp = weft__ex->nevents;
    weft__hb_release(f);
}

/* ---- predicates ------------------------------------------------------------------ */

/* result() returns (or raises CancelledError) once finished or cancelled. */
static bool settled(void *arg)
{
    weft_future *f = arg;
    return f->state == FINISHED || f->state == CANCELLED;
}

/* as_completed and wait count a cancelled future only once a worker has
   dropped it (CANCELLED_AND_NOTIFIED), as Python's waiters do. */
static bool completed(const weft_future *f)
{
    return f->state == FINISHED || (f->state == CANCELLED && f->notified);
}

static void no_attr(weft_future *f, const char *op, const char *pyerr, const void *pc)
{
    if (f->async_result)
        weft__misuse(f, op, pyerr, pc);
}

static long take_result(weft_future *f, const void *pc)
{
    if (f->state == CANCELLED)
        weft__misuse(f, "result", "concurrent.futures.CancelledError", pc);
    weft__hb_acquire(f);
    return f->result;
}

/* ---- Future ------------------------------------------------------------------------ */

long weft_future_result(weft_future *f)
{
    const void *pc = __builtin_return_address(0);
    weft__op(&OP_RESULT, f->owner, 0, settled, f, pc);
    long r = take_result(f, pc);
    weft__result(r);
    return r;
}

/* false: Python's TimeoutError (multiprocessing.TimeoutError for a Pool's). */
bool weft_future_result_timeout(weft_future *f, long *out, int ticks)
{
    const void *pc = __builtin_return_address(0);
    bool ok;
    if (ticks < 0) {
        weft__op(&OP_RESULT, f->owner, 0, settled, f, pc);
        ok = true;
    } else {    /* ticks 0 too: a step that times out at once is no progress */
        ok = weft__op_timed(&OP_RESULT_TIMEOUT, f->owner, ticks, settled, f, pc);
    }
    if (ok) {
        long r = take_result(f, pc);
        if (out)
            *out = r;
    }
    weft__result(ok);
    return ok;
}

bool weft_future_done(weft_future *f)
{
    weft__op(&OP_DONE, f->owner, 0, NULL, NULL, __builtin_return_address(0));
    bool done = settled(f);
    if (done)
        weft__hb_acquire(f);
    weft__result(done);
    return done;
}

bool weft_future_cancel(weft_future *f)
{
    const void *pc = __builtin_return_address(0);
    weft__op(&OP_CANCEL, f->owner, 0, NULL, NULL, pc);
    no_attr(f, "cancel", "AttributeError: 'AsyncResult' object has no attribute 'cancel'", pc);
    bool ok = f->state == PENDING || f->state == CANCELLED;
    if (f->state == PENDING)
        f->state = CANCELLED;
    weft__result(ok);
    return ok;
}

bool weft_future_cancelled(weft_future *f)
{
    const void *pc = __builtin_return_address(0);
    weft__op(&OP_CANCELLED, f->owner, 0, NULL, NULL, pc);
    no_attr(f, "cancelled", "AttributeError: 'AsyncResult' object has no attribute 'cancelled'", pc);
    weft__result(f->state == CANCELLED);
    return f->state == CANCELLED;
}

bool weft_future_running(weft_future *f)
{
    const void *pc = __builtin_return_address(0);
    weft__op(&OP_RUNNING, f->owner, 0, NULL, NULL, pc);
    no_attr(f, "running", "AttributeError: 'AsyncResult' object has no attribute 'running'", pc);
    weft__result(f->state == RUNNING);
    return f->state == RUNNING;
}

/* ---- as_completed and wait -----------------------------------------------------------
   Both read several futures in one step. That step is on the owner of the
   first future: exact when all come from one pool or executor (the usual
   case); futures of other owners are read without ordering their steps
   against this one. */

/* Python takes set(fs): each future once, in the caller's order here. */
static int distinct(weft_future **fs, int n, weft_future **out)
{
    int m = 0;
    for (int i = 0; i < n; i++) {
        bool seen = false;
        for (int j = 0; j < m && !seen; j++)
            seen = out[j] == fs[i];
        if (!seen && fs[i])
            out[m++] = fs[i];
    }
    return m;
}

weft_as_completed *weft_as_completed_new(weft_future **fs, int n)
{
    weft_as_completed *it = weft__alloc(sizeof *it);
    n = n > 0 ? n : 0;
    it->fs = weft__alloc(sizeof *it->fs * (size_t)(n ? n : 1));
    it->taken = weft__alloc(sizeof *it->taken * (size_t)(n ? n : 1));
    it->n = it->left = distinct(fs, n, it->fs);
    return it;
}

static bool one_more(void *arg)
{
    weft_as_completed *it = arg;
    for (int i = 0; i < it->n; i++)
        if (!it->taken[i] && completed(it->fs[i]))
            return true;
    return false;
}

/* The earliest completed of those not yet returned: futures already done
   when as_completed was called come first, the rest in completion order. The
   listing shows the future's index in fs (after duplicates are dropped). */
weft_future *weft_as_completed_next(weft_as_completed *it)
{
    if (it->left == 0)
        return NULL;
    int first = 0;
    while (it->taken[first])
        first++;
    weft__op(&OP_NEXT, it->fs[first]->owner, 0, one_more, it, __builtin_return_address(0));
    int best = -1;
    for (int i = 0; i < it->n; i++)
        if (!it->taken[i] && completed(it->fs[i]) &&
            (best < 0 || it->fs[i]->stamp < it->fs[best]->stamp))
            best = i;
    WEFT_ASSERT(best >= 0);
    it->taken[best] = true;
    it->left--;
    weft__hb_acquire(it->fs[best]);
    weft__result(best);
    return it->fs[best];
}

typedef struct waitfor {
    weft_future **fs;
    int n;
    int return_when;
} waitfor;

static int count_completed(const waitfor *w)
{
    int k = 0;
    for (int i = 0; i < w->n; i++)
        k += completed(w->fs[i]);
    return k;
}

static bool wait_ready(void *arg)
{
    waitfor *w = arg;
    int k = count_completed(w);
    return k == w->n || (w->return_when == WEFT_FIRST_COMPLETED && k > 0);
}

/* done[] and pending[] keep the caller's order (Python returns sets). An
   unknown return_when is an error only when the call would have to wait, as
   in Python, which checks it when it installs its waiter. */
int weft_futures_wait(weft_future **fs, int n, int return_when, int ticks,
                      weft_future **done, weft_future **pending, int *npending)
{
    const void *pc = __builtin_return_address(0);
    waitfor w = {weft__alloc(sizeof *fs * (size_t)(n > 0 ? n : 1)), 0, return_when};
    w.n = distinct(fs, n > 0 ? n : 0, w.fs);
    if (npending)
        *npending = 0;
    if (w.n == 0)
        return 0;
    void *owner = w.fs[0]->owner;
    bool valid = return_when == WEFT_FIRST_COMPLETED || return_when == WEFT_ALL_COMPLETED;
    if (!valid)
        weft__op(&OP_WAIT, owner, ticks, NULL, NULL, pc);
    else if (ticks < 0)
        weft__op(&OP_WAIT, owner, ticks, wait_ready, &w, pc);
    else        /* ticks 0 too: a step that times out at once is no progress */
        weft__op_timed(&OP_WAIT, owner, ticks, wait_ready, &w, pc);
    if (!valid && count_completed(&w) < w.n)
        weft__misuse(w.fs[0], "wait", "ValueError: Invalid return condition", pc);
    int nd = 0, np = 0;
    for (int i = 0; i < w.n; i++) {
        if (completed(w.fs[i])) {
            weft__hb_acquire(w.fs[i]);
            if (done)
                done[nd] = w.fs[i];
            nd++;
        } else {
            if (pending)
                pending[np] = w.fs[i];
            np++;
        }
    }
    if (npending)
        *npending = np;
    weft__result(nd);
    return nd;
}
