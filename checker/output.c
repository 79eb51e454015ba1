/*
** output.c: what the model prints, and how it ends. The model is linked with
** --wrap for stdio's printing functions, exit, abort, assert and rand, so
** inside an execution its output is a visible operation on "stdout" captured
** per execution, and ending the process ends only the execution.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "weft_int.h"

/* glibc's assert() failure path; not declared unless NDEBUG is off */
extern void __assert_fail(const char *expr, const char *file, unsigned line, const char *fn)
    __attribute__((noreturn));

static const weft__opdesc OP_PRINT = {"print", WEFT__F_VAL};

#define PC __builtin_return_address(0)

static inline bool active(void) { return weft__ex && weft__ex->cur; }

static bool ours(FILE *f) { return f == stdout || f == stderr; }

static void append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
    if (*len + n + 1 > *cap) {
        size_t c = *cap ? *cap : 1024;
        while (*len + n + 1 > c)
            c *= 2;
        char *b = realloc(*buf, c);
        if (!b)
            return;
        *buf = b;
        *cap = c;
    }
    memcpy(*buf + *len, s, n);
    *len += n;
    (*buf)[*len] = 0;
}

/* One print: a visible step on stdout (the order of prints is observable). */
void weft__output(const char *s, size_t n, const void *pc)
{
    weft__exec *ex = weft__ex;
    weft__op(&OP_PRINT, &ex->stdout_obj, (long)ex->out_len, NULL, NULL, pc);
    weft__result((long)n);
    append(&ex->out, &ex->out_len, &ex->out_cap, s, n);
}

static int vout(const void *pc, const char *fmt, va_list ap)
{
    char small[512];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    if (n < 0) {
        va_end(ap2);
        return n;
    }
    if ((size_t)n < sizeof small) {
        weft__output(small, (size_t)n, pc);
    } else {
        char *big = weft__alloc((size_t)n + 1);
        vsnprintf(big, (size_t)n + 1, fmt, ap2);
        weft__output(big, (size_t)n, pc);
    }
    va_end(ap2);
    return n;
}

int __wrap_printf(const char *fmt, ...);
int __wrap_vprintf(const char *fmt, va_list ap);
int __wrap_fprintf(FILE *f, const char *fmt, ...);
int __wrap_vfprintf(FILE *f, const char *fmt, va_list ap);
int __wrap_puts(const char *s);
int __wrap_putchar(int c);
int __wrap_fputs(const char *s, FILE *f);
int __wrap_fputc(int c, FILE *f);
int __wrap_putc(int c, FILE *f);
size_t __wrap_fwrite(const void *p, size_t size, size_t n, FILE *f);
int __wrap_fflush(FILE *f);
void __wrap_perror(const char *s);

int __wrap_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = active() ? vout(PC, fmt, ap) : vprintf(fmt, ap);
    va_end(ap);
    return n;
}

int __wrap_vprintf(const char *fmt, va_list ap)
{
    return active() ? vout(PC, fmt, ap) : vprintf(fmt, ap);
}

int __wrap_fprintf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = active() && ours(f) ? vout(PC, fmt, ap) : vfprintf(f, fmt, ap);
    va_end(ap);
    return n;
}

int __wrap_vfprintf(FILE *f, const char *fmt, va_list ap)
{
    return active() && ours(f) ? vout(PC, fmt, ap) : vfprintf(f, fmt, ap);
}

int __wrap_puts(const char *s)
{
    if (!active())
        return puts(s);
    size_t n = strlen(s);
    char *b = weft__alloc(n + 1);
    memcpy(b, s, n);
    b[n] = '\n';
    weft__output(b, n + 1, PC);
    return 1;
}

static int outc(int c, const void *pc)
{
    char ch = (char)c;
    weft__output(&ch, 1, pc);
    return (unsigned char)c;
}

int __wrap_putchar(int c) { return active() ? outc(c, PC) : putchar(c); }
int __wrap_fputc(int c, FILE *f) { return active() && ours(f) ? outc(c, PC) : fputc(c, f); }
int __wrap_putc(int c, FILE *f) { return active() && ours(f) ? outc(c, PC) : putc(c, f); }

int __wrap_fputs(const char *s, FILE *f)
{
    if (!(active() && ours(f)))
        return fputs(s, f);
    weft__output(s, strlen(s), PC);
    return 1;
}

size_t __wrap_fwrite(const void *p, size_t size, size_t n, FILE *f)
{
    if (!(active() && ours(f)))
        return fwrite(p, size, n, f);
    if (size && n)
        weft__output(p, size * n, PC);
    return n;
}

int __wrap_fflush(FILE *f)
{
    if (active() && (f == NULL || ours(f)))
        return 0;
    return fflush(f);
}

void __wrap_perror(const char *s)
{
    if (!active()) {
        perror(s);
        return;
    }
    char buf[256];
    int n = snprintf(buf, sizeof buf, "%s%s%m\n", s && *s ? s : "", s && *s ? ": " : "");
    weft__output(buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1, PC);
}

void weft_outcome(const char *fmt, ...)
{
    weft__exec *ex = weft__ex;
    if (!ex || !ex->cur)
        return;
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n >= sizeof buf)
        n = sizeof buf - 1;
    if (ex->outcome_len)
        append(&ex->outcome, &ex->outcome_len, &ex->outcome_cap, "; ", 2);
    append(&ex->outcome, &ex->outcome_len, &ex->outcome_cap, buf, (size_t)n);
}

/* ---- how a model process ends --------------------------------------------- */

void __wrap_exit(int code) __attribute__((noreturn));
void __wrap__exit(int code) __attribute__((noreturn));
void __wrap_abort(void) __attribute__((noreturn));
void __wrap___assert_fail(const char *expr, const char *file, unsigned line, const char *fn)
    __attribute__((noreturn));

void __wrap_exit(int code)
{
    if (!active())
        exit(code);
    weft__exit_execution(code);
}

void __wrap__exit(int code)
{
    if (!active())
        _exit(code);
    weft__exit_execution(code);
}

void __wrap_abort(void)
{
    if (!active())
        abort();
    weft__fail(WEFT__CRASH, PC, "%s called abort()", weft__thread_name(weft__ex->cur));
}

void __wrap___assert_fail(const char *expr, const char *file, unsigned line, const char *fn)
{
    if (!active())
        __assert_fail(expr, file, line, fn);
    const char *slash = strrchr(file, '/');
    weft__fail(WEFT__ASSERTION, PC, "%s: assert(%s) failed at %s:%u in %s()",
               weft__thread_name(weft__ex->cur), expr, slash ? slash + 1 : file, line, fn);
}

/* rand() keeps its state in libc, which no execution resets: give the model
   a generator that starts over with every execution. */
int __wrap_rand(void);
void __wrap_srand(unsigned seed);
static unsigned long rand_state = 1;
static unsigned long rand_exec = (unsigned long)-1;

int __wrap_rand(void)
{
    weft__exec *ex = weft__ex;
    if (ex && rand_exec != (unsigned long)ex->executions) {
        rand_exec = (unsigned long)ex->executions;
        rand_state = 1;
    }
    rand_state = rand_state * 1103515245u + 12345u;
    return (int)((rand_state / 65536u) % 32768u);
}

void __wrap_srand(unsigned seed)
{
    weft__exec *ex = weft__ex;
    if (ex)
        rand_exec = (unsigned long)ex->executions;
    rand_state = seed;
}
