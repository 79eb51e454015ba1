/*
** event.c: threading.Event, a flag; wait is one step, enabled while it is set.
** (CPython releases a waiter already blocked even if clear() follows set() at
** once; no model can tell that waiter from one that looked after the clear.)
*/
#include "../checker/weft_int.h"

struct weft_event {
    weft__obj obj;              /* obj.units: 1 while set, what a wait waits for */
};

static const weft__opdesc OP_SET = {"set", 0};
static const weft__opdesc OP_CLEAR = {"clear", 0};
static const weft__opdesc OP_IS_SET = {"is_set", WEFT__F_READS | WEFT__F_RES};
static const weft__opdesc OP_WAIT = {"wait", WEFT__F_READS | WEFT__F_UNITS};
static const weft__opdesc OP_WAIT_TIMED = {"wait_timeout", WEFT__F_READS | WEFT__F_RES};

static bool flag(void *a)
{
    return ((weft_event *)a)->obj.units;
}

weft_event *weft_event_new(const char *name)
{
    return weft__obj_new(sizeof(weft_event), WEFT__O_EVENT, "event", name);
}

void weft_event_set(weft_event *e)
{
    weft__op(&OP_SET, e, 0, NULL, NULL, __builtin_return_address(0));
    e->obj.units = 1;
    weft__hb_release(e);
}

void weft_event_clear(weft_event *e)
{
    weft__op(&OP_CLEAR, e, 0, NULL, NULL, __builtin_return_address(0));
    e->obj.units = 0;
}

bool weft_event_is_set(weft_event *e)
{
    weft__op(&OP_IS_SET, e, 0, NULL, NULL, __builtin_return_address(0));
    weft__result(e->obj.units);
    if (e->obj.units)
        weft__hb_acquire(e);
    return e->obj.units;
}

void weft_event_wait(weft_event *e)
{
    weft__op(&OP_WAIT, e, 0, flag, e, __builtin_return_address(0));
    weft__hb_acquire(e);
}

/* ticks 0 is a timed step too: it times out at once if the flag is clear,
   so a polling loop counts as no progress. */
bool weft_event_wait_timeout(weft_event *e, int ticks)
{
    const void *pc = __builtin_return_address(0);
    if (ticks < 0) {
        weft__op(&OP_WAIT, e, 0, flag, e, pc);
        weft__hb_acquire(e);
        return true;
    }
    bool got = weft__op_timed(&OP_WAIT_TIMED, e, ticks, flag, e, pc);
    weft__result(got);
    if (got)
        weft__hb_acquire(e);
    return got;
}
