/*
** coro.h: coroutines, the only code that knows how a thread's registers and
** stack are saved. Creation always uses makecontext; switching uses a small
** assembly routine on x86_64, or swapcontext when built with
** WEFT_CORO=ucontext (the portable reference backend).
*/
#ifndef WEFT_CORO_H
#define WEFT_CORO_H

#include <stddef.h>

typedef struct weft__coro {
    void *sp;              /* asm backend: saved stack pointer while switched out */
    void *uc;              /* ucontext_t, owned by coro.c (one per stack slot) */
    char *stack;           /* usable stack, lowest address (above the guard page) */
    size_t size;
    void (*fn)(void *);    /* what the coroutine runs when started */
    void *arg;
    void *entry_sp;        /* asm backend: initial state derived from makecontext */
    void *entry_pc, *entry_rbx;
    void *asan_fake;       /* ASan fiber bookkeeping */
} weft__coro;

/* Give c a stack slot (once; slots are reused across executions). */
int weft__coro_slot(weft__coro *c, size_t size);
/* Arrange for c to start fn(arg) from the top of its stack when next switched to. */
void weft__coro_prepare(weft__coro *c, void (*fn)(void *), void *arg);
/* Make c stand for the calling OS context (the scheduler loop). */
void weft__coro_self(weft__coro *c);
/* Save the current registers in from and resume to. */
void weft__coro_switch(weft__coro *from, weft__coro *to);
/* Is addr in c's guard page (a stack overflow)? */
int weft__coro_in_guard(const weft__coro *c, const void *addr);
/* Which backend this build switches with: "asm-x86_64" or "ucontext". */
const char *weft__coro_backend(void);

#endif
