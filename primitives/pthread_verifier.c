/*
** pthread_verifier.c: the conventions of verification benchmarks (SV-COMP):
** __VERIFIER_nondet_* as explored choices over a small domain,
** __VERIFIER_assume, __VERIFIER_atomic_begin/_end (on checker/atomic.c),
** and reach_error() and
** __VERIFIER_error() as assertion findings. The model only declares them,
** or defines reach_error itself: weft's definitions are exported by the
** executable and take precedence (ELF interposition), as they do over a
** definition in the model whose calls go through the PLT (gcc and clang
** with -fPIC -O0, which is how weft compiles models).
*/
#include <stdio.h>
#include <stdlib.h>

#include "pthread_int.h"

#define PC __builtin_return_address(0)

static const weft__opdesc OP_NONDET = {"nondet", WEFT__F_LOCAL | WEFT__F_RES};

/* ---- __VERIFIER_nondet_*: weft_choose over the domain -----------------------------
   A signed type takes 0, 1, -1, 2, -2, ... (the first --nondet-domain of
   them), an unsigned one 0, 1, 2, ..., a bool 0 and 1. */
static long nondet(int n, bool is_signed, const void *pc)
{
    if (!weft__pt_active())
        return 0;
    weft__exec *ex = weft__ex;
    if (n < 1)
        n = 1;
    int k = weft_choose(n);
    long v = !is_signed ? k : k % 2 ? (k + 1) / 2 : -(k / 2);
    /* shown as "nondet -> v" at the model's call, not as this file's choose */
    weft__event *e = &ex->events[ex->cur->last_ev];
    e->op = &OP_NONDET;
    e->pc = pc;
    weft__result(v);
    return v;
}

/* --nondet-domain (default 4); outside an execution nondet() returns 0 */
static int domain(void)
{
    return weft__ex && weft__ex->opt ? weft__ex->opt->nondet_domain : 1;
}
#define DOMAIN domain()
_Bool __VERIFIER_nondet_bool(void);
char __VERIFIER_nondet_char(void);
unsigned char __VERIFIER_nondet_uchar(void);
short __VERIFIER_nondet_short(void);
unsigned short __VERIFIER_nondet_ushort(void);
int __VERIFIER_nondet_int(void);
unsigned __VERIFIER_nondet_uint(void);
unsigned __VERIFIER_nondet_unsigned(void);
unsigned __VERIFIER_nondet_u32(void);
long __VERIFIER_nondet_long(void);
unsigned long __VERIFIER_nondet_ulong(void);
long long __VERIFIER_nondet_longlong(void);
unsigned long long __VERIFIER_nondet_ulonglong(void);
size_t __VERIFIER_nondet_size_t(void);
float __VERIFIER_nondet_float(void);
double __VERIFIER_nondet_double(void);

_Bool __VERIFIER_nondet_bool(void) { return nondet(DOMAIN < 2 ? DOMAIN : 2, false, PC) != 0; }
char __VERIFIER_nondet_char(void) { return (char)nondet(DOMAIN, true, PC); }
unsigned char __VERIFIER_nondet_uchar(void) { return (unsigned char)nondet(DOMAIN, false, PC); }
short __VERIFIER_nondet_short(void) { return (short)nondet(DOMAIN, true, PC); }
unsigned short __VERIFIER_nondet_ushort(void) { return (unsigned short)nondet(DOMAIN, false, PC); }
int __VERIFIER_nondet_int(void) { return (int)nondet(DOMAIN, true, PC); }
unsigned __VERIFIER_nondet_uint(void) { return (unsigned)nondet(DOMAIN, false, PC); }
unsigned __VERIFIER_nondet_unsigned(void) { return (unsigned)nondet(DOMAIN, false, PC); }
unsigned __VERIFIER_nondet_u32(void) { return (unsigned)nondet(DOMAIN, false, PC); }
long __VERIFIER_nondet_long(void) { return nondet(DOMAIN, true, PC); }
unsigned long __VERIFIER_nondet_ulong(void) { return (unsigned long)nondet(DOMAIN, false, PC); }
long long __VERIFIER_nondet_longlong(void) { return nondet(DOMAIN, true, PC); }
unsigned long long __VERIFIER_nondet_ulonglong(void)
{
    return (unsigned long long)nondet(DOMAIN, false, PC);
}
size_t __VERIFIER_nondet_size_t(void) { return (size_t)nondet(DOMAIN, false, PC); }
float __VERIFIER_nondet_float(void) { return (float)nondet(DOMAIN, true, PC); }
double __VERIFIER_nondet_double(void) { return (double)nondet(DOMAIN, true, PC); }

/* ---- assume, error ----------------------------------------------------------------------
   A failed assumption means the execution is not one the program can have:
   the thread stops there, the others run on until none can, and the
   execution is discarded (no finding, no outcome, counted in
   stats.discarded; see weft__discard_execution). */
void __VERIFIER_assume(int cond);
void reach_error(void);
void __VERIFIER_error(void);

void __VERIFIER_assume(int cond)
{
    if (cond || !weft__pt_active())
        return;
    weft__discard_execution(PC);
}

static _Noreturn void error_reached(const char *fn, const void *pc)
{
    if (!weft__pt_active()) {
        fprintf(stderr, "%s() called\n", fn);
        abort();
    }
    weft__fail(WEFT__ASSERTION, pc, "%s: %s() was called", weft__thread_name(weft__ex->cur), fn);
}

void reach_error(void)
{
    error_reached("reach_error", PC);
}

void __VERIFIER_error(void)
{
    error_reached("__VERIFIER_error", PC);
}

/* ---- atomic sections ----------------------------------------------------------------------
   Between __VERIFIER_atomic_begin and _end the scheduler keeps picking the
   calling thread while it can run (checker/atomic.c); functions named
   __VERIFIER_atomic_* are sections too, found by the instrumentation. */
void __VERIFIER_atomic_begin(void);
void __VERIFIER_atomic_end(void);

void __VERIFIER_atomic_begin(void)
{
    if (weft__pt_active())
        weft__atomic_begin(PC);
}

void __VERIFIER_atomic_end(void)
{
    if (weft__pt_active())
        weft__atomic_end(PC);
}
