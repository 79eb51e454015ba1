/*
** queue.c: queue.Queue, LifoQueue, PriorityQueue and SimpleQueue. One object
** holds the items (longs) and the count of unfinished tasks; every operation
** is one visible step on it, so a put and a get never interleave inside.
** Which of several blocked getters receives an item is left to the schedule.
*/
#include <string.h>

#include "../checker/weft_int.h"

enum { FIFO, LIFO, PRIO, SIMPLE };

struct weft_queue {
    weft__obj obj;              /* first; obj.units: n, what a get waits for */
    int kind;                   /* FIFO, LIFO, PRIO or SIMPLE */
    int maxsize;                /* <= 0: unbounded */
    long *items;                /* items[head .. head+n), in put order */
    int head, n, cap;
    int unfinished;             /* items put and not yet task_done'd */
};

static const weft__opdesc OP_PUT = {"put", WEFT__F_VAL};
static const weft__opdesc OP_PUT_NOWAIT = {"put_nowait", WEFT__F_VAL | WEFT__F_RES};
static const weft__opdesc OP_PUT_TIMEOUT = {"put_timeout", WEFT__F_VAL | WEFT__F_RES};
static const weft__opdesc OP_GET = {"get", WEFT__F_RES | WEFT__F_UNITS};
static const weft__opdesc OP_GET_NOWAIT = {"get_nowait", WEFT__F_RES};
static const weft__opdesc OP_GET_TIMEOUT = {"get_timeout", WEFT__F_VAL | WEFT__F_RES};
static const weft__opdesc OP_QSIZE = {"qsize", WEFT__F_READS | WEFT__F_RES};
static const weft__opdesc OP_EMPTY = {"empty", WEFT__F_READS | WEFT__F_RES};
static const weft__opdesc OP_FULL = {"full", WEFT__F_READS | WEFT__F_RES};
static const weft__opdesc OP_TASK_DONE = {"task_done", 0};
static const weft__opdesc OP_JOIN = {"join", WEFT__F_READS};

static weft_queue *make(int kind, int maxsize, const char *kname, const char *name)
{
    weft_queue *q = weft__obj_new(sizeof *q, WEFT__O_QUEUE, kname, name);
    q->kind = kind;
    q->maxsize = kind == SIMPLE ? 0 : maxsize;
    return q;
}

/* Python's full(): 0 < maxsize <= qsize(). */
static bool is_full(const weft_queue *q)
{
    return q->maxsize > 0 && q->n >= q->maxsize;
}

static bool can_put(void *arg)
{
    return !is_full(arg);
}

static bool can_get(void *arg)
{
    return ((weft_queue *)arg)->n > 0;
}

static bool all_done(void *arg)
{
    return ((weft_queue *)arg)->unfinished == 0;
}

/* Append, growing the buffer (arena memory is never freed: a bigger one is
   allocated and the live items moved to its start). */
static void push(weft_queue *q, long item)
{
    if (q->head + q->n == q->cap) {
        if (q->n < q->cap / 2) {
            memmove(q->items, q->items + q->head, sizeof *q->items * (size_t)q->n);
        } else {
            int cap = q->cap ? 2 * q->cap : 8;
            long *items = weft__alloc(sizeof *items * (size_t)cap);
            if (q->n)
                memcpy(items, q->items + q->head, sizeof *items * (size_t)q->n);
            q->items = items;
            q->cap = cap;
        }
        q->head = 0;
    }
    q->items[q->head + q->n++] = item;
    q->obj.units = q->n;
    q->unfinished++;
    weft__hb_release(q);
}

/* Remove the next item in the queue's order. PriorityQueue scans for the
   smallest: O(n), fine for the handful of items a model holds. Equal longs
   are indistinguishable, so heapq's tie order does not matter. */
static long pop(weft_queue *q)
{
    WEFT_ASSERT(q->n > 0);
    long *it = q->items + q->head;
    long v;
    switch (q->kind) {
    case LIFO:
        v = it[q->n - 1];
        break;
    case PRIO: {
        int m = 0;
        for (int i = 1; i < q->n; i++)
            if (it[i] < it[m])
                m = i;
        v = it[m];
        memmove(it + 1, it, sizeof *it * (size_t)m);
        q->head++;
        break;
    }
    default:                    /* FIFO, SIMPLE */
        v = it[0];
        q->head++;
        break;
    }
    q->n--;
    q->obj.units = q->n;
    if (q->n == 0)
        q->head = 0;
    weft__hb_acquire(q);
    return v;
}

static void no_attr(weft_queue *q, const char *op, const char *pyerr, const void *pc)
{
    if (q->kind == SIMPLE)
        weft__misuse(q, op, pyerr, pc);
}

/* ---- the model-facing API ------------------------------------------------- */

weft_queue *weft_queue_new(int maxsize, const char *name)
{
    return make(FIFO, maxsize, "queue", name);
}

weft_queue *weft_lifoqueue_new(int maxsize, const char *name)
{
    return make(LIFO, maxsize, "lifoqueue", name);
}

weft_queue *weft_priorityqueue_new(int maxsize, const char *name)
{
    return make(PRIO, maxsize, "priorityqueue", name);
}

weft_queue *weft_simplequeue_new(const char *name)
{
    return make(SIMPLE, 0, "simplequeue", name);
}

void weft_queue_put(weft_queue *q, long item)
{
    const void *pc = __builtin_return_address(0);
    weft__op(&OP_PUT, q, item, can_put, q, pc);
    push(q, item);
}

/* The non-blocking forms are timed steps that time out at once when they
   cannot proceed: a failed attempt is no progress, so a retry loop lets the
   other threads run first (the scheduler's fairness), as lock.c's do. */
static bool put_nowait(weft_queue *q, long item, const void *pc)
{
    bool ok = weft__op_timed(&OP_PUT_NOWAIT, q, item, can_put, q, pc);
    if (ok)
        push(q, item);
    weft__result(ok);
    return ok;
}

bool weft_queue_put_nowait(weft_queue *q, long item)
{
    return put_nowait(q, item, __builtin_return_address(0));
}

bool weft_queue_put_timeout(weft_queue *q, long item, int ticks)
{
    const void *pc = __builtin_return_address(0);
    if (ticks == 0)
        return put_nowait(q, item, pc);
    if (ticks < 0) {
        weft__op(&OP_PUT, q, item, can_put, q, pc);
        push(q, item);
        return true;
    }
    bool ok = weft__op_timed(&OP_PUT_TIMEOUT, q, item, can_put, q, pc);
    if (ok)
        push(q, item);
    weft__result(ok);
    return ok;
}

long weft_queue_get(weft_queue *q)
{
    const void *pc = __builtin_return_address(0);
    weft__op(&OP_GET, q, 0, can_get, q, pc);
    long v = pop(q);
    weft__result(v);
    return v;
}

/* The bool-returning forms list their result as 1 (got an item) or 0 (Empty),
   like the C call returns; the blocking get lists the item itself. */
static bool get_nowait(weft_queue *q, long *item, const void *pc)
{
    bool ok = weft__op_timed(&OP_GET_NOWAIT, q, 0, can_get, q, pc);
    if (ok) {
        long v = pop(q);
        if (item)
            *item = v;
    }
    weft__result(ok);
    return ok;
}

bool weft_queue_get_nowait(weft_queue *q, long *item)
{
    return get_nowait(q, item, __builtin_return_address(0));
}

bool weft_queue_get_timeout(weft_queue *q, long *item, int ticks)
{
    const void *pc = __builtin_return_address(0);
    if (ticks == 0)
        return get_nowait(q, item, pc);
    if (ticks < 0) {
        weft__op(&OP_GET, q, 0, can_get, q, pc);
        long v = pop(q);
        weft__result(v);
        if (item)
            *item = v;
        return true;
    }
    bool ok = weft__op_timed(&OP_GET_TIMEOUT, q, ticks, can_get, q, pc);
    if (ok) {
        long v = pop(q);
        if (item)
            *item = v;
    }
    weft__result(ok);
    return ok;
}

int weft_queue_qsize(weft_queue *q)
{
    weft__op(&OP_QSIZE, q, 0, NULL, NULL, __builtin_return_address(0));
    weft__result(q->n);
    return q->n;
}

bool weft_queue_empty(weft_queue *q)
{
    weft__op(&OP_EMPTY, q, 0, NULL, NULL, __builtin_return_address(0));
    weft__result(q->n == 0);
    return q->n == 0;
}

bool weft_queue_full(weft_queue *q)
{
    const void *pc = __builtin_return_address(0);
    weft__op(&OP_FULL, q, 0, NULL, NULL, pc);
    no_attr(q, "full", "AttributeError: 'SimpleQueue' object has no attribute 'full'", pc);
    weft__result(is_full(q));
    return is_full(q);
}

/* task_done publishes the consumer's work to whoever returns from join. */
void weft_queue_task_done(weft_queue *q)
{
    const void *pc = __builtin_return_address(0);
    weft__op(&OP_TASK_DONE, q, 0, NULL, NULL, pc);
    no_attr(q, "task_done",
            "AttributeError: 'SimpleQueue' object has no attribute 'task_done'", pc);
    if (q->unfinished <= 0)
        weft__misuse(q, "task_done", "ValueError: task_done() called too many times", pc);
    q->unfinished--;
    weft__hb_release(q);
}

/* SimpleQueue has no join: misuse at once, rather than blocking on a count
   that a SimpleQueue never decreases. */
void weft_queue_join(weft_queue *q)
{
    const void *pc = __builtin_return_address(0);
    if (q->kind == SIMPLE) {
        weft__op(&OP_JOIN, q, 0, NULL, NULL, pc);
        weft__misuse(q, "join", "AttributeError: 'SimpleQueue' object has no attribute 'join'", pc);
    }
    weft__op(&OP_JOIN, q, 0, all_done, q, pc);
    weft__hb_acquire(q);
}
