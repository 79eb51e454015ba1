/*
** pipe.c: multiprocessing.Pipe. Two connection ends; each holds the items the
** other end sent and not yet received. Every operation is a step on the pipe
** object, not on an end, because a send on one end changes what a recv or
** poll on the other sees: steps on one object are what the explorer orders.
*/
#include <stdio.h>
#include <string.h>

#include "../checker/weft_int.h"

typedef struct weft_pipe {
    weft__obj obj;              /* first: every step is on this object */
    weft_conn *end[2];
} weft_pipe;

struct weft_conn {
    weft__obj obj;              /* first: names the end in misuse reports; its clock
                                   carries happens-before from the sender */
    weft_pipe *pipe;
    weft_conn *peer;
    bool readable, writable;
    bool closed;
    long *items;                /* sent by the peer: items[head .. head+n) */
    int head, n, cap;
};

static const weft__opdesc OP_SEND = {"send", WEFT__F_VAL};
static const weft__opdesc OP_RECV = {"recv", WEFT__F_RES};
static const weft__opdesc OP_POLL = {"poll", WEFT__F_READS | WEFT__F_RES};
static const weft__opdesc OP_POLL_TIMEOUT = {"poll_timeout", WEFT__F_READS | WEFT__F_VAL | WEFT__F_RES};
static const weft__opdesc OP_CLOSE = {"close", 0};

static weft_conn *end_new(weft_pipe *p, const char *suffix, bool readable, bool writable)
{
    char name[WEFT__NAME];
    snprintf(name, sizeof name, "%.28s.%s", p->obj.name, suffix);
    weft_conn *c = weft__obj_new(sizeof *c, WEFT__O_CONN, "conn", name);
    c->pipe = p;
    c->readable = readable;
    c->writable = writable;
    return c;
}

/* Something for recv: an item, or end of file (the peer closed). A closed or
   write-only end is "ready" too, so that recv reaches its misuse report
   instead of blocking. */
static bool recv_ready(void *arg)
{
    weft_conn *c = arg;
    return c->n > 0 || c->peer->closed || c->closed || !c->readable;
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
    if (c->closed)
        weft__misuse(c, op, "OSError: handle is closed", pc);
}

static void check_readable(weft_conn *c, const char *op, const void *pc)
{
    check_open(c, op, pc);
    if (!c->readable)
        weft__misuse(c, op, "OSError: connection is write-only", pc);
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
    if (c->peer->closed)
        weft__misuse(c, "send", "BrokenPipeError: [Errno 32] Broken pipe", pc);
    deliver(c->peer, item);
    weft__hb_release(c->peer);
}

/* Python raises EOFError where this returns false. */
bool weft_conn_recv(weft_conn *c, long *item)
{
    const void *pc = __builtin_return_address(0);
    weft__op(&OP_RECV, c->pipe, 0, recv_ready, c, pc);
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
    if (ticks == 0)
        weft__op(&OP_POLL, c->pipe, 0, NULL, NULL, pc);
    else if (ticks < 0)
        weft__op(&OP_POLL, c->pipe, 0, recv_ready, c, pc);
    else
        weft__op_timed(&OP_POLL_TIMEOUT, c->pipe, ticks, recv_ready, c, pc);
    check_readable(c, "poll", pc);
    bool ok = c->n > 0 || c->peer->closed;
    weft__result(ok);
    return ok;
}

/* Closing twice is allowed, as in Python. The peer's recv sees end of file
   once it has taken what was sent before. weft's ends are shared objects, not
   per-process copies of a handle: one close ends the writing side for all. */
void weft_conn_close(weft_conn *c)
{
    weft__op(&OP_CLOSE, c->pipe, 0, NULL, NULL, __builtin_return_address(0));
    if (!c->closed)
        weft__hb_release(c->peer);
    c->closed = true;
}
