/*
** coro.c: coroutine creation (makecontext) and switching (x86_64 assembly
** or swapcontext). Stacks are mmap'ed once per slot with a guard page below
** them and reused by every execution.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#include "coro.h"

#if defined(__x86_64__) && !defined(WEFT_CORO_UCONTEXT)
#define USE_ASM 1
#else
#define USE_ASM 0
#endif

#if defined(__SANITIZE_ADDRESS__)
#define HAVE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HAVE_ASAN 1
#endif
#endif
#ifdef HAVE_ASAN
void __sanitizer_start_switch_fiber(void **fake, const void *bottom, size_t size);
void __sanitizer_finish_switch_fiber(void *fake, const void **bottom, size_t *size);
void __asan_unpoison_memory_region(const volatile void *addr, size_t size);
#endif

static size_t page_size(void)
{
    static size_t ps;
    if (!ps)
        ps = (size_t)sysconf(_SC_PAGESIZE);
    return ps;
}

int weft__coro_slot(weft__coro *c, size_t size)
{
    size_t ps = page_size();
    size = (size + ps - 1) & ~(ps - 1);
    char *m = mmap(NULL, size + ps, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (m == MAP_FAILED)
        return -1;
    if (mprotect(m, ps, PROT_NONE) != 0) {
        munmap(m, size + ps);
        return -1;
    }
    c->stack = m + ps;
    c->size = size;
    c->uc = calloc(1, sizeof(ucontext_t));
    if (!c->uc) {
        munmap(m, size + ps);
        return -1;
    }
    return 0;
}

int weft__coro_in_guard(const weft__coro *c, const void *addr)
{
    const char *a = addr;
    return c->stack && a >= c->stack - page_size() && a < c->stack;
}

/* The coroutine being started; makecontext passes no pointer portably. */
static weft__coro *starting;

#ifdef HAVE_ASAN
/* the OS thread's own stack, learnt on the first switch away from it */
static const void *os_stack;
static size_t os_stack_size;
#endif

static void start(void)
{
    weft__coro *c = starting;
#ifdef HAVE_ASAN
    const void *bottom;
    size_t size;
    __sanitizer_finish_switch_fiber(NULL, &bottom, &size);
    if (!os_stack) {
        os_stack = bottom;
        os_stack_size = size;
    }
#endif
    c->fn(c->arg);
    abort();   /* a coroutine's function never returns: it switches away for good */
}

#if USE_ASM
/* swap(&from->sp, to->sp): push the callee-saved registers, MXCSR and the x87
   control word, save rsp, load the other stack, pop the same, return.
   enter(&from->sp, sp, pc, rbx): the same save, then jump into a context that
   makecontext prepared. */
void weft__coro_swap(void **from, void *to);
void weft__coro_enter(void **from, void *sp, void *pc, void *rbx);
__asm__(
    ".text\n"
    ".globl weft__coro_swap\n"
    ".type weft__coro_swap,@function\n"
    "weft__coro_swap:\n"
    "    pushq %rbp\n"
    "    pushq %rbx\n"
    "    pushq %r12\n"
    "    pushq %r13\n"
    "    pushq %r14\n"
    "    pushq %r15\n"
    "    subq $16, %rsp\n"
    "    stmxcsr (%rsp)\n"
    "    fnstcw 4(%rsp)\n"
    "    movq %rsp, (%rdi)\n"
    "    movq %rsi, %rsp\n"
    "    ldmxcsr (%rsp)\n"
    "    fldcw 4(%rsp)\n"
    "    addq $16, %rsp\n"
    "    popq %r15\n"
    "    popq %r14\n"
    "    popq %r13\n"
    "    popq %r12\n"
    "    popq %rbx\n"
    "    popq %rbp\n"
    "    ret\n"
    ".size weft__coro_swap,.-weft__coro_swap\n"
    ".globl weft__coro_enter\n"
    ".type weft__coro_enter,@function\n"
    "weft__coro_enter:\n"
    "    pushq %rbp\n"
    "    pushq %rbx\n"
    "    pushq %r12\n"
    "    pushq %r13\n"
    "    pushq %r14\n"
    "    pushq %r15\n"
    "    subq $16, %rsp\n"
    "    stmxcsr (%rsp)\n"
    "    fnstcw 4(%rsp)\n"
    "    movq %rsp, (%rdi)\n"
    "    movq %rsi, %rsp\n"
    "    movq %rcx, %rbx\n"
    "    xorl %ebp, %ebp\n"
    "    pushq $0x1f80\n"          /* a fresh thread's MXCSR and x87 control word */
    "    ldmxcsr (%rsp)\n"
    "    movq $0x037f, (%rsp)\n"
    "    fldcw (%rsp)\n"
    "    addq $8, %rsp\n"
    "    jmp *%rdx\n"
    ".size weft__coro_enter,.-weft__coro_enter\n"
    ".section .note.GNU-stack,\"\",@progbits\n"
    ".text\n");
#endif

void weft__coro_prepare(weft__coro *c, void (*fn)(void *), void *arg)
{
    c->fn = fn;
    c->arg = arg;
    c->sp = NULL;
#ifdef HAVE_ASAN
    /* frames abandoned when the last execution ended keep their redzones */
    __asan_unpoison_memory_region(c->stack, c->size);
#endif
#if USE_ASM
    if (!c->entry_pc) {
        /* makecontext once per slot; the entry state it computes is the same
           every time, and start() never returns into what it left on the stack. */
        ucontext_t *uc = c->uc;
        getcontext(uc);
        uc->uc_stack.ss_sp = c->stack;
        uc->uc_stack.ss_size = c->size;
        uc->uc_link = NULL;
        makecontext(uc, start, 0);
        c->entry_sp = (void *)uc->uc_mcontext.gregs[REG_RSP];
        c->entry_pc = (void *)uc->uc_mcontext.gregs[REG_RIP];
        c->entry_rbx = (void *)uc->uc_mcontext.gregs[REG_RBX];
    }
#else
    ucontext_t *uc = c->uc;
    getcontext(uc);
    uc->uc_stack.ss_sp = c->stack;
    uc->uc_stack.ss_size = c->size;
    uc->uc_link = NULL;
    makecontext(uc, start, 0);
#endif
}

void weft__coro_self(weft__coro *c)
{
    memset(c, 0, sizeof *c);
#if !USE_ASM
    c->uc = calloc(1, sizeof(ucontext_t));
    if (!c->uc)
        abort();
#endif
}

void weft__coro_switch(weft__coro *from, weft__coro *to)
{
#ifdef HAVE_ASAN
    __sanitizer_start_switch_fiber(&from->asan_fake, to->stack ? to->stack : os_stack,
                                   to->stack ? to->size : os_stack_size);
#endif
#if USE_ASM
    if (to->sp) {
        weft__coro_swap(&from->sp, to->sp);
    } else {
        starting = to;
        to->sp = (void *)1;   /* started: later switches resume it */
        weft__coro_enter(&from->sp, to->entry_sp, to->entry_pc, to->entry_rbx);
    }
#else
    if (!to->sp) {
        starting = to;
        to->sp = (void *)1;
    }
    swapcontext(from->uc, to->uc);
#endif
#ifdef HAVE_ASAN
    __sanitizer_finish_switch_fiber(from->asan_fake, NULL, NULL);
#endif
}

const char *weft__coro_backend(void)
{
    return USE_ASM ? "asm-x86_64" : "ucontext";
}
