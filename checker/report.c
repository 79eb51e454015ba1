/*
** report.c: what a finding looks like. The step listing (one column per
** thread, one row per visible operation), the finding's text, and the same
** as JSON. Everything printed is a name, a value or a file:line, never an
** address, so the same schedule prints the same bytes every time.
*/
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "report.h"
#include "shrink.h"

#define COL 26          /* a thread's column in the listing */
#define LONG_TRACE 240  /* longer listings show their start and end */
#define HEAD 60
#define TAIL 150

static const char *obj_name(weft__exec *ex, int id)
{
    if (id < 0 || id >= ex->nobjs)
        return "?";
    weft__obj *o = ex->objs[id];
    return o->kind == WEFT__O_THREAD ? weft__thread_name((weft__thread *)o) : o->name;
}

/* The printed text, escaped and cut to fit a cell. */
static void quote(const char *s, long n, char *buf, size_t cap)
{
    size_t k = 0;
    buf[k++] = '"';
    for (long i = 0; i < n && k + 6 < cap; i++) {
        char c = s[i];
        if (c == '\n') {
            buf[k++] = '\\';
            buf[k++] = 'n';
        } else if ((unsigned char)c < 0x20) {
            buf[k++] = '?';
        } else {
            buf[k++] = c;
        }
        if (k + 6 >= cap && i + 1 < n) {
            memcpy(buf + k, "...", 3);
            k += 3;
            break;
        }
    }
    buf[k++] = '"';
    buf[k] = 0;
}

/* Which thread's stack holds addr, or -1. */
static int stack_owner(weft__exec *ex, uintptr_t addr)
{
    for (int i = 0; i < ex->nthreads; i++) {
        const weft__coro *c = ex->threads[i]->coro;
        if (addr >= (uintptr_t)c->stack && addr < (uintptr_t)c->stack + c->size)
            return i;
    }
    return -1;
}

/* A value as the listing shows it. A pointer is printed as what it points to
   ("&total", "&heap#2", "&lock_a"): its number changes from run to run. */
void weft__report_value(weft__exec *ex, long v, int size, char *buf, size_t n)
{
    uintptr_t a = (uintptr_t)v;
    char name[64];
    size_t off;
    long b;
    int owner;
    if (size == 8 && a > 4096) {
        if (a >= (uintptr_t)ex->arena && a < (uintptr_t)ex->arena + ex->arena_cap) {
            for (int i = 0; i < ex->nobjs; i++) {
                if ((uintptr_t)ex->objs[i] == a) {
                    snprintf(buf, n, "&%s", obj_name(ex, i));
                    return;
                }
            }
            snprintf(buf, n, "(weft memory)");
            return;
        }
        if ((b = weft__heap_block_index(a, &off)) >= 0) {
            snprintf(buf, n, off ? "&heap#%ld+%zu" : "&heap#%ld", b + 1, off);
            return;
        }
        if ((owner = stack_owner(ex, a)) >= 0) {
            snprintf(buf, n, "&(a local of %s)", weft__thread_name(ex->threads[owner]));
            return;
        }
        if (weft__sym_data(a, name, sizeof name)) {
            snprintf(buf, n, "&%.60s", name);
            return;
        }
        Dl_info di;
        if (dladdr((void *)a, &di) && di.dli_fname) {
            snprintf(buf, n, "(pointer)");
            return;
        }
    }
    snprintf(buf, n, "%ld", v);
}

/* An access of a thread to its own stack that no other thread touches in
   the execution: private, and noise in a listing. */
static bool private_access(weft__exec *ex, long i)
{
    const weft__event *e = &ex->events[i];
    if (!(e->op->flags & WEFT__F_MEM) || stack_owner(ex, e->addr) != e->tid)
        return false;
    uintptr_t g = e->addr & ~(uintptr_t)7;
    for (long k = 0; k < ex->nevents; k++) {
        const weft__event *f = &ex->events[k];
        if (f->tid != e->tid && (f->op->flags & WEFT__F_MEM) && (f->addr & ~(uintptr_t)7) == g)
            return false;
    }
    return true;
}

void weft__report_op(weft__exec *ex, const weft__event *e, char *buf, size_t n)
{
    const weft__opdesc *op = e->op;
    size_t k = 0;
#define ADD(...) do { int w_ = snprintf(buf + k, k < n ? n - k : 0, __VA_ARGS__); \
                      if (w_ > 0) k += (size_t)w_; } while (0)
    ADD("%s", op->verb);
    if (op->flags & WEFT__F_MEM) {
        char var[64];
        weft__mem_name(e->addr, var, sizeof var);
        ADD(" %s", var);
        if (op->flags & WEFT__F_VAL && strcmp(op->verb, "free") != 0) {
            char val[64];
            weft__report_value(ex, e->val, e->size, val, sizeof val);
            ADD(" = %s", val);
        }
    } else if (e->obj >= 0 && ex->objs[e->obj]->kind == WEFT__O_STDOUT) {
        char q[48];
        if (e->val >= 0 && (size_t)(e->val + e->res) <= ex->out_len)
            quote(ex->out + e->val, e->res, q, sizeof q);
        else
            snprintf(q, sizeof q, "\"...\"");
        ADD(" %s", q);
    } else {
        if (e->obj >= 0 && ex->objs[e->obj] != &ex->threads[e->tid]->obj)
            ADD(" %s", obj_name(ex, e->obj));
        if (op->flags & WEFT__F_VAL)
            ADD(" %ld", e->val);
        if (op->flags & WEFT__F_RES)
            ADD(" -> %ld", e->res);
    }
    if (e->flags & WEFT__E_TIMEOUT)
        ADD(" (timed out)");
#undef ADD
    if (k >= n && n > 4)
        memcpy(buf + n - 4, "...", 4);
}

static void location(const weft__event *e, char *buf, size_t n)
{
    if (e->pc)
        weft__sym_loc(e->pc, buf, n);
    else
        buf[0] = 0;
}

static void row_text(weft__exec *ex, weft__buf *b, long i, bool columns)
{
    const weft__event *e = &ex->events[i];
    char op[128], loc[64];
    weft__report_op(ex, e, op, sizeof op);
    location(e, loc, sizeof loc);
    char mark = (e->flags & WEFT__E_PREEMPT) ? '*' : ' ';
    if (columns) {
        weft__buf_printf(b, "%5ld%c", i + 1, mark);
        for (int c = 0; c < e->tid; c++)
            weft__buf_printf(b, " %-*s", COL - 1, "");
        if ((int)strlen(op) > COL - 2) {
            op[COL - 5] = 0;
            strcat(op, "...");
        }
        weft__buf_printf(b, " %-*s", COL - 1, op);
        for (int c = e->tid + 1; c < ex->nthreads; c++)
            weft__buf_printf(b, " %-*s", COL - 1, "");
        weft__buf_printf(b, " %s", loc);
        /* no trailing blanks */
        while (b->len && b->p[b->len - 1] == ' ')
            b->p[--b->len] = 0;
        weft__buf_put(b, "\n", 1);
    } else {
        weft__buf_printf(b, "%5ld%c %-14s %s", i + 1, mark,
                         weft__thread_name(ex->threads[e->tid]), op);
        if (loc[0])
            weft__buf_printf(b, "  (%s)", loc);
        weft__buf_put(b, "\n", 1);
    }
}

/* ---- livelocks: the part of the schedule that repeats -----------------------
   A thread parked in a spin wait read the same memory, at the same place,
   with the same value, and nothing changed in between: its steps since the
   previous such read are its repeating part. An execution stopped by
   --max-steps shows the shortest period with which its last steps repeat:
   the same threads doing the same operations at the same places (values may
   differ: a counter that only goes up is no progress either). */

typedef struct cycle {
    int tid;                    /* one thread's steps in [first, last]; -1: every step */
    long first, last;           /* event indices */
    long since;                 /* the repetition goes back to this event */
} cycle;

#define MAX_PERIOD 1000
#define CYCLE_LINES 16

static bool same_step(const weft__event *a, const weft__event *b, bool values)
{
    return a->tid == b->tid && a->op == b->op && a->pc == b->pc && a->addr == b->addr &&
           a->obj == b->obj && (!values || a->val == b->val);
}

static int livelock_cycles(weft__exec *ex, cycle *out, int max)
{
    int n = 0;
    for (int t = 0; t < ex->nthreads && n < max; t++) {
        const weft__thread *u = ex->threads[t];
        if (u->state != WEFT__RUN || !u->spinning || u->last_ev < 0)
            continue;
        long m = u->last_ev;
        for (long j = m - 1; j >= 0; j--) {
            if (same_step(&ex->events[j], &ex->events[m], true)) {
                long k = m;   /* the thread's first step after j */
                for (long i = m - 1; i > j; i--)
                    if (ex->events[i].tid == t)
                        k = i;
                out[n++] = (cycle){t, k, m, j};
                break;
            }
        }
    }
    if (n || ex->nevents < ex->opt->max_steps)
        return n;
    long len = ex->nevents;
    for (long p = 1; p <= MAX_PERIOD && 2 * p <= len; p++) {
        long i = len - 1;
        while (i - p >= 0 && same_step(&ex->events[i], &ex->events[i - p], false))
            i--;
        if (len - 1 - i >= p) {         /* the last p steps occur at least twice */
            out[n++] = (cycle){-1, len - p, len - 1, i + 1 - p >= 0 ? i + 1 - p : 0};
            break;
        }
    }
    return n;
}

static void cycles_text(weft__exec *ex, weft__buf *b)
{
    cycle cs[WEFT__MAX_THREADS];
    int n = livelock_cycles(ex, cs, WEFT__MAX_THREADS);
    for (int c = 0; c < n; c++) {
        const cycle *y = &cs[c];
        char range[48];
        if (y->first == y->last)
            snprintf(range, sizeof range, "step %ld", y->first + 1);
        else
            snprintf(range, sizeof range, "steps %ld-%ld", y->first + 1, y->last + 1);
        if (y->tid >= 0)
            weft__buf_printf(b, "  the repeating part of %s: %s (it was at step %ld as it "
                                "is at step %ld, and nothing changed in between)\n",
                             weft__thread_name(ex->threads[y->tid]), range, y->since + 1,
                             y->last + 1);
        else
            weft__buf_printf(b, "  the repeating part: %s, the same %ld step%s over and "
                                "over since step %ld\n", range,
                             y->last - y->first + 1, y->last == y->first ? "" : "s", y->since + 1);
        int lines = 0;
        for (long i = y->first; i <= y->last; i++) {
            const weft__event *e = &ex->events[i];
            if (y->tid >= 0 && e->tid != y->tid)
                continue;
            if (lines++ == CYCLE_LINES) {
                weft__buf_printf(b, "      ...\n");
                break;
            }
            char op[128], loc[64];
            weft__report_op(ex, e, op, sizeof op);
            location(e, loc, sizeof loc);
            weft__buf_printf(b, "    %5ld  %-14s %s", i + 1, weft__thread_name(ex->threads[e->tid]), op);
            if (loc[0])
                weft__buf_printf(b, "  (%s)", loc);
            weft__buf_put(b, "\n", 1);
        }
    }
}

static void cycles_json(weft__exec *ex, weft__buf *b)
{
    cycle cs[WEFT__MAX_THREADS];
    int n = livelock_cycles(ex, cs, WEFT__MAX_THREADS);
    weft__buf_printf(b, ", \"cycles\": [");
    for (int c = 0; c < n; c++) {
        const cycle *y = &cs[c];
        weft__buf_printf(b, "%s{\"thread\": ", c ? ", " : "");
        if (y->tid >= 0) {
            const char *tn = weft__thread_name(ex->threads[y->tid]);
            weft__buf_json(b, tn, strlen(tn));
        } else {
            weft__buf_printf(b, "null");
        }
        weft__buf_printf(b, ", \"since\": %ld, \"steps\": [", y->since + 1);
        bool first = true;
        for (long i = y->first; i <= y->last; i++) {
            if (y->tid >= 0 && ex->events[i].tid != y->tid)
                continue;
            weft__buf_printf(b, "%s%ld", first ? "" : ", ", i + 1);
            first = false;
        }
        weft__buf_printf(b, "]}");
    }
    weft__buf_put(b, "]", 1);
}

void weft__report_listing(weft__exec *ex, weft__buf *b, int width)
{
    bool columns = 6 + ex->nthreads * COL + 14 <= width;
    if (columns) {
        weft__buf_printf(b, "%5s ", "step");
        for (int c = 0; c < ex->nthreads; c++)
            weft__buf_printf(b, " %-*s", COL - 1, weft__thread_name(ex->threads[c]));
        weft__buf_printf(b, " %s", "at");
        weft__buf_put(b, "\n", 1);
    } else {
        weft__buf_printf(b, "%5s  %-14s %s\n", "step", "thread", "operation  (at)");
    }
    long hidden = 0;
    for (long i = 0; i < ex->nevents; i++) {
        if (private_access(ex, i)) {
            hidden++;
            continue;
        }
        if (ex->nevents > LONG_TRACE && i == HEAD && !ex->opt->full_listing) {
            weft__buf_printf(b, "  ... %ld steps not shown (weft replay --full shows them) ...\n",
                             ex->nevents - HEAD - TAIL);
            i = ex->nevents - TAIL;
        }
        if (ex->opt->full_listing || ex->nevents <= LONG_TRACE || i < HEAD || i >= ex->nevents - TAIL)
            row_text(ex, b, i, columns);
    }
    if (hidden)
        weft__buf_printf(b, "  (%ld step%s on a thread's own stack, touched by no other thread, "
                            "not shown)\n", hidden, hidden == 1 ? "" : "s");
    if (ex->preemptions)
        weft__buf_printf(b, "  * preemption: the scheduler switched away from a thread that "
                            "could have gone on\n");
}

void weft__report_output(weft__exec *ex, weft__buf *b)
{
    if (!ex->out_len)
        return;
    weft__buf_printf(b, "\noutput:\n");
    const char *s = ex->out, *end = ex->out + ex->out_len;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
        weft__buf_put(b, "  | ", 4);
        weft__buf_put(b, s, n);
        weft__buf_put(b, "\n", 1);
        s += n + (nl ? 1 : 0);
    }
}

void weft__report_text(weft__exec *ex, const weft__finding *f, weft__buf *b)
{
    /* no execution number: the report is the schedule's, and replay prints it alike */
    weft__buf_printf(b, "%s found (%ld steps, %d preemption%s)\n", weft__kind_names[f->kind],
                     ex->nevents, ex->preemptions, ex->preemptions == 1 ? "" : "s");
    weft__buf_printf(b, "  %s\n", f->message);
    if (f->kind == WEFT__LIVELOCK)
        cycles_text(ex, b);
    weft__buf_put(b, "\n", 1);
    weft__report_listing(ex, b, ex->opt->width);
    weft__report_output(ex, b);
    weft__buf_printf(b, "\nreplay: %s %s\n", ex->opt->replay_cmd ? ex->opt->replay_cmd : "weft replay",
                     f->token);
    /* after the replay line: a replay prints everything above, byte for byte */
    const weft__shrink_stats *s = f->shrunk;
    if (s && (s->from_steps != ex->nevents || s->from_preemptions != ex->preemptions))
        weft__buf_printf(b, "shrunk from %ld steps and %d preemption%s (%ld runs; --no-shrink "
                            "shows the schedule as found)\n", s->from_steps, s->from_preemptions,
                         s->from_preemptions == 1 ? "" : "s", s->runs);
}

void weft__report_trace_json(weft__exec *ex, weft__buf *b)
{
    weft__buf_put(b, "[", 1);
    for (long i = 0; i < ex->nevents; i++) {
        const weft__event *e = &ex->events[i];
        char op[128], loc[64];
        weft__report_op(ex, e, op, sizeof op);
        location(e, loc, sizeof loc);
        weft__buf_printf(b, "%s{\"step\": %ld, \"thread\": ", i ? ", " : "", i + 1);
        const char *tn = weft__thread_name(ex->threads[e->tid]);
        weft__buf_json(b, tn, strlen(tn));
        weft__buf_printf(b, ", \"op\": ");
        weft__buf_json(b, e->op->verb, strlen(e->op->verb));
        weft__buf_printf(b, ", \"text\": ");
        weft__buf_json(b, op, strlen(op));
        if (e->obj >= 0) {
            const char *on = obj_name(ex, e->obj);
            weft__buf_printf(b, ", \"object\": ");
            weft__buf_json(b, on, strlen(on));
        }
        if (e->op->flags & (WEFT__F_VAL | WEFT__F_MEM)) {
            char val[64];
            weft__report_value(ex, e->val, e->size, val, sizeof val);
            if (val[0] == '&' || val[0] == '(') {
                weft__buf_printf(b, ", \"value\": ");
                weft__buf_json(b, val, strlen(val));
            } else {
                weft__buf_printf(b, ", \"value\": %s", val);
            }
        }
        if (e->op->flags & WEFT__F_RES)
            weft__buf_printf(b, ", \"result\": %ld", e->res);
        weft__buf_printf(b, ", \"location\": ");
        weft__buf_json(b, loc, strlen(loc));
        if (e->flags & WEFT__E_PREEMPT)
            weft__buf_printf(b, ", \"preemption\": true");
        if (e->flags & WEFT__E_TIMEOUT)
            weft__buf_printf(b, ", \"timed_out\": true");
        weft__buf_put(b, "}", 1);
    }
    weft__buf_put(b, "]", 1);
}

void weft__report_json(weft__exec *ex, const weft__finding *f, weft__buf *b)
{
    weft__buf_printf(b, "{\"kind\": \"%s\", \"message\": ", weft__kind_names[f->kind]);
    weft__buf_json(b, f->message, strlen(f->message));
    weft__buf_printf(b, ", \"schedule\": ");
    weft__buf_json(b, f->token, strlen(f->token));
    weft__buf_printf(b, ", \"steps\": %ld, \"preemptions\": %d, \"execution\": %ld, \"threads\": [",
                     ex->nevents, ex->preemptions, f->execution);
    for (int i = 0; i < ex->nthreads; i++) {
        const char *tn = weft__thread_name(ex->threads[i]);
        if (i)
            weft__buf_put(b, ", ", 2);
        weft__buf_json(b, tn, strlen(tn));
    }
    weft__buf_printf(b, "], \"output\": ");
    weft__buf_json(b, ex->out ? ex->out : "", ex->out_len);
    if (f->kind == WEFT__LIVELOCK)
        cycles_json(ex, b);
    if (f->shrunk)
        weft__buf_printf(b, ", \"shrink\": {\"runs\": %ld, \"steps_before\": %ld, "
                            "\"preemptions_before\": %d}", f->shrunk->runs, f->shrunk->from_steps,
                         f->shrunk->from_preemptions);
    weft__buf_printf(b, ", \"trace\": ");
    weft__report_trace_json(ex, b);
    weft__buf_put(b, "}", 1);
}
