/*
** spawn.c: starting threads with typed arguments. weft_spawn(fn, sig, ...)
** reads the arguments sig describes from its varargs and calls fn with them
** on the new thread's coroutine stack: directly for the few signatures most
** models use, through libffi for any other.
*/
#include <ffi.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "weft_int.h"

#define MAX_ARGS 16

typedef union slot { int i; unsigned u; long l; size_t z; double d; float f; char c; void *p; } slot;

/* Signatures called with a plain C call of the right type: no libffi call
   (about a thousand instructions per thread, a third of a small execution).
   VIA_FFI: any other. */
enum { VIA_FFI, D_VOID, D_I, D_P, D_IP, D_PI, D_PP, D_PL };

static int direct_of(const char *s)
{
    if (!s[0])
        return D_VOID;
    if (!s[1])
        return s[0] == 'i' ? D_I : s[0] == 'p' ? D_P : VIA_FFI;
    if (s[2])
        return VIA_FFI;
    if (s[0] == 'i')
        return s[1] == 'p' ? D_IP : VIA_FFI;
    if (s[0] == 'p')
        return s[1] == 'i' ? D_PI : s[1] == 'p' ? D_PP : s[1] == 'l' ? D_PL : VIA_FFI;
    return VIA_FFI;
}

/* A packed call: lives in the execution's arena, as long as the thread. A
   direct call is made only of the fields before cif. */
typedef struct call {
    weft_fn fn;
    int n;
    int direct;                 /* D_*, or VIA_FFI */
    slot vals[MAX_ARGS];
    ffi_cif cif;
    ffi_type *types[MAX_ARGS];
    void *ptrs[MAX_ARGS];
} call;

void *weft__ffi_pack(weft_fn fn, const char *sig, va_list ap)
{
    const void *pc = NULL;   /* the model's call site is the spawn step's */
    if (!fn)
        weft__fail(WEFT__MISUSE, pc, "a thread was started with a NULL function");
    if (!sig)
        sig = "";
    size_t n = strlen(sig);
    if (n > MAX_ARGS)
        weft__fail(WEFT__MISUSE, pc, "a thread was started with %zu arguments; at most %d", n, MAX_ARGS);
    int direct = direct_of(sig);
    call *c = weft__alloc(direct != VIA_FFI ? offsetof(call, cif) : sizeof *c);
    c->fn = fn;
    c->n = (int)n;
    c->direct = direct;
    if (direct != VIA_FFI) {
        for (size_t i = 0; i < n; i++) {
            slot *v = &c->vals[i];
            if (sig[i] == 'i')
                v->i = va_arg(ap, int);
            else if (sig[i] == 'l')
                v->l = va_arg(ap, long);
            else
                v->p = va_arg(ap, void *);
        }
        return c;
    }
    for (size_t i = 0; i < n; i++) {
        slot *v = &c->vals[i];
        switch (sig[i]) {
        case 'i': v->i = va_arg(ap, int); c->types[i] = &ffi_type_sint; break;
        case 'u': v->u = va_arg(ap, unsigned); c->types[i] = &ffi_type_uint; break;
        case 'l': v->l = va_arg(ap, long); c->types[i] = &ffi_type_slong; break;
        case 'z': v->z = va_arg(ap, size_t); c->types[i] = &ffi_type_uint64; break;
        case 'd': v->d = va_arg(ap, double); c->types[i] = &ffi_type_double; break;
        case 'f': v->f = (float)va_arg(ap, double); c->types[i] = &ffi_type_float; break;
        case 'c': v->c = (char)va_arg(ap, int); c->types[i] = &ffi_type_schar; break;
        case 'p': v->p = va_arg(ap, void *); c->types[i] = &ffi_type_pointer; break;
        case 's': v->p = va_arg(ap, char *); c->types[i] = &ffi_type_pointer; break;
        default:
            weft__fail(WEFT__MISUSE, pc, "bad argument signature \"%s\": '%c' is not one of "
                       "i u l z d f c p s", sig, sig[i]);
        }
        c->ptrs[i] = v;
    }
    /* A model spawns with the same few signatures in every execution: their
       prepared call interfaces are kept (each with its own argument types,
       which are the same for the same signature). */
    static struct { char sig[MAX_ARGS + 1]; ffi_cif cif; ffi_type *types[MAX_ARGS]; } cache[8];
    static int ncache;
    for (int i = 0; i < ncache; i++)
        if (!strcmp(cache[i].sig, sig)) {
            c->cif = cache[i].cif;
            return c;
        }
    if (ffi_prep_cif(&c->cif, FFI_DEFAULT_ABI, (unsigned)n, &ffi_type_void, c->types) != FFI_OK)
        weft__fail(WEFT__MISUSE, pc, "libffi cannot prepare a call with signature \"%s\"", sig);
    if (ncache < 8) {
        memcpy(cache[ncache].sig, sig, n + 1);
        memcpy(cache[ncache].types, c->types, sizeof c->types);
        cache[ncache].cif = c->cif;
        cache[ncache].cif.arg_types = cache[ncache].types;
        ncache++;
    }
    return c;
}

void weft__ffi_run(void *p)
{
    call *c = p;
    const slot *v = c->vals;
    switch (c->direct) {
    case D_VOID: ((void (*)(void))c->fn)(); return;
    case D_I: ((void (*)(int))c->fn)(v[0].i); return;
    case D_P: ((void (*)(void *))c->fn)(v[0].p); return;
    case D_IP: ((void (*)(int, void *))c->fn)(v[0].i, v[1].p); return;
    case D_PI: ((void (*)(void *, int))c->fn)(v[0].p, v[1].i); return;
    case D_PP: ((void (*)(void *, void *))c->fn)(v[0].p, v[1].p); return;
    case D_PL: ((void (*)(void *, long))c->fn)(v[0].p, v[1].l); return;
    }
    ffi_call(&c->cif, FFI_FN(c->fn), NULL, c->n ? c->ptrs : NULL);
}

weft_thread *weft_spawn(weft_fn fn, const char *sig, ...)
{
    const void *pc = __builtin_return_address(0);
    weft__exec *ex = weft__ex;
    if (!ex || !ex->cur) {
        fprintf(stderr, "weft: error: weft_spawn called outside a checked execution\n");
        return NULL;
    }
    va_list ap;
    va_start(ap, sig);
    void *c = weft__ffi_pack(fn, sig, ap);
    va_end(ap);
    return (weft_thread *)weft__spawn(weft__ffi_run, c, (const void *)fn, NULL, false, pc);
}
