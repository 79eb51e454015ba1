/*
** process.c: multiprocessing.Process: a weft thread with its own copy of the
** model's globals, taken at start as fork does (heap blocks stay shared: only
** globals are copied). Waits on a started process are steps on its thread,
** whose exit step ends them; its copies of pipe ends close when it returns.
*/
#include <stdarg.h>

#include "prim.h"

struct weft_process {
    weft__obj obj;              /* first: names it until it starts */
    weft_fn fn;
    void *call;                 /* fn and its arguments, packed for libffi */
    bool starting;              /* start was called (set before its spawn step) */
    weft__thread *t;            /* the running process, once spawned */
};

static const weft__opdesc OP_START = {"start", 0};
static const weft__opdesc OP_JOIN = {"join", WEFT__F_READS};
static const weft__opdesc OP_JOIN_TIMEOUT = {"join_timeout", WEFT__F_READS | WEFT__F_VAL | WEFT__F_RES};
static const weft__opdesc OP_IS_ALIVE = {"is_alive", WEFT__F_READS | WEFT__F_RES};
static const weft__opdesc OP_EXITCODE = {"exitcode", WEFT__F_READS | WEFT__F_RES};

static bool finished(void *arg)
{
    return ((weft__thread *)arg)->state == WEFT__DONE;
}

/* The process's body; then, as the OS does at exit, close its pipe ends. */
static void run_call(void *arg)
{
    weft_process *p = arg;
    weft__ffi_run(p->call);
    weft__conns_exit(NULL);
}

weft_process *weft_process_new(weft_fn fn, const char *sig, ...)
{
    weft_process *p = weft__obj_new(sizeof *p, WEFT__O_PROCESS, "process", NULL);
    va_list ap;
    va_start(ap, sig);
    p->fn = fn;
    p->call = weft__ffi_pack(fn, sig, ap);
    va_end(ap);
    return p;
}

/* `starting` is claimed in the caller's atomic stretch before its spawn step,
   so of two threads starting one process exactly one spawns it. */
void weft_process_start(weft_process *p)
{
    const void *pc = __builtin_return_address(0);
    if (p->starting) {
        weft__op(&OP_START, p, 0, NULL, NULL, pc);
        weft__misuse(p, "start", "AssertionError: cannot start a process twice", pc);
    }
    p->starting = true;
    int parent = weft__self()->space;
    p->t = weft__spawn(run_call, p, (const void *)p->fn, NULL, true, pc);
    weft__conns_fork(parent, p->t->space);
}

/* Join steps are on the process's thread: its exit is what they wait for.
   Before start there is no thread, and the step is on the process object. */
static void check_joinable(weft_process *p, const char *op, const void *pc)
{
    if (!p->t) {
        weft__op(&OP_JOIN, p, 0, NULL, NULL, pc);
        weft__misuse(p, op, "AssertionError: can only join a started process", pc);
    }
    if (p->t == weft__self())
        weft__fail(WEFT__DEADLOCK, pc, "%s joins itself: a process waiting for its own end "
                   "waits forever", weft__thread_name(p->t));
}

void weft_process_join(weft_process *p)
{
    const void *pc = __builtin_return_address(0);
    check_joinable(p, "join", pc);
    weft__op(&OP_JOIN, p->t, 0, finished, p->t, pc);
    weft__hb_acquire(p->t);
}

/* Returns whether the process has ended (Python's join returns None; callers
   then look at exitcode). */
bool weft_process_join_timeout(weft_process *p, int ticks)
{
    const void *pc = __builtin_return_address(0);
    check_joinable(p, "join", pc);
    bool ok;
    if (ticks < 0) {
        weft__op(&OP_JOIN, p->t, 0, finished, p->t, pc);
        ok = true;
    } else {    /* ticks 0 too: a step that times out at once is no progress */
        ok = weft__op_timed(&OP_JOIN_TIMEOUT, p->t, ticks, finished, p->t, pc);
    }
    if (ok)
        weft__hb_acquire(p->t);
    weft__result(ok);
    return ok;
}

bool weft_process_is_alive(weft_process *p)
{
    const void *pc = __builtin_return_address(0);
    weft__op(&OP_IS_ALIVE, p->t ? (void *)p->t : (void *)p, 0, NULL, NULL, pc);
    bool alive = p->t && !finished(p->t);
    weft__result(alive);
    return alive;
}

/* 0 once finished: a process that returns exits with 0. (A process calling
   exit() ends the whole execution, not only itself.) */
int weft_process_exitcode(weft_process *p)
{
    const void *pc = __builtin_return_address(0);
    weft__op(&OP_EXITCODE, p->t ? (void *)p->t : (void *)p, 0, NULL, NULL, pc);
    int code = p->t && finished(p->t) ? 0 : WEFT_EXITCODE_NONE;
    if (code == 0)
        weft__hb_acquire(p->t);
    weft__result(code);
    return code;
}

/* The name the core gives its thread ("fn#id"); "process#N" before start. */
const char *weft_process_name(weft_process *p)
{
    return p->t ? weft__thread_name(p->t) : p->obj.name;
}
