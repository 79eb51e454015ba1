/*
** barrier.c: threading.Barrier as CPython's state machine: filling, draining
** (the next phase waits until this one's waiters have left), resetting,
** broken. The action runs under the barrier's lock: other calls wait for it.
*/
#include "../checker/weft_int.h"

enum { FILLING, DRAINING, RESETTING, BROKEN };

struct weft_barrier {
    weft__obj obj;              /* obj.holder: the thread running the action */
    int parties;
    int timeout;                /* default for wait; WEFT_FOREVER: none */
    void (*action)(void);
    int state;
    int count;                  /* threads between arrival and leaving wait */
};

static const weft__opdesc OP_WAIT = {"wait", WEFT__F_RES};
static const weft__opdesc OP_PASS = {"wait", WEFT__F_RES};
static const weft__opdesc OP_PASS_TIMED = {"wait_timeout", WEFT__F_RES};
static const weft__opdesc OP_ACTION_END = {"action_end", 0};
static const weft__opdesc OP_RESET = {"reset", 0};
static const weft__opdesc OP_ABORT = {"abort", 0};
static const weft__opdesc OP_N_WAITING = {"n_waiting", WEFT__F_READS | WEFT__F_RES};
static const weft__opdesc OP_BROKEN = {"broken", WEFT__F_READS | WEFT__F_RES};

/* Python's _enter: not while the action runs, nor while a phase drains or
   resets. */
static bool can_enter(void *a)
{
    const weft_barrier *b = a;
    return b->obj.holder == NULL && (b->state == FILLING || b->state == BROKEN);
}

static bool unlocked(void *a)
{
    return ((weft_barrier *)a)->obj.holder == NULL;
}

/* The phase is over (released, reset or broken). Never true while the
   action runs: the state is still FILLING then. */
static bool released(void *a)
{
    return ((weft_barrier *)a)->state != FILLING;
}

/* Happens-before: arrivals, the action, abort, reset and a timeout publish
   into the barrier; every return from wait observes it. CPython's
   notify_all is only this: the waiters' readiness is computed from state. */
static void notify_all(weft_barrier *b)
{
    weft__hb_release(b);
}

static void brk(weft_barrier *b)
{
    b->state = BROKEN;
    notify_all(b);
}

/* Python's finally: _exit. The last thread out of a draining or resetting
   phase opens the barrier for the next one. */
static int leave(weft_barrier *b, int index)
{
    b->count--;
    if (b->count == 0 && (b->state == DRAINING || b->state == RESETTING)) {
        b->state = FILLING;
        notify_all(b);
    }
    weft__hb_acquire(b);
    weft__result(index);
    return index;
}

/* The steps: "wait" arrives (blocked while the action runs or the previous
   phase drains); the last arrival runs the action and releases the phase
   ("action_end" ends an action); the others make a second "wait" step once
   the phase is over, which returns the index or WEFT_BROKEN. */
static int barrier_wait(weft_barrier *b, int ticks, const void *pc)
{
    weft__op(&OP_WAIT, b, 0, can_enter, b, pc);
    if (b->state == BROKEN) {
        weft__hb_acquire(b);
        weft__result(WEFT_BROKEN);
        return WEFT_BROKEN;
    }
    int index = b->count++;
    weft__result(index);
    notify_all(b);
    if (index + 1 == b->parties) {
        weft__hb_acquire(b);
        if (b->action) {
            /* Other threads may run while the action does, but not enter
               the barrier; the action's end is a step of its own. */
            b->obj.holder = weft__self();
            b->action();
            weft__op(&OP_ACTION_END, b, 0, NULL, NULL, pc);
            b->obj.holder = NULL;
        }
        b->state = DRAINING;
        notify_all(b);
        return leave(b, index);
    }

    bool got = true;
    if (ticks < 0) {
        weft__op(&OP_PASS, b, 0, released, b, pc);
    } else {
        /* ticks 0: a timed step that times out at once */
        got = weft__op_timed(&OP_PASS_TIMED, b, ticks, released, b, pc);
        if (!got && b->obj.holder) {
            /* Timed out while the action ran: CPython's waiter then waits
               for the lock and finds the phase released, so it passes. */
            weft__op(&OP_PASS, b, 0, released, b, pc);
            got = true;
        }
    }
    if (!got) {
        brk(b);
        return leave(b, WEFT_BROKEN);
    }
    if (b->state == RESETTING || b->state == BROKEN)
        return leave(b, WEFT_BROKEN);
    return leave(b, index);
}

weft_barrier *weft_barrier_new(int parties, void (*action)(void), int timeout,
                               const char *name)
{
    weft_barrier *b = weft__obj_new(sizeof(weft_barrier), WEFT__O_BARRIER, "barrier", name);
    b->parties = parties;
    b->action = action;
    b->timeout = timeout;
    if (parties < 1)
        weft__misuse(b, "new", "ValueError: parties must be >= 1", __builtin_return_address(0));
    return b;
}

int weft_barrier_wait(weft_barrier *b)
{
    return barrier_wait(b, b->timeout, __builtin_return_address(0));
}

int weft_barrier_wait_timeout(weft_barrier *b, int ticks)
{
    return barrier_wait(b, ticks, __builtin_return_address(0));
}

void weft_barrier_reset(weft_barrier *b)
{
    weft__op(&OP_RESET, b, 0, unlocked, b, __builtin_return_address(0));
    if (b->count > 0) {
        if (b->state == FILLING || b->state == BROKEN)
            b->state = RESETTING;
    } else {
        b->state = FILLING;
    }
    notify_all(b);
}

void weft_barrier_abort(weft_barrier *b)
{
    weft__op(&OP_ABORT, b, 0, unlocked, b, __builtin_return_address(0));
    brk(b);
}

/* A constant: no visible step. */
int weft_barrier_parties(weft_barrier *b)
{
    return b->parties;
}

int weft_barrier_n_waiting(weft_barrier *b)
{
    weft__op(&OP_N_WAITING, b, 0, NULL, NULL, __builtin_return_address(0));
    int n = b->state == FILLING ? b->count : 0;
    weft__result(n);
    return n;
}

bool weft_barrier_broken(weft_barrier *b)
{
    weft__op(&OP_BROKEN, b, 0, NULL, NULL, __builtin_return_address(0));
    weft__result(b->state == BROKEN);
    return b->state == BROKEN;
}
