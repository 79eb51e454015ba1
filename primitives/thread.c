/*
** thread.c: threading.Thread's join, is_alive, name, daemon and id (spawn,
** self, yield and sleep are the scheduler's). join waits on the thread
** object until it is DONE; names, ids and the daemon flag are not steps.
*/
#include <stdio.h>

#include "../checker/weft_int.h"

static const weft__opdesc OP_JOIN = {"join", WEFT__F_READS | WEFT__F_JOIN};
static const weft__opdesc OP_JOIN_TIMED = {"join_timeout", WEFT__F_READS | WEFT__F_RES | WEFT__F_JOIN};
static const weft__opdesc OP_IS_ALIVE = {"is_alive", WEFT__F_READS | WEFT__F_RES};

static bool finished(void *a)
{
    return ((weft__thread *)a)->state == WEFT__DONE;
}

/* Joining oneself would wait forever; Python refuses it with an error. */
static void join_self(weft__thread *t, const weft__opdesc *op, const void *pc)
{
    if (t != weft__self())
        return;
    weft__op(op, t, 0, NULL, NULL, pc);
    if (op == &OP_JOIN)
        weft__fail(WEFT__DEADLOCK, pc,
                   "%s joins itself: it would wait forever "
                   "(Python: RuntimeError: cannot join current thread)",
                   weft__thread_name(t));
    weft__misuse(t, op->verb, "RuntimeError: cannot join current thread", pc);
}

void weft_join(weft_thread *pt)
{
    const void *pc = __builtin_return_address(0);
    weft__thread *t = (weft__thread *)pt;
    join_self(t, &OP_JOIN, pc);
    weft__op(&OP_JOIN, t, 0, finished, t, pc);
    weft__hb_acquire(t);
}

/* Python's join(timeout) returns None and the caller asks is_alive(); here
   the answer comes back directly: false if t is still running. */
bool weft_join_timeout(weft_thread *pt, int ticks)
{
    const void *pc = __builtin_return_address(0);
    weft__thread *t = (weft__thread *)pt;
    join_self(t, &OP_JOIN_TIMED, pc);
    bool done;
    if (ticks < 0) {
        weft__op(&OP_JOIN_TIMED, t, ticks, finished, t, pc);
        done = true;
    } else {
        /* ticks 0 too: a step that times out at once is no progress */
        done = weft__op_timed(&OP_JOIN_TIMED, t, ticks, finished, t, pc);
    }
    weft__result(done);
    if (done)
        weft__hb_acquire(t);
    return done;
}

bool weft_thread_is_alive(weft_thread *pt)
{
    weft__thread *t = (weft__thread *)pt;
    weft__op(&OP_IS_ALIVE, t, 0, NULL, NULL, __builtin_return_address(0));
    bool alive = !finished(t);
    weft__result(alive);
    if (!alive)
        weft__hb_acquire(t);
    return alive;
}

const char *weft_thread_name(weft_thread *pt)
{
    return weft__thread_name((weft__thread *)pt);
}

void weft_thread_set_name(weft_thread *pt, const char *name)
{
    weft__thread *t = (weft__thread *)pt;
    snprintf(t->obj.name, sizeof t->obj.name, "%s", name ? name : "");
}

/* ex->live_nondaemon counts running non-daemon threads: what decides, when
   no thread is enabled, between a deadlock and the end of the program. */
void weft_thread_set_daemon(weft_thread *pt, bool daemon)
{
    weft__thread *t = (weft__thread *)pt;
    if (t->daemon == daemon)
        return;
    t->daemon = daemon;
    if (t->state != WEFT__DONE)
        weft__ex->live_nondaemon += daemon ? -1 : 1;
    weft__rare_update(weft__ex);
}

bool weft_thread_daemon(weft_thread *pt)
{
    return ((weft__thread *)pt)->daemon;
}

int weft_thread_id(weft_thread *pt)
{
    return ((weft__thread *)pt)->id;
}
