/*
** pipe.c: multiprocessing.Pipe. Two ends, each holding what the other sent,
** open or closed per process as descriptors are: a started process inherits
** its parent's open ends, and its copies close when it ends. A recv sees end
** of file once every copy of the other end is closed.
*/
#include <stdio.h>
#include <string.h>

#include "prim.h"

typedef struct weft_pipe {
    weft__obj obj;              /* first: every step is on this object, because a
                                   send on one end changes what the other sees */
    weft_conn *end[2];
} weft_pipe;

struct weft_conn {
    weft__obj obj;              /* first: names the end in misuse reports; its clock
                                   carries happens-before from the sender */
    weft_pipe *pipe;
    weft_conn *peer;
    bool readable, writable;
    uint64_t open_in;           /* address spaces (processes) holding it open */
    long *items;                /* sent by the peer: items[head .. head+n) */
    int head, n, cap;
};

static const weft__opdesc OP_SEND = {"send", WEFT__F_VAL};
static const weft__opdesc OP_RECV = {"recv", WEFT__F_RES};
static const weft__opdesc OP_POLL = {"poll", WEFT__F_READS | WEFT__F_RES};
static const weft__opdesc OP_POLL_TIMEOUT = {"poll_timeout", WEFT__F_READS | WEFT__F_VAL | WEFT__F_RES};
static const weft__opdesc OP_CLOSE = {"close", 0};
static const weft__opdesc OP_EXIT_CLOSE = {"close_at_exit", 0};

/* The calling thread's process, as a bit of open_in. Not for predicates. */
static uint64_t here(void)
{
    return (uint64_t)1 << weft__self()->space;
}

static bool is_open(const weft_conn *c)
{
    return c->open_in & here();
}

static weft_conn *end_new(weft_pipe *p, const char *suffix, bool readable, bool writable)
{
    char name[WEFT__NAME];
    snprintf(name, sizeof name, "%.28s.%s", p->obj.name, suffix);
    weft_conn *c = weft__obj_new(sizeof *c, WEFT__O_CONN, "conn", name);
    c->pipe = p;
    c->readable = readable;
    c->writable = writable;
    c->open_in = here();
    return c;
}

/* A blocked recv or poll: the end, and the waiting thread's address space
   (the scheduler evaluates readiness on whichever thread is running). */
typedef struct waiter {
    weft_conn *c;
    uint64_t space;
} waiter;

/* Something for recv: an item, or end of file (the peer closed in every
   process). An end closed in the waiter's process, or write-only, is "ready"
   too, so that recv reaches its misuse report instead of blocking. */
static bool recv_ready(void *arg)
{
    const waiter *w = arg;
    const weft_conn *c = w->c;
    return c->n > 0 || !c->peer->open_in || !(c->open_in & w->space) || !c->readable;
}

static void deliver(weft_conn *to, long item)
{
    if (to->head + to->n == to->cap) {
        if (to->n < to->cap / 2) {
            memmove(to->items, to->items + to->head, sizeof *to->items * (size_t)to->n);
        } else {
            int cap = to->cap ? 2 * to->cap : 8;
            long *items = weft__alloc(sizeof *items * (size_t)cap);
            if (to->n)
                memcpy(items, to->items + to->head, sizeof *items * (size_t)to->n);
            to->items = items;
            to->cap = cap;
        }
        to->head = 0;
    }
    to->items[to->head + to->n++] = item;
}

static void check_open(weft_conn *c, const char *op, const void *pc)
{
    if (!is_open(c))
        weft__misuse(c, op, "OSError: handle is closed", pc);
}

static void check_readable(weft_conn *c, const char *op, const void *pc)
{
    check_open(c, op, pc);
    if (!c->readable)
        weft__misuse(c, op, "OSError: connection is write-only", pc);
}

/* Clear this process's copy; the peer sees end of file once no copy is left. */
static void close_here(weft_conn *c)
{
    if (!is_open(c))
        return;
    c->open_in &= ~here();
    if (!c->open_in)
        weft__hb_release(c->peer);
}

/* ---- processes (process.c, pool.c) ------------------------------------------ */

/* Fork: the new address space holds open every end its parent holds open.
   Called in the parent's spawn step; it changes no end's end of file. */
void weft__conns_fork(int from_space, int to_space)
{
    weft__exec *ex = weft__ex;
    for (int i = 0; i < ex->nobjs; i++) {
        if (ex->objs[i]->kind != WEFT__O_CONN)
            continue;
        weft_conn *c = (weft_conn *)ex->objs[i];
        if (c->open_in & ((uint64_t)1 << from_space))
            c->open_in |= (uint64_t)1 << to_space;
    }
}

/* A process ends: its copies close, one step per pipe it still held. Left
   alone while another thread of the process still runs, which may use them. */
void weft__conns_exit(const void *pc)
{
    weft__exec *ex = weft__ex;
    weft__thread *self = weft__self();
    for (int i = 0; i < ex->nthreads; i++) {
        weft__thread *t = ex->threads[i];
        if (t != self && t->space == self->space && t->state == WEFT__RUN)
            return;
    }
    for (int i = 0; i < ex->nobjs; i++) {
        if (ex->objs[i]->kind != WEFT__O_PIPE)
            continue;
        weft_pipe *p = (weft_pipe *)ex->objs[i];
        if (!is_open(p->end[0]) && !is_open(p->end[1]))
            continue;
        weft__op(&OP_EXIT_CLOSE, p, 0, NULL, NULL, pc);
        close_here(p->end[0]);
        close_here(p->end[1]);
    }
}

/* ---- the model-facing API ------------------------------------------------- */

/* Pipe(duplex=False) returns (reader, writer): a only receives, b only sends. */
void weft_pipe_new(bool duplex, weft_conn **a, weft_conn **b, const char *name)
{
    weft_pipe *p = weft__obj_new(sizeof *p, WEFT__O_PIPE, "pipe", name);
    p->end[0] = end_new(p, "a", true, duplex);
    p->end[1] = end_new(p, "b", duplex, true);
    p->end[0]->peer = p->end[1];
    p->end[1]->peer = p->end[0];
    if (a)
        *a = p->end[0];
    if (b)
        *b = p->end[1];
}

/* Sends never block: the OS buffer is taken as unbounded. */
void weft_conn_send(weft_conn *c, long item)
{
    const void *pc = __builtin_return_address(0);
    weft__op(&OP_SEND, c->pipe, item, NULL, NULL, pc);
    check_open(c, "send", pc);
    if (!c->writable)
        weft__misuse(c, "send", "OSError: connection is read-only", pc);
    if (!c->peer->open_in)
        weft__misuse(c, "send", "BrokenPipeError: [Errno 32] Broken pipe", pc);
    deliver(c->peer, item);
    weft__hb_release(c->peer);
}

/* Python raises EOFError where this returns false. */
bool weft_conn_recv(weft_conn *c, long *item)
{
    const void *pc = __builtin_return_address(0);
    waiter w = {c, here()};
    weft__op(&OP_RECV, c->pipe, 0, recv_ready, &w, pc);
    check_readable(c, "recv", pc);
    weft__hb_acquire(c);
    if (c->n == 0) {
        weft__result(0);
        return false;
    }
    long v = c->items[c->head++];
    if (--c->n == 0)
        c->head = 0;
    if (item)
        *item = v;
    weft__result(v);
    return true;
}

/* True when recv would not block: an item is there, or end of file. */
bool weft_conn_poll(weft_conn *c, int ticks)
{
    const void *pc = __builtin_return_address(0);
    waiter w = {c, here()};
    if (ticks < 0)
        weft__op(&OP_POLL, c->pipe, 0, recv_ready, &w, pc);
    else        /* ticks 0 too: nothing there is no progress for a polling loop */
        weft__op_timed(ticks ? &OP_POLL_TIMEOUT : &OP_POLL, c->pipe, ticks, recv_ready, &w, pc);
    check_readable(c, "poll", pc);
    bool ok = c->n > 0 || !c->peer->open_in;
    weft__result(ok);
    return ok;
}

/* Closes the caller's process's copy; closing twice is allowed, as in Python. */
void weft_conn_close(weft_conn *c)
{
    weft__op(&OP_CLOSE, c->pipe, 0, NULL, NULL, __builtin_return_address(0));
    close_here(c);
}
