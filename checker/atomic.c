/*
** atomic.c: atomic sections (__VERIFIER_atomic_begin/_end, and functions
** named __VERIFIER_atomic_*): the scheduler keeps picking the section's
** thread while it is enabled. The function hooks of the instrumentation
** (__tsan_func_entry/exit) live here, since those functions are found by
** the address their hooks are called from.
*/
#include <stdio.h>
#include <string.h>

#include "weft_int.h"

static const weft__opdesc OP_ATOMIC_BEGIN = {"atomic_begin", 0};

/* The model's __VERIFIER_atomic_* functions, as run-time code ranges. Found
   once, when the model is loaded; few (a linear scan is cheaper than
   anything clever), and none in most models, whose hooks then cost a load
   and a branch. */
#define MAX_FNS 64
static uintptr_t fn_lo[MAX_FNS], fn_hi[MAX_FNS];
static int nfns;

void weft__atomic_functions(const void *addr_in_model)
{
    uintptr_t lo[MAX_FNS], hi[MAX_FNS];
    int n = weft__sym_func_ranges(addr_in_model, "__VERIFIER_atomic_", lo, hi, MAX_FNS);
    nfns = 0;
    for (int i = 0; i < n; i++) {
        /* the section verbs themselves are weft's (a model only declares
           them; a definition of its own is bypassed, as for reach_error) */
        char name[64];
        weft__sym_func((const void *)lo[i], name, sizeof name);
        if (!strcmp(name, "__VERIFIER_atomic_begin") || !strcmp(name, "__VERIFIER_atomic_end"))
            continue;
        fn_lo[nfns] = lo[i];
        fn_hi[nfns] = hi[i];
        nfns++;
    }
}

static bool in_atomic_fn(uintptr_t pc)
{
    for (int i = 0; i < nfns; i++)
        if (pc - fn_lo[i] < fn_hi[i] - fn_lo[i])
            return true;
    return false;
}

static bool section_free(void *arg)
{
    return ((weft__exec *)arg)->atomic_tid < 0;
}

/* Beginning a section is a visible step on one object shared by all the
   sections ("atomic_begin atomic section"): two sections' beginnings are
   then dependent, which DPOR needs to try them in the other order (inside
   a section the other thread cannot be picked, so no later race between
   their accesses could be reversed). It waits while another thread's
   section, broken because that thread blocked in it, is not over. */
void weft__atomic_begin(const void *pc)
{
    weft__exec *ex = weft__ex;
    weft__thread *t = ex->cur;
    if (ex->atomic_tid == t->id) {
        ex->atomic_depth++;
        return;
    }
    if (!ex->atomic_sync)
        ex->atomic_sync = weft__obj_new(sizeof *ex->atomic_sync, WEFT__O_OTHER, "atomic",
                                        "atomic section");
    weft__op(&OP_ATOMIC_BEGIN, ex->atomic_sync, 0, section_free, ex, pc);
    ex->atomic_tid = t->id;
    weft__rare_update(ex);
    ex->atomic_depth = 1;
    ex->atomic_sync->holder = t;
    weft__hb_acquire(ex->atomic_sync);
}

void weft__atomic_end(const void *pc)
{
    weft__exec *ex = weft__ex;
    if (ex->atomic_tid != ex->cur->id)
        weft__fail(WEFT__MISUSE, pc, "%s: __VERIFIER_atomic_end without __VERIFIER_atomic_begin",
                   weft__thread_name(ex->cur));
    if (--ex->atomic_depth > 0)
        return;
    weft__hb_release(ex->atomic_sync);
    ex->atomic_sync->holder = NULL;
    ex->atomic_tid = -1;
    weft__rare_update(ex);
}

/* The instrumentation calls these at the entry and the exit of every
   instrumented function, from inside it: the return address says which. */
void __tsan_func_entry(void *caller);
void __tsan_func_exit(void);

void __tsan_func_entry(void *caller)
{
    (void)caller;
    if (nfns && weft__in_execution()) {
        const void *pc = __builtin_return_address(0);
        if (in_atomic_fn((uintptr_t)pc))
            weft__atomic_begin(pc);
    }
}

void __tsan_func_exit(void)
{
    if (nfns && weft__in_execution()) {
        const void *pc = __builtin_return_address(0);
        if (in_atomic_fn((uintptr_t)pc) && weft__ex->atomic_tid == weft__ex->cur->id)
            weft__atomic_end(pc);
    }
}
