/*
** memory.c: the model's memory as weft sees it. The compiler's ThreadSanitizer
** instrumentation calls the __tsan_* hooks defined here for every shared load,
** store and atomic operation, and each becomes a visible operation. Also: the
** model's globals (snapshot and restore, per-process address spaces) and its
** heap (a per-execution arena, with double free and use after free found).
*/
#include <errno.h>
#include <link.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "weft_int.h"

/* ---- visible memory operations ------------------------------------------------ */

static const weft__opdesc OP_READ = {"read", WEFT__F_MEM | WEFT__F_READS | WEFT__F_VAL};
static const weft__opdesc OP_WRITE = {"write", WEFT__F_MEM | WEFT__F_WRITE | WEFT__F_VAL};
static const weft__opdesc OP_ALOAD = {"atomic load", WEFT__F_MEM | WEFT__F_READS | WEFT__F_ATOMIC | WEFT__F_VAL};
static const weft__opdesc OP_ASTORE = {"atomic store", WEFT__F_MEM | WEFT__F_WRITE | WEFT__F_ATOMIC | WEFT__F_VAL};
static const weft__opdesc OP_ARMW = {"atomic rmw", WEFT__F_MEM | WEFT__F_WRITE | WEFT__F_ATOMIC | WEFT__F_VAL};
static const weft__opdesc OP_ACAS = {"atomic cas", WEFT__F_MEM | WEFT__F_WRITE | WEFT__F_ATOMIC | WEFT__F_VAL};
static const weft__opdesc OP_FENCE = {"fence", WEFT__F_LOCAL};
static const weft__opdesc OP_FREE = {"free", WEFT__F_MEM | WEFT__F_WRITE};

/* the heap arena's bounds, for a quick "is this heap memory?" */
static uintptr_t heap_lo, heap_hi;

static inline bool active(void)
{
    return weft__ex && weft__ex->cur;
}

/* The model's stack pointer at the call of the hook that inlines this (the
   hook's frame address, above it its return address). Only reads pass it
   (spin detection): taking it makes the hook set up a frame. */
#define MODEL_SP ((const char *)__builtin_frame_address(0) + 2 * sizeof(void *))

/* A write to the heap, checked (use after free) when it runs: after its
   step, as other threads run first while it waits to be scheduled (one may
   free the block), and so that the step is in the execution (DPOR sees it
   race with the free). Out of the hooks, so that a plain write's hook needs
   no frame of its own. */
static __attribute__((noinline)) void heap_write(uintptr_t addr, int size, const void *pc)
{
    weft__op_mem(&OP_WRITE, addr, size, pc, NULL);
    weft__heap_check(addr, size, true, pc);
}

static inline __attribute__((always_inline)) void access(uintptr_t addr, int size, bool write, const void *pc)
{
    if (!active())
        return;
    bool heap = addr - heap_lo < heap_hi - heap_lo;
    if (write) {
        if (heap)
            heap_write(addr, size, pc);
        else
            weft__op_mem(&OP_WRITE, addr, size, pc, NULL);
        return;
    }
    weft__op_mem(&OP_READ, addr, size, pc, MODEL_SP);
    if (heap)
        weft__heap_check(addr, size, false, pc);   /* as it runs: see heap_write */
}

#define PC __builtin_return_address(0)
#define ACCESS_HOOKS(n)                                                                   \
    void __tsan_read##n(void *a);                                                         \
    void __tsan_write##n(void *a);                                                        \
    void __tsan_unaligned_read##n(void *a);                                               \
    void __tsan_unaligned_write##n(void *a);                                              \
    void __tsan_volatile_read##n(void *a);                                                \
    void __tsan_volatile_write##n(void *a);                                               \
    void __tsan_read##n##_pc(void *a, void *pc);                                          \
    void __tsan_write##n##_pc(void *a, void *pc);                                         \
    void __tsan_read##n(void *a) { access((uintptr_t)a, n, false, PC); }                  \
    void __tsan_write##n(void *a) { access((uintptr_t)a, n, true, PC); }                  \
    void __tsan_unaligned_read##n(void *a) { access((uintptr_t)a, n, false, PC); }        \
    void __tsan_unaligned_write##n(void *a) { access((uintptr_t)a, n, true, PC); }        \
    void __tsan_volatile_read##n(void *a) { access((uintptr_t)a, n, false, PC); }         \
    void __tsan_volatile_write##n(void *a) { access((uintptr_t)a, n, true, PC); }         \
    void __tsan_read##n##_pc(void *a, void *pc) { access((uintptr_t)a, n, false, pc); }   \
    void __tsan_write##n##_pc(void *a, void *pc) { access((uintptr_t)a, n, true, pc); }
ACCESS_HOOKS(1)
ACCESS_HOOKS(2)
ACCESS_HOOKS(4)
ACCESS_HOOKS(8)
ACCESS_HOOKS(16)

void __tsan_read_range(void *a, unsigned long n);
void __tsan_write_range(void *a, unsigned long n);
void __tsan_read_range(void *a, unsigned long n) { if (n) access((uintptr_t)a, n > 255 ? 255 : (int)n, false, PC); }
void __tsan_write_range(void *a, unsigned long n) { if (n) access((uintptr_t)a, n > 255 ? 255 : (int)n, true, PC); }

void *__tsan_memcpy(void *d, const void *s, size_t n);
void *__tsan_memmove(void *d, const void *s, size_t n);
void *__tsan_memset(void *d, int c, size_t n);
void *__tsan_memcpy(void *d, const void *s, size_t n)
{
    if (n) {
        access((uintptr_t)s, n > 255 ? 255 : (int)n, false, PC);
        access((uintptr_t)d, n > 255 ? 255 : (int)n, true, PC);
    }
    return memcpy(d, s, n);
}
void *__tsan_memmove(void *d, const void *s, size_t n)
{
    if (n) {
        access((uintptr_t)s, n > 255 ? 255 : (int)n, false, PC);
        access((uintptr_t)d, n > 255 ? 255 : (int)n, true, PC);
    }
    return memmove(d, s, n);
}
void *__tsan_memset(void *d, int c, size_t n)
{
    if (n)
        access((uintptr_t)d, n > 255 ? 255 : (int)n, true, PC);
    return memset(d, c, n);
}

void __tsan_init(void);
void __tsan_vptr_read(void **p);
void __tsan_vptr_update(void **p, void *v);
void __tsan_ignore_thread_begin(void);
void __tsan_ignore_thread_end(void);
void __tsan_init(void) {}
void __tsan_vptr_read(void **p) { (void)p; }
void __tsan_vptr_update(void **p, void *v) { (void)p; (void)v; }
void __tsan_ignore_thread_begin(void) {}
void __tsan_ignore_thread_end(void) {}

/* ---- atomics: sequentially consistent, whatever order the model names ---- */

static inline __attribute__((always_inline)) void atomic_op(const weft__opdesc *op, const volatile void *a, int size, const void *pc)
{
    if (!active())
        return;
    uintptr_t addr = (uintptr_t)a;
    weft__op_mem(op, addr, size, pc, op == &OP_ALOAD ? MODEL_SP : NULL);
    if (addr - heap_lo < heap_hi - heap_lo)
        weft__heap_check(addr, size, op != &OP_ALOAD, pc);   /* as it runs: see heap_write */
}

#define ATOMIC_HOOKS(n, T)                                                                         \
    T __tsan_atomic##n##_load(const volatile T *a, int mo);                                        \
    void __tsan_atomic##n##_store(volatile T *a, T v, int mo);                                     \
    T __tsan_atomic##n##_exchange(volatile T *a, T v, int mo);                                     \
    T __tsan_atomic##n##_fetch_add(volatile T *a, T v, int mo);                                    \
    T __tsan_atomic##n##_fetch_sub(volatile T *a, T v, int mo);                                    \
    T __tsan_atomic##n##_fetch_and(volatile T *a, T v, int mo);                                    \
    T __tsan_atomic##n##_fetch_or(volatile T *a, T v, int mo);                                     \
    T __tsan_atomic##n##_fetch_xor(volatile T *a, T v, int mo);                                    \
    T __tsan_atomic##n##_fetch_nand(volatile T *a, T v, int mo);                                   \
    int __tsan_atomic##n##_compare_exchange_strong(volatile T *a, T *c, T v, int mo, int fmo);     \
    int __tsan_atomic##n##_compare_exchange_weak(volatile T *a, T *c, T v, int mo, int fmo);       \
    T __tsan_atomic##n##_compare_exchange_val(volatile T *a, T c, T v, int mo, int fmo);           \
    T __tsan_atomic##n##_load(const volatile T *a, int mo)                                         \
    {                                                                                              \
        (void)mo;                                                                                  \
        atomic_op(&OP_ALOAD, a, sizeof(T), PC);                                                    \
        return *a;                                                                                 \
    }                                                                                              \
    void __tsan_atomic##n##_store(volatile T *a, T v, int mo)                                      \
    {                                                                                              \
        (void)mo;                                                                                  \
        atomic_op(&OP_ASTORE, a, sizeof(T), PC);                                                   \
        *a = v;                                                                                    \
    }                                                                                              \
    T __tsan_atomic##n##_exchange(volatile T *a, T v, int mo)                                      \
    {                                                                                              \
        (void)mo;                                                                                  \
        atomic_op(&OP_ARMW, a, sizeof(T), PC);                                                     \
        T old = *a;                                                                                \
        *a = v;                                                                                    \
        return old;                                                                                \
    }                                                                                              \
    ATOMIC_RMW(n, T, fetch_add, old + v)                                                           \
    ATOMIC_RMW(n, T, fetch_sub, old - v)                                                           \
    ATOMIC_RMW(n, T, fetch_and, old & v)                                                           \
    ATOMIC_RMW(n, T, fetch_or, old | v)                                                            \
    ATOMIC_RMW(n, T, fetch_xor, old ^ v)                                                           \
    ATOMIC_RMW(n, T, fetch_nand, ~(old & v))                                                       \
    int __tsan_atomic##n##_compare_exchange_strong(volatile T *a, T *c, T v, int mo, int fmo)      \
    {                                                                                              \
        (void)mo, (void)fmo;                                                                       \
        atomic_op(&OP_ACAS, a, sizeof(T), PC);                                                     \
        if (*a == *c) {                                                                            \
            *a = v;                                                                                \
            return 1;                                                                              \
        }                                                                                          \
        *c = *a;                                                                                   \
        cas_failed(MODEL_SP);                                                                      \
        return 0;                                                                                  \
    }                                                                                              \
    int __tsan_atomic##n##_compare_exchange_weak(volatile T *a, T *c, T v, int mo, int fmo)        \
    {                                                                                              \
        (void)mo, (void)fmo;                                                                       \
        atomic_op(&OP_ACAS, a, sizeof(T), PC);                                                     \
        if (*a == *c) {                                                                            \
            *a = v;                                                                                \
            return 1;                                                                              \
        }                                                                                          \
        *c = *a;                                                                                   \
        cas_failed(MODEL_SP);                                                                      \
        return 0;                                                                                  \
    }                                                                                              \
    T __tsan_atomic##n##_compare_exchange_val(volatile T *a, T c, T v, int mo, int fmo)            \
    {                                                                                              \
        (void)mo, (void)fmo;                                                                       \
        atomic_op(&OP_ACAS, a, sizeof(T), PC);                                                     \
        T old = *a;                                                                                \
        if (old == c)                                                                              \
            *a = v;                                                                                \
        else                                                                                       \
            cas_failed(MODEL_SP);                                                                  \
        return old;                                                                                \
    }

#define ATOMIC_RMW(n, T, name, expr)                                   \
    T __tsan_atomic##n##_##name(volatile T *a, T v, int mo)            \
    {                                                                  \
        (void)mo;                                                      \
        atomic_op(&OP_ARMW, a, sizeof(T), PC);                         \
        T old = *a;                                                    \
        *a = (T)(expr);                                                \
        return old;                                                    \
    }

/* A failed compare-and-swap wrote nothing: for spin detection it is a read. */
static void cas_failed(const void *sp)
{
    if (active())
        weft__mem_cas_failed(sp);
}

ATOMIC_HOOKS(8, uint8_t)
ATOMIC_HOOKS(16, uint16_t)
ATOMIC_HOOKS(32, uint32_t)
ATOMIC_HOOKS(64, uint64_t)
ATOMIC_HOOKS(128, unsigned __int128)

void __tsan_atomic_thread_fence(int mo);
void __tsan_atomic_signal_fence(int mo);
void __tsan_atomic_thread_fence(int mo)
{
    (void)mo;
    if (active())
        weft__op(&OP_FENCE, NULL, 0, NULL, NULL, PC);
}
void __tsan_atomic_signal_fence(int mo) { (void)mo; }

/* ---- the model's globals ------------------------------------------------------------
   The writable segments of the model's object (minus RELRO, which the loader
   made read-only) are copied after loading and copied back before every
   execution, so static initializers hold at the start of each one. */

typedef struct segment { char *addr; size_t size; char *snap; size_t off; } segment;
static segment segs[8];
static int nsegs;
static size_t seg_total;
static void **spaces;        /* per-execution: saved globals of each address space */
static int cap_spaces;

struct find { uintptr_t addr; int found; };

static int find_object(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    struct find *f = data;
    bool mine = false;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        uintptr_t lo = info->dlpi_addr + ph->p_vaddr;
        if (ph->p_type == PT_LOAD && f->addr >= lo && f->addr < lo + ph->p_memsz)
            mine = true;
    }
    if (!mine)
        return 0;
    uintptr_t relro_lo = 0, relro_hi = 0;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type == PT_GNU_RELRO) {
            relro_lo = info->dlpi_addr + ph->p_vaddr;
            relro_hi = (relro_lo + ph->p_memsz + 4095) & ~(uintptr_t)4095;
        }
    }
    for (int i = 0; i < info->dlpi_phnum && nsegs < 8; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_W))
            continue;
        uintptr_t lo = info->dlpi_addr + ph->p_vaddr, hi = lo + ph->p_memsz;
        if (lo < relro_hi && hi > relro_lo)
            lo = relro_hi > lo ? relro_hi : lo;
        if (hi <= lo)
            continue;
        segs[nsegs].addr = (char *)lo;
        segs[nsegs].size = hi - lo;
        segs[nsegs].off = seg_total;
        seg_total += hi - lo;
        nsegs++;
    }
    f->found = 1;
    return 1;
}

int weft__mem_register(const void *addr_in_object)
{
    struct find f = {(uintptr_t)addr_in_object, 0};
    for (int i = 0; i < nsegs; i++)
        free(segs[i].snap);
    nsegs = 0;
    seg_total = 0;
    dl_iterate_phdr(find_object, &f);
    if (!f.found)
        return -1;
    for (int i = 0; i < nsegs; i++) {
        segs[i].snap = malloc(segs[i].size);
        if (!segs[i].snap)
            return -1;
        memcpy(segs[i].snap, segs[i].addr, segs[i].size);
    }
    weft__atomic_functions(addr_in_object);
    if (weft__tls_register(addr_in_object) != 0)
        exit(3);
    return 0;
}

bool weft__mem_is_global(uintptr_t addr)
{
    for (int i = 0; i < nsegs; i++)
        if (addr - (uintptr_t)segs[i].addr < segs[i].size)
            return true;
    return false;
}

void weft__mem_reset(void)
{
    for (int i = 0; i < nsegs; i++)
        memcpy(segs[i].addr, segs[i].snap, segs[i].size);
    spaces = NULL;
    cap_spaces = 0;
}

static void save_live(void *buf)
{
    for (int i = 0; i < nsegs; i++)
        memcpy((char *)buf + segs[i].off, segs[i].addr, segs[i].size);
}

static void load_live(const void *buf)
{
    for (int i = 0; i < nsegs; i++)
        memcpy(segs[i].addr, (const char *)buf + segs[i].off, segs[i].size);
}

static void **space_slot(int id)
{
    if (id >= cap_spaces) {
        int cap = cap_spaces ? 2 * cap_spaces : 8;
        while (cap <= id)
            cap *= 2;
        void **n = weft__alloc(sizeof *n * cap);
        if (cap_spaces)
            memcpy(n, spaces, sizeof *n * cap_spaces);
        spaces = n;
        cap_spaces = cap;
    }
    return &spaces[id];
}

/* A new address space: a copy of the live globals (those of `from`, the
   spawning thread's space, which is the one loaded). */
int weft__space_new(int from)
{
    weft__exec *ex = weft__ex;
    WEFT_ASSERT(from == ex->space_cur);
    int id = ex->nspaces++;
    void **s = space_slot(id);
    *s = weft__alloc(seg_total ? seg_total : 1);
    save_live(*s);
    return id;
}

void weft__space_switch(int from, int to)
{
    void **f = space_slot(from);
    if (!*f)
        *f = weft__alloc(seg_total ? seg_total : 1);
    save_live(*f);
    void **t = space_slot(to);
    WEFT_ASSERT(*t);
    load_live(*t);
}

/* ---- the model's heap -------------------------------------------------------------
   A bump arena per execution: nothing is reused within an execution, so a
   freed block keeps its address and any later access to it is found. Blocks
   are recorded in address order, which is allocation order. */

typedef struct block { uintptr_t p; size_t n; const void *alloc_pc, *free_pc; bool freed; } block;
static char *heap;
static size_t heap_used;
#define HEAP_CAP ((size_t)1 << 30)
static block *blocks;
static long nblocks, cap_blocks;

/* weft itself is not linked with --wrap: its malloc is libc's. */
#define __real_malloc malloc
#define __real_free free
#define __real_calloc calloc
#define __real_realloc realloc

static int heap_init(void)
{
    heap = mmap(NULL, HEAP_CAP, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (heap == MAP_FAILED) {
        heap = NULL;
        return -1;
    }
    heap_lo = (uintptr_t)heap;
    heap_hi = heap_lo + HEAP_CAP;
    return 0;
}

void weft__heap_reset(void)
{
    if (!heap && heap_init() != 0) {
        fprintf(stderr, "weft: error: cannot map the model heap: %s\n", strerror(errno));
        exit(2);
    }
    /* zero what the last execution used, so every execution starts alike */
    if (heap_used > ((size_t)1 << 20))
        madvise(heap, heap_used, MADV_DONTNEED);
    else
        memset(heap, 0, heap_used);
    heap_used = 0;
    nblocks = 0;
}

static void *heap_alloc(size_t n, size_t align, const void *pc)
{
    if (align < 16)
        align = 16;
    size_t start = (heap_used + align - 1) & ~(align - 1);
    if (n > HEAP_CAP || start + n > HEAP_CAP)
        return NULL;
    if (nblocks == cap_blocks) {
        long cap = cap_blocks ? 2 * cap_blocks : 1024;
        block *b = __real_realloc(blocks, sizeof *b * cap);
        if (!b)
            return NULL;
        blocks = b;
        cap_blocks = cap;
    }
    heap_used = start + (n ? n : 1);
    blocks[nblocks++] = (block){(uintptr_t)heap + start, n, pc, NULL, false};
    return heap + start;
}

static block *heap_find(uintptr_t a)
{
    long lo = 0, hi = nblocks - 1;
    while (lo <= hi) {
        long mid = (lo + hi) / 2;
        if (a < blocks[mid].p)
            hi = mid - 1;
        else if (a >= blocks[mid].p + (blocks[mid].n ? blocks[mid].n : 1))
            lo = mid + 1;
        else
            return &blocks[mid];
    }
    return NULL;
}

long weft__heap_block_index(uintptr_t a, size_t *off)
{
    if (a - heap_lo >= heap_hi - heap_lo)
        return -1;
    block *b = heap_find(a);
    if (!b)
        return -1;
    *off = a - b->p;
    return b - blocks;
}

bool weft__heap_check(uintptr_t addr, int size, bool write, const void *pc)
{
    (void)size;
    block *b = heap_find(addr);
    if (b && !b->freed)
        return true;
    char at[64] = "", fr[64] = "";
    if (b) {
        weft__sym_loc(b->alloc_pc, at, sizeof at);
        weft__sym_loc(b->free_pc, fr, sizeof fr);
        weft__fail(WEFT__CRASH, pc, "%s: use after free: %s of heap block #%ld+%lu "
                   "(%zu bytes, allocated at %s, freed at %s)",
                   weft__thread_name(weft__ex->cur), write ? "write" : "read", (long)(b - blocks) + 1,
                   (unsigned long)(addr - b->p), b->n, at, fr);
    }
    weft__fail(WEFT__CRASH, pc, "%s: %s of heap memory that no live allocation covers",
               weft__thread_name(weft__ex->cur), write ? "write" : "read");
}

void *__wrap_malloc(size_t n);
void __wrap_free(void *p);
void *__wrap_calloc(size_t n, size_t m);
void *__wrap_realloc(void *p, size_t n);
int __wrap_posix_memalign(void **out, size_t align, size_t n);
void *__wrap_aligned_alloc(size_t align, size_t n);
void *__wrap_memalign(size_t align, size_t n);
void *__wrap_valloc(size_t n);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);

void *__wrap_malloc(size_t n)
{
    if (!active())
        return __real_malloc(n);
    return heap_alloc(n, 16, PC);
}

void *__wrap_calloc(size_t n, size_t m)
{
    if (!active())
        return __real_calloc(n, m);
    if (m && n > SIZE_MAX / m)
        return NULL;
    return heap_alloc(n * m, 16, PC);   /* the arena is zeroed */
}

static void heap_free(void *p, const void *pc)
{
    if (!p)
        return;
    uintptr_t a = (uintptr_t)p;
    if (a - heap_lo >= heap_hi - heap_lo) {
        __real_free(p);   /* allocated before the execution (or by libc itself) */
        return;
    }
    weft__op_mem(&OP_FREE, a, 1, pc, NULL);
    block *b = heap_find(a);
    if (!b || b->p != a)
        weft__fail(WEFT__CRASH, pc, "%s: free of a pointer that malloc did not return",
                   weft__thread_name(weft__ex->cur));
    if (b->freed) {
        char at[64], fr[64];
        weft__sym_loc(b->alloc_pc, at, sizeof at);
        weft__sym_loc(b->free_pc, fr, sizeof fr);
        weft__fail(WEFT__CRASH, pc, "%s: double free of heap block #%ld (allocated at %s, "
                   "first freed at %s)", weft__thread_name(weft__ex->cur), (long)(b - blocks) + 1, at, fr);
    }
    b->freed = true;
    b->free_pc = pc;
}

void __wrap_free(void *p)
{
    if (!active()) {
        uintptr_t a = (uintptr_t)p;
        if (p && a - heap_lo < heap_hi - heap_lo)
            return;   /* arena memory freed outside an execution: it dies with it */
        __real_free(p);
        return;
    }
    heap_free(p, PC);
}

void *__wrap_realloc(void *p, size_t n)
{
    if (!active())
        return __real_realloc(p, n);
    const void *pc = PC;
    if (!p)
        return heap_alloc(n, 16, pc);
    uintptr_t a = (uintptr_t)p;
    size_t old;
    if (a - heap_lo < heap_hi - heap_lo) {
        block *b = heap_find(a);
        old = b ? b->n : 0;
    } else {
        old = n;   /* unknown size: libc memory; copy what was asked */
    }
    void *q = heap_alloc(n, 16, pc);
    if (!q)
        return NULL;
    memcpy(q, p, old < n ? old : n);
    heap_free(p, pc);
    return q;
}

int __wrap_posix_memalign(void **out, size_t align, size_t n)
{
    if (!active()) {
        void *p = aligned_alloc(align, (n + align - 1) / align * align);
        if (!p)
            return ENOMEM;
        *out = p;
        return 0;
    }
    void *p = heap_alloc(n, align, PC);
    if (!p)
        return ENOMEM;
    *out = p;
    return 0;
}

void *__wrap_aligned_alloc(size_t align, size_t n)
{
    if (!active())
        return aligned_alloc(align, n);
    return heap_alloc(n, align, PC);
}

void *__wrap_memalign(size_t align, size_t n) { return __wrap_aligned_alloc(align, n); }
void *__wrap_valloc(size_t n) { return __wrap_aligned_alloc(4096, n); }

char *__wrap_strdup(const char *s)
{
    if (!active())
        return strdup(s);
    size_t n = strlen(s) + 1;
    char *d = heap_alloc(n, 16, PC);
    if (d)
        memcpy(d, s, n);
    return d;
}

char *__wrap_strndup(const char *s, size_t n)
{
    if (!active())
        return strndup(s, n);
    size_t len = strnlen(s, n);
    char *d = heap_alloc(len + 1, 16, PC);
    if (d) {
        memcpy(d, s, len);
        d[len] = 0;
    }
    return d;
}
