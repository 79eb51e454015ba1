/*
** explore.c: the loop of executions in a worker. Each execution starts from
** main() with the model's globals and heap restored; when it ends, its
** findings are recorded (with their report and token), its outcome counted,
** and the strategy says whether another one follows.
*/
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "lockorder.h"
#include "oracle.h"
#include "report.h"
#include "shrink.h"
#include "strategy.h"
#include "token.h"
#include "worker.h"

char weft__fingerprint[17] = "00000000";

uint64_t weft__hash(const void *p, size_t n, uint64_t h)
{
    const unsigned char *s = p;
    if (!h)
        h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

void weft__area_put(weft__area *a, const char *s, size_t n)
{
    if (a->len + n + 1 > a->cap)
        n = a->len + 1 < a->cap ? a->cap - a->len - 1 : 0;
    memcpy(a->p + a->len, s, n);
    a->len += n;
    a->p[a->len] = 0;
}


/* The token of the execution in ex; for a data race in an execution that
   ended in another finding (or that a replay ends as a lock_order finding:
   lockorder.h), marked as the race's (token.h). */
static void token_of(weft__exec *ex, int kind, char *buf, size_t n)
{
    bool mark = kind == WEFT__DATA_RACE &&
                (ex->end_status == WEFT__END_FINDING || weft__lockorder_closes(ex));
    int32_t *dec = malloc(sizeof *dec * (size_t)(ex->ndecisions ? ex->ndecisions : 1));
    if (!dec) {
        snprintf(buf, n, "(out of memory)");
        return;
    }
    for (long i = 0; i < ex->ndecisions; i++)
        dec[i] = ex->decisions[i].value;
    long len = weft__token_encode(weft__fingerprint, ex->opt->unfair, dec, ex->ndecisions, buf, n);
    if (len < 0 || (mark && (size_t)len + sizeof WEFT__TOKEN_RACE > n))
        snprintf(buf, n, "(the schedule is too long to print)");
    else if (mark)
        memcpy(buf + len, WEFT__TOKEN_RACE, sizeof WEFT__TOKEN_RACE);
    free(dec);
}

static bool finding_known(const weft__shared *sh, uint64_t key)
{
    for (int i = 0; i < sh->nfindings; i++)
        if (sh->keys[i] == key)
            return true;
    return false;
}

static void finding_put(weft__exec *ex, weft__shared *sh, int kind, const char *msg, uint64_t key,
                        const weft__shrink_stats *shrunk)
{
    if (finding_known(sh, key))
        return;
    if (sh->nfindings == WEFT__MAX_FINDINGS)
        return;
    static char token[1 << 16];
    token_of(ex, kind, token, sizeof token);
    weft__finding f = {kind, msg, token, ex->executions, shrunk};
    weft__buf b = {0};
    if (sh->text.len)
        weft__buf_put(&b, "\n", 1);
    weft__report_text(ex, &f, &b);
    weft__area_put(&sh->text, b.p, b.len);
    b.len = 0;
    if (sh->json.len)
        weft__buf_put(&b, ", ", 2);
    weft__report_json(ex, &f, &b);
    weft__area_put(&sh->json, b.p, b.len);
    weft__buf_free(&b);
    if (!sh->nfindings) {
        sh->first_kind = kind;
        snprintf(sh->first_message, sizeof sh->first_message, "%s", msg);
        snprintf(sh->first_token, sizeof sh->first_token, "%.4095s", token);
    }
    sh->keys[sh->nfindings++] = key;
}

void weft__finding_add(weft__exec *ex, weft__shared *sh, int kind, const char *msg, uint64_t key)
{
    finding_put(ex, sh, kind, msg, key, NULL);
}

/* What an execution amounts to, for `weft outcomes`: its output, its
   weft_outcome values, and how it ended if not normally. */
static void outcome_add(weft__exec *ex, weft__shared *sh)
{
    weft__buf b = {0};
    if (ex->out_len)
        weft__buf_put(&b, ex->out, ex->out_len);
    if (ex->outcome_len) {
        if (b.len && b.p[b.len - 1] != '\n')
            weft__buf_put(&b, "\n", 1);
        weft__buf_printf(&b, "outcome: %s\n", ex->outcome);
    }
    if (ex->exit_code)
        weft__buf_printf(&b, "exit status %d\n", ex->exit_code);
    if (ex->end_status == WEFT__END_FINDING) {
        weft__buf_printf(&b, "[%s]\n", weft__kind_names[ex->end_kind]);
        sh->outcome_findings++;
    }
    if (!b.len)
        weft__buf_put(&b, "(no output)\n", 12);
    uint64_t h = weft__hash(b.p, b.len, 0);
    for (int i = 0; i < sh->noutcomes; i++) {
        weft__outcome *o = &sh->outcomes[i];
        if (o->hash == h && o->text_len == b.len && memcmp(sh->otext.p + o->text_off, b.p, b.len) == 0) {
            o->count++;
            weft__buf_free(&b);
            return;
        }
    }
    if (sh->noutcomes < WEFT__MAX_OUTCOMES) {
        static char token[1 << 16];
        token_of(ex, -1, token, sizeof token);
        weft__outcome *o = &sh->outcomes[sh->noutcomes++];
        o->hash = h;
        o->count = 1;
        o->text_off = sh->otext.len;
        o->text_len = b.len;
        weft__area_put(&sh->otext, b.p, b.len);
        weft__area_put(&sh->otext, "", 1);
        o->token_off = sh->otext.len;
        weft__area_put(&sh->otext, token, strlen(token));
        weft__area_put(&sh->otext, "", 1);
    }
    weft__buf_free(&b);
}

/* The replay of one schedule prints its listing whether or not it finds. */
static void replay_report(weft__exec *ex, weft__shared *sh)
{
    weft__buf b = {0};
    weft__buf_printf(&b, "%s (%ld steps, %d preemption%s)\n\n",
                     ex->end_status == WEFT__END_DISCARDED
                         ? "execution discarded: an assumption (__VERIFIER_assume) failed"
                         : "execution without findings",
                     ex->nevents, ex->preemptions, ex->preemptions == 1 ? "" : "s");
    weft__report_listing(ex, &b, ex->opt->width);
    weft__report_output(ex, &b);
    weft__area_put(&sh->text, b.p, b.len);
    weft__buf_free(&b);
}

/* ---- crashes ------------------------------------------------------------------
   A crash in a model thread is caught on an alternate stack and jumps back
   to the loop, which records it like any finding; the worker then exits so
   that a fresh one (with memory the model cannot have damaged) goes on.
   The watchdog's signal (WEFT__SIG_HUNG, from the supervisor: no visible
   step for --watchdog seconds) stops a model thread the same way, where it
   loops: the execution so far, its listing and its schedule, is a livelock
   finding, which is shrunk and replays like any other. */

static sigjmp_buf crash_jmp;
static volatile sig_atomic_t crash_armed;
static volatile int crash_sig;
static void *volatile crash_addr;

static void on_crash(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    if (!crash_armed || !weft__ex || !weft__ex->cur) {
        /* weft's own code, outside any model thread: an internal error */
        static const char m[] = "weft: internal error: the worker crashed outside the model\n";
        if (write(2, m, sizeof m - 1) < 0) {}
        signal(sig, SIG_DFL);
        raise(sig);
        _exit(70);
    }
    crash_sig = sig;
    crash_addr = si->si_addr;
    siglongjmp(crash_jmp, 1);
}

/* Outside a model thread (between executions, in weft's own code) the
   signal is ignored: the supervisor's second look, if nothing moved, kills
   the worker. */
static void on_hung(int sig, siginfo_t *si, void *uc)
{
    (void)si;
    (void)uc;
    if (!crash_armed || !weft__ex || !weft__ex->cur)
        return;
    crash_sig = sig;
    crash_addr = NULL;
    siglongjmp(crash_jmp, 1);
}

bool weft__run_hung(void)
{
    return crash_sig == WEFT__SIG_HUNG;
}

void weft__crash_handlers(void)
{
    static char altstack[1 << 16];
    stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack, .ss_flags = 0};
    sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_crash;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    int sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        sigaction(sigs[i], &sa, NULL);
    sa.sa_sigaction = on_hung;
    sigaction(WEFT__SIG_HUNG, &sa, NULL);
}

static void crash_describe(weft__exec *ex)
{
    weft__thread *t = ex->cur;
    const char *name = t ? weft__thread_name(t) : "?";
    ex->end_status = WEFT__END_FINDING;
    ex->end_kind = WEFT__CRASH;
    ex->end_tid = t ? t->id : -1;
    if (crash_sig == WEFT__SIG_HUNG) {
        /* the limit, not the time measured, so that the report is the same
           bytes every time (and the same finding for shrinking) */
        ex->end_kind = WEFT__LIVELOCK;
        snprintf(ex->end_msg, sizeof ex->end_msg,
                 "%s ran for more than %g s without a visible operation (an endless loop that "
                 "touches no shared memory?); weft stopped it (--watchdog sets the limit)",
                 name, ex->opt->watchdog);
    } else if (t && (crash_sig == SIGSEGV || crash_sig == SIGBUS) && weft__coro_in_guard(t->coro, crash_addr))
        snprintf(ex->end_msg, sizeof ex->end_msg,
                 "%s overflowed its stack (%zu KiB): deep recursion or a large local array",
                 name, t->coro->size >> 10);
    else
        snprintf(ex->end_msg, sizeof ex->end_msg, "%s crashed with %s%s", name,
                 strsignal(crash_sig),
                 crash_sig == SIGSEGV ? " (an invalid memory access)" :
                 crash_sig == SIGFPE ? " (an arithmetic error such as division by zero)" :
                 crash_sig == SIGABRT ? " (abort)" : "");
}

/* The worker's peak memory, for the stats (a worker replaced after a crash
   reports too: the largest counts). */
static void note_rss(weft__shared *sh)
{
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) == 0 && ru.ru_maxrss > sh->peak_rss_kib)
        sh->peak_rss_kib = ru.ru_maxrss;
}

/* ---- the loop ---------------------------------------------------------------------- */

/* The key that makes two findings the same: for a race, its pair of source
   lines in either order; for a deadlock or livelock, its message (who waits
   for what); otherwise where it happened (or its message, for a crash). */
static bool race_key(uint64_t *key)
{
    const void *p1, *p2;
    if (!weft__race_found(&p1, &p2))
        return false;
    char l1[96], l2[96];
    weft__sym_loc(p1, l1, sizeof l1);
    weft__sym_loc(p2, l2, sizeof l2);
    if (strcmp(l1, l2) > 0) {
        char tmp[96];
        memcpy(tmp, l1, sizeof tmp);
        memcpy(l1, l2, sizeof l1);
        memcpy(l2, tmp, sizeof l2);
    }
    *key = weft__hash(l1, strlen(l1), weft__hash(l2, strlen(l2), WEFT__DATA_RACE + 1));
    return true;
}

static uint64_t end_key(const weft__exec *ex)
{
    if (ex->end_kind == WEFT__DEADLOCK || ex->end_kind == WEFT__LIVELOCK || !ex->end_pc)
        return weft__hash(ex->end_msg, strlen(ex->end_msg), (uint64_t)ex->end_kind + 1);
    return weft__hash(&ex->end_pc, sizeof ex->end_pc, (uint64_t)ex->end_kind + 1);
}

/* Does the execution in ex show the finding (kind, key)? What shrinking keeps. */
static bool shows(weft__exec *ex, int kind, uint64_t key)
{
    uint64_t k;
    if (kind == WEFT__DATA_RACE)
        return race_key(&k) && k == key;
    if (kind == WEFT__LOCK_ORDER)
        return weft__lockorder_shows(ex, key);
    return ex->end_status == WEFT__END_FINDING && ex->end_kind == kind && end_key(ex) == key;
}

/* ---- findings waiting to be shrunk ------------------------------------------------
   An execution shows at most two findings (a race, and how it ended). They
   wait here, with the execution's plan, until the search strategy has taken
   what it needs from the execution (its next()); then each is shrunk (which
   runs other executions in ex) and reported from its shrunk execution. */

#define MAX_WAITING 10    /* a race, how it ended, and lock-order cycles */
static struct { int kind; uint64_t key; char msg[1024]; } waiting[MAX_WAITING];
static int nwaiting;
static weft__plan found_plan;

static void finding_found(weft__exec *ex, weft__shared *sh, int mode, int kind, const char *msg,
                          uint64_t key)
{
    for (int i = 0; i < nwaiting; i++)
        if (waiting[i].key == key)
            return;
    if (finding_known(sh, key) || nwaiting == MAX_WAITING)
        return;
    if (mode != WEFT__CHECK || ex->opt->no_shrink) {
        weft__finding_add(ex, sh, kind, msg, key);
        return;
    }
    if (!nwaiting)
        weft__plan_take(ex, &found_plan);
    waiting[nwaiting].kind = kind;
    waiting[nwaiting].key = key;
    snprintf(waiting[nwaiting].msg, sizeof waiting[nwaiting].msg, "%s", msg);
    nwaiting++;
}

static void findings_shrink(weft__exec *ex, weft__shared *sh)
{
    for (int i = 0; i < nwaiting; i++) {
        if (finding_known(sh, waiting[i].key))
            continue;
        weft__shrink_stats st;
        char msg[1024];
        snprintf(msg, sizeof msg, "%s", waiting[i].msg);
        if (waiting[i].kind == WEFT__LOCK_ORDER) {
            /* reported at the end of the search (lockorder.c): render it again */
            if (weft__shrink(ex, &found_plan, WEFT__LOCK_ORDER, waiting[i].key, shows, &st))
                weft__lockorder_shrunk(ex, waiting[i].key, &st);
            continue;
        }
        if (weft__shrink(ex, &found_plan, waiting[i].kind, waiting[i].key, shows, &st)) {
            /* the message of the execution shown: its steps and values */
            if (waiting[i].kind == WEFT__DATA_RACE)
                weft__race_describe(msg, sizeof msg);
            else
                snprintf(msg, sizeof msg, "%s", ex->end_msg);
            finding_put(ex, sh, waiting[i].kind, msg, waiting[i].key, &st);
        } else {
            /* the model did not repeat itself: report what ran, as found */
            finding_put(ex, sh, waiting[i].kind, msg, waiting[i].key, NULL);
        }
    }
    if (nwaiting)
        weft__plan_free(&found_plan);
    nwaiting = 0;
}

static void record_end(weft__exec *ex, weft__shared *sh, int mode)
{
    weft__lockorder_execution(ex, sh, mode);   /* first: in a replay it may end ex as a finding */
    uint64_t key, cycles[MAX_WAITING - 2];
    int ncycles = weft__lockorder_to_shrink(cycles, MAX_WAITING - 2);
    for (int i = 0; i < ncycles && mode == WEFT__CHECK; i++)
        finding_found(ex, sh, mode, WEFT__LOCK_ORDER, "", cycles[i]);
    /* a replay reports a race when nothing else ended the execution, or when
       the token is the race's (token.h): then the race first, as check
       reported it, and after it the finding that ended the execution */
    bool race_replay = mode == WEFT__REPLAY &&
                       (ex->end_status == WEFT__END_OK || ex->end_status == WEFT__END_DISCARDED ||
                        ex->opt->replay_race);
    if ((mode == WEFT__CHECK || race_replay) && race_key(&key) && !finding_known(sh, key)) {
        char msg[1024];
        weft__race_describe(msg, sizeof msg);
        finding_found(ex, sh, mode, WEFT__DATA_RACE, msg, key);
    }
    if (ex->end_status == WEFT__END_FINDING && mode != WEFT__OUTCOMES)
        finding_found(ex, sh, mode, ex->end_kind, ex->end_msg, end_key(ex));
    if (mode == WEFT__OUTCOMES && ex->end_status != WEFT__END_DISCARDED)
        outcome_add(ex, sh);
    if (mode == WEFT__REPLAY) {
        sh->replay_found = ex->end_status == WEFT__END_FINDING || sh->nfindings > 0;
        if (!sh->replay_found && (ex->end_status == WEFT__END_OK ||
                                  ex->end_status == WEFT__END_DISCARDED))
            replay_report(ex, sh);
    }
}

bool weft__run_execution(weft__exec *ex)
{
    weft__mem_reset();
    weft__heap_reset();
    ex->prefix.nodes = NULL;   /* DFS's and DPOR's begin set it */
    ex->strat->begin(ex);
    volatile bool crashed = false;
    crash_sig = 0;
    /* no mask to save: the handlers run with SA_NODEFER, so nothing is
       left blocked when one jumps back (and saving it is a syscall) */
    if (sigsetjmp(crash_jmp, 0) == 0) {
        crash_armed = 1;
        weft__sched_run(ex);
    } else {
        crash_describe(ex);
        crashed = true;
    }
    crash_armed = 0;
    ex->cur = NULL;
    return crashed;
}

void weft__explore(weft__exec *ex, weft__shared *sh, int mode)
{
    double t0 = weft__now() - sh->seconds;
    const weft__strategy_extra *extra = weft__strategy_extra_of(ex->strat);
    weft__crash_handlers();
    ex->executions = sh->executions;
    if (sh->resume) {
        sh->resume = 0;
        if (mode == WEFT__REPLAY || !ex->strat->next(ex)) {
            sh->stop = WEFT__EXHAUSTED;
            return;
        }
    }
    /* runs, counted or not (DPOR's blocked ones, bounded's repeated ones,
       discarded ones): the clock is read every 64 */
    ex->discarded = sh->discarded;
    unsigned long runs = 0;
    for (;;) {
        /* discarded executions count toward the budget: they cost as much */
        if (ex->opt->max_executions &&
            sh->executions + sh->discarded >= ex->opt->max_executions) {
            sh->stop = WEFT__STOP_EXECUTIONS;
            break;
        }
        if (ex->opt->time_limit > 0 && (runs++ & 63) == 0 &&
            weft__now() - t0 >= ex->opt->time_limit) {
            sh->stop = WEFT__STOP_TIME;
            break;
        }
        bool crashed = weft__run_execution(ex);
        if (ex->strat->end)
            ex->strat->end(ex);
        if (ex->end_status == WEFT__END_BLOCKED) {
            /* redundant: equivalent to an execution explored before */
            sh->blocked++;
            if (!ex->strat->next(ex)) {
                sh->stop = WEFT__EXHAUSTED;
                break;
            }
            continue;
        }
        if (ex->end_status == WEFT__END_DISCARDED) {
            /* not an execution the program can have: its prefix happened,
               so a data race or a lock order seen in it counts, but it is
               no outcome and not in stats.executions */
            sh->discarded++;
            ex->discarded = sh->discarded;
            record_end(ex, sh, mode);
            bool again = mode != WEFT__REPLAY && ex->strat->next(ex);
            findings_shrink(ex, sh);
            if (!again) {
                sh->stop = WEFT__EXHAUSTED;
                break;
            }
            continue;
        }
        if ((ex->end_status == WEFT__END_OK || ex->end_status == WEFT__END_FINDING) &&
            extra && extra->repeated && extra->repeated(ex)) {
            /* a schedule run and counted before (bounded: an earlier bound's) */
            if (crashed) {
                sh->resume = 1;
                note_rss(sh);
                fflush(NULL);
                _exit(0);
            }
            if (!ex->strat->next(ex)) {
                sh->stop = WEFT__EXHAUSTED;
                break;
            }
            continue;
        }
        sh->executions++;
        ex->executions = sh->executions;
        sh->events += ex->nevents;
        sh->mass += 1 / ex->weight;
        sh->weight_sum += ex->weight;
        sh->ndecisions = ex->ndecisions;
        if ((sh->executions & 63) == 0)
            sh->seconds = weft__now() - t0;

        if (ex->end_status == WEFT__END_LIMIT || ex->end_status == WEFT__END_DIVERGED) {
            snprintf(sh->error_msg, sizeof sh->error_msg, "%s", ex->end_msg);
            sh->error = 2;
            sh->stop = WEFT__STOP_ERROR;
            break;
        }
        record_end(ex, sh, mode);
        if (ex->opt->oracle && (sh->traces = weft__oracle_execution(ex)) < 0) {
            snprintf(sh->error_msg, sizeof sh->error_msg,
                     "--oracle-traces counts up to %ld distinct traces, and this search has more",
                     weft__oracle_limit());
            sh->error = 2;
            sh->stop = WEFT__STOP_ERROR;
            break;
        }
        if (crashed) {
            /* the model may have damaged this process (or left a thread
               looping on its stack): a fresh worker goes on (shrinking runs
               first: a crash or hang it meets again is caught alike) */
            findings_shrink(ex, sh);
            sh->resume = 1;
            sh->stop = (mode == WEFT__CHECK && !ex->opt->keep_going) ? WEFT__STOP_FINDING : WEFT__RUNNING;
            if (mode == WEFT__REPLAY)
                sh->stop = WEFT__EXHAUSTED;
            note_rss(sh);
            fflush(NULL);
            _exit(0);
        }
        if (mode == WEFT__CHECK && !ex->opt->keep_going && (sh->nfindings || nwaiting) &&
            ex->end_status == WEFT__END_FINDING) {
            findings_shrink(ex, sh);
            sh->stop = WEFT__STOP_FINDING;
            break;
        }
        /* the strategy reads this execution before shrinking replaces it */
        bool more = mode != WEFT__REPLAY && ex->strat->next(ex);
        findings_shrink(ex, sh);
        if (!more) {
            sh->stop = WEFT__EXHAUSTED;
            break;
        }
    }
    sh->seconds = weft__now() - t0;
    note_rss(sh);
}
