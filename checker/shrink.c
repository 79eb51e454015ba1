/*
** shrink.c: the simplest schedule that still shows a finding. A guided
** strategy follows a plan (the steps of an earlier execution) and departs
** from it at one point; the shrinker runs such variants greedily, fewest
** preemptions first, then fewest steps, under a fixed budget of runs. See
** shrink.h and docs/findings.md ("How the schedule is shrunk").
*/
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "shrink.h"

/* ---- plans ------------------------------------------------------------------- */

static void *xalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    WEFT_ASSERT(p);
    return p;
}

void weft__plan_take(weft__exec *ex, weft__plan *p)
{
    long n = ex->nevents;
    p->n = n;
    p->tid = xalloc(sizeof *p->tid * (size_t)n);
    p->chv = xalloc(sizeof *p->chv * (size_t)n);
    p->chtid = xalloc(sizeof *p->chtid * (size_t)n);
    p->marks = xalloc(sizeof *p->marks * (size_t)(n + ex->ndecisions));
    p->nch = p->npre = p->nmarks = 0;
    for (long i = 0; i < n; i++) {
        const weft__event *e = &ex->events[i];
        p->tid[i] = e->tid;
        if (e->val > 1 && !strcmp(e->op->verb, "choose")) {
            p->chv[p->nch] = (int32_t)e->res;
            p->chtid[p->nch++] = e->tid;
        }
        if (e->flags & WEFT__E_PREEMPT)
            p->marks[p->nmarks++] = i;
    }
    p->npre = p->nmarks;
    /* the other decision points where the thread changed */
    for (long k = 0; k < ex->ndecisions; k++) {
        long s = ex->decisions[k].step;
        if (s > 0 && s < n && p->tid[s] != p->tid[s - 1] && !(ex->events[s].flags & WEFT__E_PREEMPT) &&
            (p->nmarks == p->npre || p->marks[p->nmarks - 1] != s))
            p->marks[p->nmarks++] = s;
    }
    p->preemptions = ex->preemptions;
}

void weft__plan_free(weft__plan *p)
{
    free(p->tid);
    free(p->chv);
    free(p->chtid);
    free(p->marks);
    memset(p, 0, sizeof *p);
}

/* ---- the guided strategy ------------------------------------------------------
   It follows the plan: at each pick, of the threads that can run, the one
   whose next step comes first in the plan (a step of thread x consumes x's
   earliest step not yet consumed), so that the plan itself runs exactly.
   A variant departs from it:
     hold_at    at that step, the running thread goes on until it cannot
                (blocks, ends, yields): the preemption there is taken away;
     trunc_at   from that step on the plan is dropped: the running thread goes
                on while it can, then the lowest id (no preemptions at all);
     postpone   these threads run only when no other thread can.
   Everything is a function of the plan and the variant: deterministic. */

static struct {
    long *pos;                      /* plan steps grouped by thread */
    long off[WEFT__MAX_THREADS + 1], next[WEFT__MAX_THREADS];
    int32_t *chv;                   /* choose values grouped by thread */
    long choff[WEFT__MAX_THREADS + 1], chnext[WEFT__MAX_THREADS];
    long hold_at, trunc_at;
    int hold_tid;
    uint64_t postpone;
} G;

static void guide(const weft__plan *p, long hold_at, long trunc_at, uint64_t postpone)
{
    free(G.pos);
    free(G.chv);
    G.pos = xalloc(sizeof *G.pos * (size_t)p->n);
    G.chv = xalloc(sizeof *G.chv * (size_t)p->nch);
    long cnt[WEFT__MAX_THREADS] = {0}, chcnt[WEFT__MAX_THREADS] = {0};
    for (long i = 0; i < p->n; i++)
        cnt[p->tid[i]]++;
    for (long i = 0; i < p->nch; i++)
        chcnt[p->chtid[i]]++;
    G.off[0] = G.choff[0] = 0;
    for (int t = 0; t < WEFT__MAX_THREADS; t++) {
        G.off[t + 1] = G.off[t] + cnt[t];
        G.choff[t + 1] = G.choff[t] + chcnt[t];
        G.next[t] = G.chnext[t] = 0;
    }
    for (long i = 0; i < p->n; i++)
        G.pos[G.off[p->tid[i]] + G.next[p->tid[i]]++] = i;
    for (long i = 0; i < p->nch; i++)
        G.chv[G.choff[p->chtid[i]] + G.chnext[p->chtid[i]]++] = p->chv[i];
    G.hold_at = hold_at;
    G.trunc_at = trunc_at;
    G.postpone = postpone;
}

static void begin(weft__exec *ex)
{
    (void)ex;
    memset(G.next, 0, sizeof G.next);
    memset(G.chnext, 0, sizeof G.chnext);
    G.hold_tid = -1;
}

static int pick(weft__exec *ex, uint64_t en, int cur)
{
    if (G.hold_tid >= 0) {
        if (cur == G.hold_tid)
            return cur;
        G.hold_tid = -1;
    }
    if (ex->nevents == G.hold_at && cur >= 0) {
        G.hold_tid = cur;
        return cur;
    }
    uint64_t c = en;
    if (en & ~G.postpone)
        c = en & ~G.postpone;
    if (ex->nevents < G.trunc_at) {
        int best = -1;
        long bestpos = LONG_MAX;
        for (uint64_t m = c; m; m &= m - 1) {
            int x = __builtin_ctzll(m);
            if (G.off[x] + G.next[x] < G.off[x + 1] && G.pos[G.off[x] + G.next[x]] < bestpos) {
                bestpos = G.pos[G.off[x] + G.next[x]];
                best = x;
            }
        }
        if (best >= 0)
            return best;
    }
    return cur >= 0 && (c >> cur & 1) ? cur : __builtin_ctzll(c);
}

static int choose(weft__exec *ex, int n)
{
    int t = ex->cur->id;
    if (G.choff[t] + G.chnext[t] < G.choff[t + 1]) {
        int32_t v = G.chv[G.choff[t] + G.chnext[t]++];
        return v < n ? v : 0;
    }
    return 0;
}

static bool next(weft__exec *ex)
{
    (void)ex;
    return false;
}

static void event(weft__exec *ex, long i)
{
    int t = ex->events[i].tid;
    if (G.off[t] + G.next[t] < G.off[t + 1])
        G.next[t]++;
    if (G.hold_tid >= 0 && t != G.hold_tid)
        G.hold_tid = -1;
}

static const weft__strategy guided = {"shrink", begin, pick, choose, next, event, false, NULL};

/* ---- the shrinker ------------------------------------------------------------ */

typedef struct attempt_ctx {
    weft__exec *ex;
    int kind;
    uint64_t key;
    weft__shows_fn shows;
    weft__shrink_stats *st;
    bool held;                  /* ex holds the execution of the best plan */
} attempt_ctx;

static bool run_plan(attempt_ctx *c, const weft__plan *p, long hold_at, long trunc_at,
                     uint64_t postpone)
{
    guide(p, hold_at, trunc_at, postpone);
    weft__run_execution(c->ex);
    c->st->runs++;
    c->st->steps += c->ex->nevents;
    c->st->hangs += weft__run_hung();
    c->held = false;
    return c->shows(c->ex, c->kind, c->key);
}

static bool better(const weft__exec *ex, const weft__plan *best)
{
    return ex->preemptions < best->preemptions ||
           (ex->preemptions == best->preemptions && ex->nevents < best->n);
}

static bool budget_left(const attempt_ctx *c)
{
    return c->st->runs < WEFT__SHRINK_RUNS && c->st->steps < WEFT__SHRINK_STEPS &&
           c->st->hangs < WEFT__SHRINK_HANGS;
}

/* One variant of best; on success best becomes it. */
static bool attempt(attempt_ctx *c, weft__plan *best, long hold_at, long trunc_at, uint64_t postpone)
{
    if (!budget_left(c))
        return false;
    if (!run_plan(c, best, hold_at, trunc_at, postpone) || !better(c->ex, best))
        return false;
    weft__plan_free(best);
    weft__plan_take(c->ex, best);
    c->held = true;
    return true;
}

/* The plan with its steps [i, j) and [j, k) swapped, run. */
static bool attempt_blocks(attempt_ctx *c, weft__plan *best, long i, long j, long k)
{
    weft__plan v = *best;
    v.tid = xalloc(sizeof *v.tid * (size_t)best->n);
    memcpy(v.tid, best->tid, sizeof *v.tid * (size_t)i);
    memcpy(v.tid + i, best->tid + j, sizeof *v.tid * (size_t)(k - j));
    memcpy(v.tid + i + (k - j), best->tid + i, sizeof *v.tid * (size_t)(j - i));
    memcpy(v.tid + k, best->tid + k, sizeof *v.tid * (size_t)(best->n - k));
    bool ok = budget_left(c) && run_plan(c, &v, -1, LONG_MAX, 0) && better(c->ex, best);
    free(v.tid);
    if (ok) {
        weft__plan_free(best);
        weft__plan_take(c->ex, best);
        c->held = true;
    }
    return ok;
}

/* The preemption at step i (thread a ran step i - 1, thread b step i) taken
   away by moving a's next run of steps in the plan up to step i, before the
   steps of the others that came between; or by moving b's run that starts
   at i back to before a's run that ends at i - 1. */
static bool attempt_swap(attempt_ctx *c, weft__plan *best, long i, bool back)
{
    int a = best->tid[i - 1], b = best->tid[i];
    long j, k;
    if (back) {
        for (j = i - 1; j > 0 && best->tid[j - 1] == a;)
            j--;
        for (k = i; k < best->n && best->tid[k] == b;)
            k++;
        return attempt_blocks(c, best, j, i, k);
    }
    for (j = i; j < best->n && best->tid[j] != a;)
        j++;
    if (j == best->n)
        return false;
    for (k = j; k < best->n && best->tid[k] == a;)
        k++;
    return attempt_blocks(c, best, i, j, k);
}

/* Fewer preemptions: drop the plan from a preemption on (the most thorough
   change, tried first); else move the preempted thread's next steps up to
   where it was preempted; else let it run on there until it cannot. */
static bool fewer_preemptions(attempt_ctx *c, weft__plan *best)
{
    for (long k = 0; k < best->npre && budget_left(c); k++)
        if (attempt(c, best, -1, best->marks[k], 0))
            return true;
    for (long k = 0; k < best->npre && budget_left(c); k++)
        if (attempt_swap(c, best, best->marks[k], false) ||
            (budget_left(c) && attempt_swap(c, best, best->marks[k], true)))
            return true;
    for (long k = 0; k < best->npre && budget_left(c); k++)
        if (attempt(c, best, best->marks[k], LONG_MAX, 0))
            return true;
    return false;
}

/* Fewer steps: leave out a thread while others can run; or stop following
   the plan at one of its other decisions. */
static bool fewer_steps(attempt_ctx *c, weft__plan *best)
{
    int maxt = 0;
    for (long i = 0; i < best->n; i++)
        if (best->tid[i] > maxt)
            maxt = best->tid[i];
    for (int t = 0; t <= maxt && budget_left(c); t++)
        if (attempt(c, best, -1, LONG_MAX, (uint64_t)1 << t))
            return true;
    for (long k = best->npre; k < best->nmarks && budget_left(c); k++)
        if (attempt(c, best, -1, best->marks[k], 0))
            return true;
    return false;
}

bool weft__shrink(weft__exec *ex, const weft__plan *orig, int kind, uint64_t key,
                  weft__shows_fn shows, weft__shrink_stats *st)
{
    const weft__strategy *saved = ex->strat;
    ex->strat = &guided;
    memset(st, 0, sizeof *st);
    st->from_steps = orig->n;
    st->from_preemptions = orig->preemptions;
    attempt_ctx c = {ex, kind, key, shows, st, false};
    weft__plan best;
    /* start from the plan re-run: it must show the finding again */
    bool ok = run_plan(&c, orig, -1, LONG_MAX, 0);
    if (ok) {
        weft__plan_take(ex, &best);
        c.held = true;
        /* each kind of change may open the way for the other: to a fixpoint */
        for (bool more = true; more;) {
            more = false;
            while (best.preemptions > 0 && fewer_preemptions(&c, &best))
                more = true;
            while (fewer_steps(&c, &best))
                more = true;
            if (!more || !budget_left(&c))
                break;
            more = best.preemptions > 0;
        }
        /* leave its execution in ex; a run the watchdog stopped cost
           --watchdog seconds, and is not made again if it was the last */
        if (!(c.held && weft__run_hung())) {
            ok = run_plan(&c, &best, -1, LONG_MAX, 0);
            if (!ok)
                run_plan(&c, orig, -1, LONG_MAX, 0);
        }
        weft__plan_free(&best);
    }
    free(G.pos);
    free(G.chv);
    G.pos = NULL;
    G.chv = NULL;
    ex->strat = saved;
    return ok;
}
