/*
** runner.c: the test suite's one runner. A registry of named tests (unit
** tests of the engine's pieces, CLI tests that run build/weft, and model
** tests that pin a model's verdict, finding kind and exact execution count),
** each forked with a timeout. TAP output; the last line is "N passed, N failed".
**     build/tests/runner            every test
**     build/tests/runner NAME...    the tests whose names contain NAME
**     build/tests/runner -l         list the tests
*/
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "token.h"
#include "weft_int.h"

/* ---- assertions: print both sides, fail the (forked) test ------------------- */
#define FAIL(...) do { printf("#   %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); \
                       printf("\n"); fflush(stdout); _exit(1); } while (0)
#define ASSERT(c) do { if (!(c)) FAIL("assertion failed: %s", #c); } while (0)
#define ASSERT_EQ(a, b) do { long a_ = (long)(a), b_ = (long)(b); \
    if (a_ != b_) FAIL("%s == %s: %ld != %ld", #a, #b, a_, b_); } while (0)
#define ASSERT_STR(a, b) do { const char *a_ = (a), *b_ = (b); \
    if (strcmp(a_, b_) != 0) FAIL("%s == %s:\n#     \"%s\"\n#  != \"%s\"", #a, #b, a_, b_); } while (0)
#define ASSERT_HAS(hay, needle) do { const char *h_ = (hay), *n_ = (needle); \
    if (!strstr(h_, n_)) FAIL("expected to find \"%s\" in:\n%s", n_, h_); } while (0)

static const char *weft_bin = "build/weft";
static const char *weft_uc_bin = "build/weft-ucontext";

/* ---- running the weft command ---------------------------------------------------- */

typedef struct run { int status; char *out; char *err; } run;

static char *slurp_fd(int fd)
{
    size_t cap = 4096, len = 0;
    char *b = malloc(cap);
    for (;;) {
        if (len + 4096 > cap)
            b = realloc(b, cap *= 2);
        ssize_t n = read(fd, b + len, cap - len - 1);
        if (n <= 0)
            break;
        len += (size_t)n;
    }
    b[len] = 0;
    return b;
}

/* Run argv (NULL-terminated) and capture stdout and stderr. */
static run run_argv(char *const argv[])
{
    char outp[] = "/tmp/weft-test-out-XXXXXX", errp[] = "/tmp/weft-test-err-XXXXXX";
    int of = mkstemp(outp), ef = mkstemp(errp);
    unlink(outp);
    unlink(errp);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(of, 1);
        dup2(ef, 2);
        int nul = open("/dev/null", O_RDONLY);
        dup2(nul, 0);
        execvp(argv[0], argv);
        _exit(127);
    }
    int st;
    waitpid(pid, &st, 0);
    run r;
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    lseek(of, 0, SEEK_SET);
    lseek(ef, 0, SEEK_SET);
    r.out = slurp_fd(of);
    r.err = slurp_fd(ef);
    close(of);
    close(ef);
    return r;
}

/* Run "weft CMD args..." where args is one string split at blanks. */
static run weftv(const char *bin, const char *cmd, const char *args)
{
    char *argv[64];
    int n = 0;
    argv[n++] = (char *)bin;
    argv[n++] = (char *)cmd;
    char *copy = strdup(args ? args : "");
    for (char *s = strtok(copy, " "); s && n < 62; s = strtok(NULL, " "))
        argv[n++] = s;
    argv[n] = NULL;
    return run_argv(argv);
}

static run weft(const char *cmd, const char *args) { return weftv(weft_bin, cmd, args); }

/* ---- reading weft's JSON (its own, fixed format) ------------------------------------ */

static void json_str(const char *json, const char *key, char *buf, size_t n)
{
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\": \"", key);
    const char *p = strstr(json, pat);
    buf[0] = 0;
    if (!p)
        return;
    p += strlen(pat);
    size_t k = 0;
    while (*p && *p != '"' && k + 1 < n)
        buf[k++] = *p++;
    buf[k] = 0;
}

static long json_num(const char *json, const char *key)
{
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\": ", key);
    const char *p = strstr(json, pat);
    return p ? strtol(p + strlen(pat), NULL, 10) : -1;
}

/* ---- model tests ----------------------------------------------------------------------- */

typedef struct model_test {
    const char *name, *file, *args;
    int exit;             /* expected exit status */
    const char *kind;     /* first finding's kind, "" for none */
    long executions;      /* exact stats.executions */
    const char *outcomes; /* WT_OUTCOMES: sorted distinct outcomes, '|' separated */
} model_test;

#define WT_MODEL(name, file, args, exit, kind, execs) {#name, file, args, exit, kind, execs, NULL},
#define WT_OUTCOMES(name, file, args, outs) {#name, file, args, -1, NULL, -1, outs},
static const model_test model_tests[] = {
#include "prim_tests_a.h"
#include "prim_tests_b.h"
#include "model_tests.h"
#include "pthread_tests.h"
#include "finding_tests.h"
#include "strategy_tests.h"
#include "bench_tests.h"
#include "jobs_tests.h"
};
#undef WT_MODEL
#undef WT_OUTCOMES

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

#define UC_CAP 300000

static void check_model(const model_test *t, const char *bin)
{
    char args[1024];
    if (t->outcomes) {
        snprintf(args, sizeof args, "--json %s %s", t->file, t->args);
        run r = weftv(bin, "outcomes", args);
        if (r.status != 0 && r.status != 1)
            FAIL("weft outcomes exited %d\n%s", r.status, r.err);
        /* collect the "output" strings, unescape \n to a space-free form */
        char *outs[4096];
        int n = 0;
        for (const char *p = r.out; (p = strstr(p, "{\"output\": \"")) && n < 4096;) {
            p += strlen("{\"output\": \"");
            char *o = malloc(strlen(p) + 1);
            size_t k = 0;
            while (*p && *p != '"') {
                if (p[0] == '\\' && p[1] == 'n') {
                    o[k++] = '/';
                    p += 2;
                } else if (p[0] == '\\' && p[1]) {
                    o[k++] = p[1];
                    p += 2;
                } else {
                    o[k++] = *p++;
                }
            }
            while (k && o[k - 1] == '/')
                k--;
            o[k] = 0;
            outs[n++] = o;
        }
        qsort(outs, (size_t)n, sizeof outs[0], cmp_str);
        char got[65536] = "";
        for (int i = 0; i < n; i++) {
            if (i)
                strncat(got, "|", sizeof got - strlen(got) - 1);
            strncat(got, outs[i], sizeof got - strlen(got) - 1);
        }
        ASSERT_STR(got, t->outcomes);
        return;
    }
    /* The swapcontext backend costs a system call per switch (about 1 us on
       the development machine): its run of a model with a million clean
       executions is capped, so that it checks the backend on a part of the
       search and not the suite's patience. The fast backend runs it all. */
    long executions = t->executions;
    if (bin == weft_uc_bin && t->exit == 0 && executions > UC_CAP) {
        snprintf(args, sizeof args, "--json --max-executions %d %s %s", UC_CAP, t->file, t->args);
        executions = UC_CAP;
    } else {
        snprintf(args, sizeof args, "--json %s %s", t->file, t->args);
    }
    run r = weftv(bin, "check", args);
    if (r.status != t->exit)
        FAIL("exit status %d, expected %d\n#   stdout: %.2000s\n#   stderr: %.2000s", r.status,
             t->exit, r.out, r.err);
    char kind[32];
    json_str(r.out, "kind", kind, sizeof kind);
    ASSERT_STR(kind, t->kind);
    ASSERT_EQ(json_num(r.out, "executions"), executions);
}

/* ---- unit tests -------------------------------------------------------------------------- */

static void test_token_roundtrip(void)
{
    int32_t dec[200], back[400];
    for (int i = 0; i < 200; i++)
        dec[i] = (i % 7 == 0) ? 3 : (i % 13 == 0) ? 100000 : i % 3;
    char tok[4096], fp8[9], err[128];
    bool unfair = true, race = true;
    long n = weft__token_encode("0123abcd", false, dec, 200, tok, sizeof tok);
    ASSERT(n > 0);
    for (const char *p = tok; *p; p++)
        ASSERT(*p > ' ' && *p < 127 && *p != '\'' && *p != '"' && *p != '\\' && *p != '~');
    long m = weft__token_decode(tok, fp8, &unfair, &race, back, 400, err, sizeof err);
    ASSERT_EQ(m, 200);
    ASSERT(!unfair);
    ASSERT(!race);
    ASSERT_STR(fp8, "0123abcd");
    for (int i = 0; i < 200; i++)
        ASSERT_EQ(back[i], dec[i]);
    /* runs compress */
    int32_t same[50];
    for (int i = 0; i < 50; i++)
        same[i] = 2;
    n = weft__token_encode("0123abcd", false, same, 50, tok, sizeof tok);
    ASSERT(n < 20);
    ASSERT_EQ(weft__token_decode(tok, fp8, &unfair, &race, back, 400, err, sizeof err), 50);
    /* a schedule made without the fairness rule says so: w2 */
    n = weft__token_encode("0123abcd", true, same, 50, tok, sizeof tok);
    ASSERT(!strncmp(tok, "w2.0123abcd.", 12));
    ASSERT_EQ(weft__token_decode(tok, fp8, &unfair, &race, back, 400, err, sizeof err), 50);
    ASSERT(unfair);
    /* malformed ones are refused with a reason */
    ASSERT_EQ(weft__token_decode("x1.0123abcd.a", fp8, &unfair, &race, back, 400, err, sizeof err), -1);
    ASSERT_EQ(weft__token_decode("w1.0123abcZ.a", fp8, &unfair, &race, back, 400, err, sizeof err), -1);
    ASSERT_EQ(weft__token_decode("w1.0123abcd.A", fp8, &unfair, &race, back, 400, err, sizeof err), -1);
    ASSERT_EQ(weft__token_decode("w1.0123abcd..b", fp8, &unfair, &race, back, 400, err, sizeof err), -1);
    ASSERT_EQ(weft__token_decode("w1.0123abcd.a!", fp8, &unfair, &race, back, 400, err, sizeof err), -1);
    /* a data race's token may say so after its decisions, and nothing else may */
    ASSERT_EQ(weft__token_decode("w1.0123abcd.ab.c+data_race", fp8, &unfair, &race, back, 400, err,
                                 sizeof err), 4);
    ASSERT(race);
    ASSERT_EQ(back[3], 1);
    ASSERT_EQ(weft__token_decode("w1.0123abcd.ab+race", fp8, &unfair, &race, back, 400, err,
                                 sizeof err), -1);
    ASSERT_HAS(err, "+data_race");
}

/* Coroutines keep callee-saved state, the FP environment and the stack apart. */
static weft__coro co_main, co_a, co_b;
static volatile int trail[16], ntrail;
static void co_fn(void *arg)
{
    long id = (long)arg;
    double x = 1.5 * (double)id;
    for (int i = 0; i < 3; i++) {
        trail[ntrail++] = (int)id * 10 + i;
        x *= 2;
        weft__coro_switch(id == 1 ? &co_a : &co_b, &co_main);
    }
    trail[ntrail++] = (int)x;
    weft__coro_switch(id == 1 ? &co_a : &co_b, &co_main);
}

static void test_coro_switch(void)
{
    weft__coro_self(&co_main);
    ASSERT_EQ(weft__coro_slot(&co_a, 64 * 1024), 0);
    ASSERT_EQ(weft__coro_slot(&co_b, 64 * 1024), 0);
    weft__coro_prepare(&co_a, co_fn, (void *)1L);
    weft__coro_prepare(&co_b, co_fn, (void *)2L);
    for (int i = 0; i < 4; i++) {
        weft__coro_switch(&co_main, &co_a);
        weft__coro_switch(&co_main, &co_b);
    }
    int want[] = {10, 20, 11, 21, 12, 22, 12, 24};
    ASSERT_EQ(ntrail, 8);
    for (int i = 0; i < 8; i++)
        ASSERT_EQ(trail[i], want[i]);
    ASSERT(weft__coro_in_guard(&co_a, co_a.stack - 1));
    ASSERT(!weft__coro_in_guard(&co_a, co_a.stack));
}

/* ---- CLI tests ------------------------------------------------------------------------------ */

static void test_cli_help_version(void)
{
    run r = weft("--help", "");
    ASSERT_EQ(r.status, 0);
    ASSERT_HAS(r.out, "usage: weft check");
    r = weft("--version", "");
    ASSERT_EQ(r.status, 0);
    ASSERT_HAS(r.out, "weft 0.1.0");
}

static void test_cli_usage_errors(void)
{
    run r = weft("check", "--frobnicate models/yes_no.c");
    ASSERT_EQ(r.status, 2);
    ASSERT_HAS(r.err, "unknown option '--frobnicate'");
    r = weft("frob", "models/yes_no.c");
    ASSERT_EQ(r.status, 2);
    ASSERT_HAS(r.err, "unknown command");
    r = weft("check", "");
    ASSERT_EQ(r.status, 2);
    ASSERT_HAS(r.err, "no model given");
    r = weft("check", "--max-executions lots models/yes_no.c");
    ASSERT_EQ(r.status, 2);
    ASSERT_HAS(r.err, "--max-executions needs a number");
    r = weft("check", "--strategy magic models/yes_no.c");
    ASSERT_EQ(r.status, 2);
    ASSERT_HAS(r.err, "unknown strategy 'magic'");
    r = weft("replay", "models/yes_no.c");
    ASSERT_EQ(r.status, 2);
    ASSERT_HAS(r.err, "needs a schedule token");
    r = weft("check", "--nondet-domain many models/yes_no.c");
    ASSERT_EQ(r.status, 2);
    ASSERT_HAS(r.err, "--nondet-domain needs a number from 1 to 1024 (got 'many')");
    r = weft("check", "--nondet-domain 2.5 models/yes_no.c");
    ASSERT_EQ(r.status, 2);
    ASSERT_HAS(r.err, "--nondet-domain needs a whole number");
    r = weft("check", "models/yes_no.c --nondet-domain");
    ASSERT_EQ(r.status, 2);
    ASSERT_HAS(r.err, "--nondet-domain needs a number");
    r = weft("check", "--keep-threads=yes models/yes_no.c");
    ASSERT_EQ(r.status, 2);
    ASSERT_HAS(r.err, "unknown option '--keep-threads=yes'");
}

static void test_cli_missing_file(void)
{
    run r = weft("check", "models/no_such_model.c");
    ASSERT_EQ(r.status, 2);
    ASSERT_HAS(r.err, "no_such_model.c");
}

static void test_cli_compile_error(void)
{
    run r = weft("check", "tests/cli/syntax_error.c");
    ASSERT_EQ(r.status, 3);
    ASSERT_HAS(r.err, "error");
    ASSERT_HAS(r.err, "did not compile");
}

static void test_cli_no_main(void)
{
    run r = weft("check", "tests/cli/no_main.c");
    ASSERT_EQ(r.status, 3);
    ASSERT_HAS(r.err, "no main()");
}

/* The schedule token in a report: "w1." (fair schedules) or "w2." (DPOR's). */
static const char *find_token(const char *p)
{
    const char *a = strstr(p, "w1."), *b = strstr(p, "w2.");
    return a && (!b || a < b) ? a : b;
}

/* A finding's token replays to the same report, byte for byte, every time. */
static void test_cli_replay_identical(void)
{
    run r = weft("check", "models/racy_total.c -DN=3 --no-races");
    ASSERT_EQ(r.status, 1);
    const char *p = strstr(r.out, "replay: ");
    ASSERT(p);
    const char *tok = find_token(p);
    ASSERT(tok);
    char token[4096];
    size_t k = 0;
    while (tok[k] && tok[k] != '\n' && k + 1 < sizeof token) {
        token[k] = tok[k];
        k++;
    }
    token[k] = 0;
    char args[4200];
    snprintf(args, sizeof args, "models/racy_total.c -DN=3 %s", token);
    run a = weft("replay", args), b = weft("replay", args), c = weft("replay", args);
    ASSERT_EQ(a.status, 1);
    ASSERT_STR(a.out, b.out);
    ASSERT_STR(a.out, c.out);
    ASSERT_HAS(a.out, "assertion found");
    /* the replayed report is the check's report of that finding */
    const char *start = strstr(r.out, "assertion found");
    ASSERT(start);
    ASSERT(strncmp(start, a.out, strlen(a.out)) == 0);
    /* the ucontext build replays it the same way */
    run u = weftv(weft_uc_bin, "replay", args);
    *strstr(u.out, "\nreplay: ") = 0;   /* that line names the binary that ran */
    *strstr(a.out, "\nreplay: ") = 0;
    ASSERT_STR(u.out, a.out);
}

/* A data race's token replays to the race's report (a race does not end
   its execution: the replay finds it again on the way). */
static void test_cli_replay_race(void)
{
    run r = weft("check", "models/racy_total.c -DN=3");
    ASSERT_EQ(r.status, 1);
    const char *start = strstr(r.out, "data_race found");
    ASSERT(start);
    const char *tok = find_token(strstr(start, "replay: "));
    char token[4096];
    size_t k = strcspn(tok, "\n");
    snprintf(token, sizeof token, "%.*s", (int)k, tok);
    char args[4200];
    snprintf(args, sizeof args, "models/racy_total.c -DN=3 %s", token);
    run a = weft("replay", args);
    ASSERT_EQ(a.status, 1);
    ASSERT(!strncmp(a.out, "data_race found", 15));
    ASSERT(strncmp(start, a.out, strlen(a.out)) == 0);
}

/* A race in an execution that then fails an assertion (a lost update):
   found as it is, unshrunk, the two findings share one execution. The
   race's token says it is the race's (+data_race) and replays to the race's
   report, as check printed it, followed by the assertion's; the
   assertion's token replays to the assertion alone. Same bytes every time. */
static void token_in(const char *out, const char *after, char *buf, size_t n);

/* Replaying a marked race token (twice: the same bytes) prints check's
   race report (rs, up to the next finding's, next) and then that one. */
static void replay_race_first(const char *model, const char *race, const char *rs,
                              const char *next)
{
    char args[4200];
    snprintf(args, sizeof args, "%s %s", model, race);
    run a = weft("replay", args), b = weft("replay", args);
    ASSERT_EQ(a.status, 1);
    ASSERT_STR(a.out, b.out);
    ASSERT(!strncmp(a.out, rs, (size_t)(next - rs)));
    ASSERT(!strncmp(a.out + (next - rs), next, strlen(a.out + (next - rs))));
}

static void test_cli_replay_race_then_assert(void)
{
    const char *model = "tests/findings/race_then_assert.c";
    char args[4200], race[4096], assertion[4096];
    snprintf(args, sizeof args, "--strategy random --seed 1 --no-shrink --keep-going "
                                "--max-executions 1 %s", model);
    run r = weft("check", args);
    ASSERT_EQ(r.status, 1);
    const char *rs = strstr(r.out, "data_race found"), *as = strstr(r.out, "assertion found");
    ASSERT(rs && as && rs < as);
    token_in(r.out, "data_race found", race, sizeof race);
    token_in(r.out, "assertion found", assertion, sizeof assertion);
    size_t k = strlen(assertion);
    ASSERT_EQ(strlen(race), k + strlen("+data_race"));
    ASSERT(!strncmp(race, assertion, k) && !strcmp(race + k, "+data_race"));
    /* the race's token: the race's report, then the assertion's */
    replay_race_first(model, race, rs, as);
    snprintf(args, sizeof args, "--json %s %s", model, race);
    run j = weft("replay", args);
    ASSERT_EQ(j.status, 1);
    ASSERT_HAS(j.out, "\"findings\": [{\"kind\": \"data_race\"");
    ASSERT_HAS(j.out, "+data_race\"");
    ASSERT_HAS(j.out, "{\"kind\": \"assertion\"");
    /* the assertion's token: the assertion alone */
    snprintf(args, sizeof args, "%s %s", model, assertion);
    run c = weft("replay", args);
    ASSERT_EQ(c.status, 1);
    ASSERT(!strncmp(c.out, "assertion found", 15));
    ASSERT(!strstr(c.out, "data_race"));
    ASSERT(!strncmp(as, c.out, strlen(c.out)));
    /* shrunk, the race runs without the lost update: an unmarked token that
       replays to the race alone */
    snprintf(args, sizeof args, "--strategy random --seed 1 %s", model);
    r = weft("check", args);
    token_in(r.out, "data_race found", race, sizeof race);
    ASSERT(race[0] && !strchr(race, '+'));
}

/* The same when the race's execution ends well but closes a lock-order
   cycle, which a replay of its token reports as lock_order: the race's
   token is marked and replays to the race first; the lock_order's does not
   show the race. */
static void test_cli_replay_race_lock_order(void)
{
    const char *model = "tests/findings/race_lock_order.c";
    char args[4200], race[4096], order[4096];
    snprintf(args, sizeof args, "--max-executions 1 %s", model);
    run r = weft("check", args);
    ASSERT_EQ(r.status, 1);
    const char *rs = strstr(r.out, "data_race found"), *ls = strstr(r.out, "lock_order found");
    ASSERT(rs && ls && rs < ls);
    token_in(r.out, "data_race found", race, sizeof race);
    token_in(r.out, "lock_order found", order, sizeof order);
    ASSERT_EQ(strlen(race), strlen(order) + strlen("+data_race"));
    ASSERT(!strncmp(race, order, strlen(order)));
    replay_race_first(model, race, rs, ls);
    snprintf(args, sizeof args, "%s %s", model, order);
    run c = weft("replay", args);
    ASSERT_EQ(c.status, 1);
    ASSERT(!strncmp(ls, c.out, strlen(c.out)));
    ASSERT(!strstr(c.out, "data_race"));
}

static void test_cli_check_deterministic(void)
{
    run a = weft("check", "--keep-going models/racy_total.c -DN=2");
    run b = weft("check", "--keep-going models/racy_total.c -DN=2");
    ASSERT_EQ(a.status, 1);
    ASSERT_STR(a.out, b.out);
}

/* --jobs: the same output as --jobs 1, byte for byte (stdout; stderr has
   the time), on models where helpers meet each kind of execution they must
   leave to the worker: a data race, a crash (its worker and helpers are
   replaced), executions an assumption discards, a deadlock, two locks. */
static void test_cli_jobs_same_output(void)
{
    static const char *const cases[] = {
        "models/cond_timeout0.c",
        "--keep-going models/racy_total.c -DN=2",
        "--keep-going --max-executions 3000 tests/cli/segv.c",
        "tests/pthread/verifier_assume.c",
        "--max-executions 20000 --keep-going models/philosophers.c",
        "--max-executions 54321 tests/bench/tiny.c",
        "--max-executions 20000 --json --keep-going models/bakery.c",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char a1[512], a2[512];
        snprintf(a1, sizeof a1, "--strategy dfs %s", cases[i]);
        snprintf(a2, sizeof a2, "--strategy dfs --jobs 2 %s", cases[i]);
        run a = weft("check", a1), b = weft("check", a2);
        ASSERT_EQ(b.status, a.status);
        if (strstr(cases[i], "--json")) {
            /* the times differ: compare up to them */
            char *ta = strstr(a.out, "\"seconds\""), *tb = strstr(b.out, "\"seconds\"");
            ASSERT(ta && tb);
            *ta = *tb = 0;
        }
        ASSERT_STR(b.out, a.out);
    }
}

/* What --jobs' helpers ask the lock-order detector (is everything this
   execution shows in the graph already?) is what the graph then does, at
   every execution of these searches: WEFT_CHECK_KNOWN makes the worker
   check it, and exit as weft's bug if not. lock_order_held_sets.c gains
   edges all through its search; the others have locks held around
   semaphores (gates), conditions, three-lock cycles, RLocks. */
static void test_lockorder_known_agrees(void)
{
    static const char *const cases[] = {
        "tests/findings/lock_order_held_sets.c",
        "tests/findings/lock_order_sem_gate.c",
        "tests/findings/lock_order_gated.c",
        "tests/findings/lock_order_three.c",
        "tests/findings/lock_order_cond_wait.c",
        "models/philosophers.c",
        "models/h2o.c",
        "models/safelist_rlock.c",
        "tests/pthread/rwlock_mix.c",
    };
    setenv("WEFT_CHECK_KNOWN", "1", 1);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char args[512];
        snprintf(args, sizeof args, "--strategy dfs --keep-going --max-executions 30000 %s",
                 cases[i]);
        run r = weft("check", args);
        if (r.status != 0 && r.status != 1)
            FAIL("%s: exit status %d\n%s", cases[i], r.status, r.err);
        ASSERT(!strstr(r.err, "internal error"));
    }
}

/* The helpers do run executions (--verbose says how many), and --jobs is
   refused where it cannot work. */
static void test_cli_jobs_helpers(void)
{
    run r = weft("check", "--strategy dfs --jobs 2 -v --max-executions 200000 tests/bench/tiny.c");
    ASSERT_EQ(r.status, 0);
    ASSERT_HAS(r.err, "strategy dfs on 2 processes");
    const char *h = strstr(r.err, "the helpers ran ");
    ASSERT(h);
    long n = strtol(h + strlen("the helpers ran "), NULL, 10);
    ASSERT(n > 0 && n < 200000);
    r = weft("check", "--jobs 2 models/yes_no.c");
    ASSERT_EQ(r.status, 2);
    ASSERT_HAS(r.err, "--jobs runs --strategy dfs only");
    r = weft("check", "--strategy dfs --jobs 0 models/yes_no.c");
    ASSERT_EQ(r.status, 2);
    ASSERT_HAS(r.err, "--jobs needs a number from 1 to 16 (got '0')");
    r = weft("check", "--strategy dfs --jobs 2.5 models/yes_no.c");
    ASSERT_EQ(r.status, 2);
    ASSERT_HAS(r.err, "--jobs needs a whole number");
    r = weft("outcomes", "--strategy dfs --jobs 2 models/yes_no.c");
    ASSERT_EQ(r.status, 2);
    ASSERT_HAS(r.err, "--jobs applies to weft check only");
    r = weft("check", "--strategy dfs --jobs 2 --oracle-traces models/yes_no.c");
    ASSERT_EQ(r.status, 2);
    ASSERT_HAS(r.err, "--oracle-traces counts the traces of every execution in one process");
}

static void test_cli_bad_tokens(void)
{
    run r = weft("replay", "models/yes_no.c w1.zz");
    ASSERT_EQ(r.status, 2);
    ASSERT_HAS(r.err, "malformed schedule token");
    r = weft("replay", "models/yes_no.c w1.0123abcd.a!b");
    ASSERT_EQ(r.status, 2);
    ASSERT_HAS(r.err, "malformed schedule token");
    /* a token of another model is refused, and --force says where it diverges */
    run d = weft("check", "models/deadlock_ab_ba.c");
    ASSERT_EQ(d.status, 1);
    const char *tok = find_token(strstr(d.out, "replay: "));
    char args[4200];
    snprintf(args, sizeof args, "models/yes_no.c %.*s", (int)strcspn(tok, "\n"), tok);
    r = weft("replay", args);
    ASSERT_EQ(r.status, 2);
    ASSERT_HAS(r.err, "different build of the model");
    snprintf(args, sizeof args, "--force models/yes_no.c %.*s", (int)strcspn(tok, "\n"), tok);
    r = weft("replay", args);
    ASSERT_EQ(r.status, 2);
    ASSERT_HAS(r.err, "diverged at step");
}

static void test_cli_json(void)
{
    run r = weft("check", "--json models/deadlock_ab_ba.c");
    ASSERT_EQ(r.status, 1);
    ASSERT(r.out[0] == '{');
    ASSERT_HAS(r.out, "\"verdict\": \"bug\"");
    ASSERT_HAS(r.out, "\"findings\": [{\"kind\": \"deadlock\"");
    ASSERT_HAS(r.out, "\"schedule\": \"w2.");
    ASSERT_HAS(r.out, "\"preemptions\": 1");
    ASSERT_HAS(r.out, "\"threads\": [\"main\", \"transfer_ab#1\", \"transfer_ba#2\"]");
    ASSERT_HAS(r.out, "\"stats\": {\"executions\": ");
    ASSERT_HAS(r.out, "\"complete\": false");
    ASSERT_EQ(strchr(r.out, '\n') - r.out, (long)strlen(r.out) - 1);   /* one line */
    r = weft("check", "--json models/yes_no.c");
    ASSERT_EQ(r.status, 0);
    ASSERT_HAS(r.out, "\"verdict\": \"ok\", \"findings\": []");
    ASSERT_HAS(r.out, "\"complete\": true");
    r = weft("check", "--json --strategy dfs --max-executions 3 models/yes_no.c");
    ASSERT_EQ(r.status, 0);
    ASSERT_HAS(r.out, "\"verdict\": \"incomplete\"");
    ASSERT_EQ(json_num(r.out, "executions"), 3);
}

static void test_cli_deadlock_report(void)
{
    run r = weft("check", "models/deadlock_ab_ba.c");
    ASSERT_EQ(r.status, 1);
    ASSERT_HAS(r.out, "deadlock found");
    ASSERT_HAS(r.out, "transfer_ab#1 waits in acquire lock_b, held by transfer_ba#2; holds lock_a");
    ASSERT_HAS(r.out, "transfer_ba#2 waits in acquire lock_a, held by transfer_ab#1; holds lock_b");
}

static void test_cli_crash(void)
{
    run r = weft("check", "--json tests/cli/segv.c");
    ASSERT_EQ(r.status, 1);
    ASSERT_HAS(r.out, "\"kind\": \"crash\"");
    ASSERT_HAS(r.out, "Segmentation fault");
    /* --keep-going: the worker is replaced after each crash and the search goes on */
    r = weft("check", "--json --keep-going tests/cli/segv.c");
    ASSERT_EQ(r.status, 1);
    ASSERT_HAS(r.out, "\"complete\": true");
}

static void test_cli_stack_overflow(void)
{
    run r = weft("check", "tests/cli/overflow.c");
    ASSERT_EQ(r.status, 1);
    ASSERT_HAS(r.out, "crash found");
    ASSERT_HAS(r.out, "overflowed its stack");
}

static void test_cli_abort_and_assert(void)
{
    run r = weft("check", "--json tests/cli/c_assert.c");
    ASSERT_EQ(r.status, 1);
    ASSERT_HAS(r.out, "\"kind\": \"assertion\"");
    ASSERT_HAS(r.out, "assert(x == 2) failed");
    r = weft("check", "--json tests/cli/abort.c");
    ASSERT_EQ(r.status, 1);
    ASSERT_HAS(r.out, "\"kind\": \"crash\"");
    ASSERT_HAS(r.out, "called abort()");
}

/* The weft processes whose parent is pid (not the compiler it runs). */
static int weft_children(pid_t pid, pid_t *kids, int max)
{
    int n = 0;
    DIR *d = opendir("/proc");
    struct dirent *de;
    while (d && (de = readdir(d)) && n < max) {
        char path[300], buf[512];
        snprintf(path, sizeof path, "/proc/%s/stat", de->d_name);
        FILE *f = fopen(path, "r");
        if (!f)
            continue;
        size_t len = fread(buf, 1, sizeof buf - 1, f);
        fclose(f);
        buf[len] = 0;
        /* pid (comm) state ppid ... */
        char *close_paren = strrchr(buf, ')');
        int ppid = close_paren ? atoi(close_paren + 4) : -1;
        if (ppid == pid && strstr(buf, "(weft)"))
            kids[n++] = (pid_t)atoi(buf);
    }
    if (d)
        closedir(d);
    return n;
}

/* Gone, or a zombie nobody reaped yet. */
static bool process_ended(pid_t pid)
{
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return true;
    size_t len = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[len] = 0;
    char *close_paren = strrchr(buf, ')');
    return close_paren && close_paren[2] == 'Z';
}

/* A weft killed in the middle of a search (SIGTERM, as `timeout` sends it)
   takes its worker and its helpers along: none searches on alone. */
static void test_cli_processes_end_with_weft(void)
{
    pid_t top = fork();
    if (top == 0) {
        int fd = open("/dev/null", O_WRONLY);
        dup2(fd, 1);
        dup2(fd, 2);
        execl(weft_bin, weft_bin, "check", "--strategy", "dfs", "--jobs", "2", "models/bakery.c",
              (char *)NULL);
        _exit(127);
    }
    pid_t kids[8];
    int n = 0;
    for (int i = 0; i < 1500 && n < 2; i++) {   /* up to 30 s: it may compile the model first */
        struct timespec ts = {0, 20000000};
        nanosleep(&ts, NULL);
        n = weft_children(top, kids, 8);
    }
    ASSERT_EQ(n, 2);   /* the worker, and the helper's supervisor */
    pid_t helper[8];
    int nh = 0;
    for (int i = 0; i < 100 && !nh; i++) {
        struct timespec ts = {0, 20000000};
        nanosleep(&ts, NULL);
        for (int k = 0; k < n && !nh; k++)
            nh = weft_children(kids[k], helper, 8);
    }
    ASSERT_EQ(nh, 1);
    kids[n++] = helper[0];
    kill(top, SIGTERM);
    waitpid(top, NULL, 0);
    for (int k = 0; k < n; k++) {
        int i = 0;
        while (!process_ended(kids[k]) && i++ < 200) {
            struct timespec ts = {0, 10000000};
            nanosleep(&ts, NULL);
        }
        if (!process_ended(kids[k]))
            FAIL("process %d outlived the weft that started it", (int)kids[k]);
    }
}

static void test_cli_hang_watchdog(void)
{
    run r = weft("check", "--json --watchdog 0.5 tests/cli/hang.c");
    ASSERT_EQ(r.status, 1);
    ASSERT_HAS(r.out, "\"kind\": \"livelock\"");
    ASSERT_HAS(r.out, "without a visible operation");
    ASSERT_HAS(r.out, "spinner#1");
    ASSERT_HAS(r.out, "\"steps\": 3, \"preemptions\": 0,");
    /* a thread that blocks the watchdog's signal cannot be stopped inside
       the model: its worker is killed, and the report says what it lacks */
    r = weft("check", "--watchdog 0.5 tests/cli/hang_masked.c");
    ASSERT_EQ(r.status, 1);
    ASSERT_HAS(r.out, "livelock found\n  spinner#1 ran for more than 0.5 s without a visible "
                      "operation");
    ASSERT_HAS(r.out, "could not be stopped inside the model; weft killed it, with its execution: "
                      "no listing, no schedule");
}

/* The watchdog stops a thread where it loops, inside the model: the
   livelock has the execution so far (listing, steps, preemptions), is
   shrunk like any finding (each run that hangs again waits the watchdog),
   and its token replays to the same report, every time. Found by random
   (seed 1) with 3 preemptions; the loop needs none. */
static void test_cli_hang_shrink(void)
{
    const char *model = "tests/findings/hang_flag.c";
    char args[4200], token[4096];
    snprintf(args, sizeof args, "--strategy random --seed 1 --no-races --watchdog 0.5 %s", model);
    run r = weft("check", args);
    ASSERT_EQ(r.status, 1);
    ASSERT(!strncmp(r.out, "livelock found (12 steps, 0 preemptions)\n", 40) || !printf("# %s", r.out));
    ASSERT_HAS(r.out, "  looper#2 ran for more than 0.5 s without a visible operation (an endless loop "
                      "that touches no shared memory?); weft stopped it (--watchdog sets the limit)\n");
    ASSERT_HAS(r.out, "read flag = 1             hang_flag.c:15\n");
    ASSERT_HAS(r.out, " replay tests/findings/hang_flag.c --watchdog 0.5 w1.");
    ASSERT_HAS(r.out, "shrunk from 10 steps and 3 preemptions (");
    snprintf(args, sizeof args, "--strategy random --seed 1 --no-races --watchdog 0.5 --no-shrink %s",
             model);
    run raw = weft("check", args);
    ASSERT_EQ(raw.status, 1);
    ASSERT_HAS(raw.out, "livelock found (10 steps, 3 preemptions)\n");
    ASSERT(!strstr(raw.out, "shrunk from"));
    token_in(r.out, "livelock found", token, sizeof token);
    ASSERT(token[0]);
    snprintf(args, sizeof args, "%s --watchdog 0.5 %s", model, token);
    run a = weft("replay", args), b = weft("replay", args);
    ASSERT_EQ(a.status, 1);
    ASSERT_STR(a.out, b.out);
    ASSERT(!strncmp(r.out, a.out, strlen(a.out)));
    snprintf(args, sizeof args, "--json --strategy random --seed 1 --no-races --watchdog 0.5 %s", model);
    run j = weft("check", args);
    ASSERT_EQ(j.status, 1);
    ASSERT_HAS(j.out, "\"steps\": 12, \"preemptions\": 0,");
    ASSERT_HAS(j.out, "\"steps_before\": 10, \"preemptions_before\": 3}");
    ASSERT_HAS(j.out, "\"cycles\": [], ");
    ASSERT_HAS(j.out, "\"trace\": [{\"step\": 1, \"thread\": \"main\"");
}

static void test_cli_too_many_threads(void)
{
    run r = weft("check", "tests/cli/many_threads.c");
    ASSERT_EQ(r.status, 2);
    ASSERT_HAS(r.err, "more than 63 threads");
}

static void test_cli_max_steps_livelock(void)
{
    run r = weft("check", "--json --max-steps 200 tests/cli/endless.c");
    ASSERT_EQ(r.status, 1);
    ASSERT_HAS(r.out, "\"kind\": \"livelock\"");
    ASSERT_HAS(r.out, "--max-steps 200");
}

/* The kinds of all findings in a JSON result, sorted and joined. */
static void json_kinds(const char *json, char *buf, size_t n)
{
    const char *kinds[64];
    size_t lens[64];
    int k = 0;
    for (const char *p = json; (p = strstr(p, "\"kind\": \"")) && k < 64; k++) {
        p += strlen("\"kind\": \"");
        kinds[k] = p;
        lens[k] = strcspn(p, "\"");
    }
    buf[0] = 0;
    for (int i = 0; i < k; i++) {   /* a few: insertion into buf, no duplicates */
        char one[32];
        snprintf(one, sizeof one, " %.*s", (int)lens[i], kinds[i]);
        if (!strstr(buf, one) && strlen(buf) + strlen(one) < n)
            strcat(buf, one);
    }
}

static void test_cli_heap_errors(void)
{
    run r = weft("check", "--json tests/cli/double_free.c");
    ASSERT_EQ(r.status, 1);
    ASSERT_HAS(r.out, "double free of heap block #1");
    r = weft("check", "--json tests/cli/use_after_free.c");
    ASSERT_EQ(r.status, 1);
    ASSERT_HAS(r.out, "use after free");
    /* a read is checked as it runs, after its step (the free may come while
       it waits): its step is in the execution, and DPOR reverses it with the
       free, so it finds the race of the other order too, in the oracle's 2
       traces */
    char kd[256], kp[256];
    run d = weft("check", "--json --keep-going --strategy dfs --oracle-traces "
                          "tests/cli/use_after_free.c");
    ASSERT_EQ(json_num(d.out, "traces"), 2);
    r = weft("check", "--json --keep-going tests/cli/use_after_free.c");
    ASSERT_EQ(json_num(r.out, "executions"), 2);
    json_kinds(d.out, kd, sizeof kd);
    json_kinds(r.out, kp, sizeof kp);
    ASSERT_STR(kp, kd);
    ASSERT_HAS(kp, "crash");
    ASSERT_HAS(kp, "data_race");
}

static void test_cli_globals_reset(void)
{
    /* a static initializer holds at the start of every execution */
    run r = weft("check", "--json tests/cli/globals_reset.c");
    ASSERT_EQ(r.status, 0);
    ASSERT_HAS(r.out, "\"verdict\": \"ok\"");
}

static void test_cli_outcomes_yes_no(void)
{
    run r = weft("outcomes", "models/yes_no.c");
    ASSERT_EQ(r.status, 0);
    ASSERT_HAS(r.out, "2 distinct outcomes");
    ASSERT_HAS(r.out, "  | yes\n  | no\n");
    ASSERT_HAS(r.out, "  | no\n  | yes\n");
}

static void test_cli_spawn_args(void)
{
    run r = weft("outcomes", "tests/cli/spawn_args.c");
    ASSERT_EQ(r.status, 0);
    ASSERT_HAS(r.out, "1 distinct outcome");
    ASSERT_HAS(r.out, "i=-7 u=4000000000 l=-123456789012 z=77 d=2.5 f=0.25 c=x p=ok s=hello");
}

/* Discarded executions (a failed __VERIFIER_assume) are counted apart, in
   JSON and in the summary line, under each strategy. */
static void test_cli_assume_discarded(void)
{
    run r = weft("check", "--json --strategy dfs tests/pthread/assume_threads.c");
    ASSERT_EQ(r.status, 0);
    ASSERT_EQ(json_num(r.out, "executions"), 36);
    ASSERT_EQ(json_num(r.out, "discarded"), 960);
    r = weft("check", "--json --strategy dpor tests/pthread/assume_threads.c");
    ASSERT_EQ(r.status, 0);
    ASSERT_EQ(json_num(r.out, "discarded"), 16);
    r = weft("check", "--strategy dfs tests/pthread/verifier_assume.c");
    ASSERT_EQ(r.status, 0);
    ASSERT_HAS(r.out, "no findings in 2 executions (and 2 discarded by __VERIFIER_assume)");
    /* the budget counts discarded executions too */
    r = weft("check", "--json --strategy random --max-executions 50 tests/pthread/verifier_assume.c");
    ASSERT_EQ(r.status, 0);
    ASSERT_EQ(json_num(r.out, "executions") + json_num(r.out, "discarded"), 50);
}

/* Thread-local variables weft cannot make per thread are refused. */
static void test_cli_tls_initial_exec(void)
{
    run r = weft("check", "tests/pthread/tls_counter.c -ftls-model=initial-exec");
    ASSERT_EQ(r.status, 3);
    ASSERT_HAS(r.err, "initial-exec TLS model");
}

/* `weft cc` as CC in an existing Makefile: a two-file program built with
   `make CC="weft cc"` is checked as a prebuilt model and gives what
   checking its sources gives; a one-step compile-and-link works too; a
   build without weft's instrumentation is refused. */
static void test_cli_weft_cc(void)
{
    char dir[] = "/tmp/weft-test-cc-XXXXXX", cc[4096 + 8], out[64], path[256], *abs;
    ASSERT(mkdtemp(dir));
    abs = realpath(weft_bin, NULL);
    ASSERT(abs);
    snprintf(cc, sizeof cc, "CC=%s cc", abs);
    snprintf(out, sizeof out, "OUT=%s", dir);
    /* the project's own flags, not those of a make running this suite
       (make asan passes its CFLAGS down through MAKEFLAGS) */
    unsetenv("MAKEFLAGS");
    unsetenv("MFLAGS");
    unsetenv("MAKELEVEL");
    char *mk[] = {"make", "-s", "-C", "tests/cli/cc_project", out, cc, "CFLAGS=-O2 -Wall", NULL};
    run r = run_argv(mk);
    if (r.status != 0)
        FAIL("make exited %d\n%s%s", r.status, r.out, r.err);
    snprintf(path, sizeof path, "--json --strategy dfs %s/bank", dir);
    r = weft("check", path);
    ASSERT_EQ(r.status, 1);
    char kind[32];
    json_str(r.out, "kind", kind, sizeof kind);
    ASSERT_STR(kind, "data_race");
    ASSERT_EQ(json_num(r.out, "executions"), 36);
    snprintf(path, sizeof path, "--json --strategy dfs --no-races %s/bank", dir);
    r = weft("check", path);
    ASSERT_EQ(r.status, 1);
    json_str(r.out, "kind", kind, sizeof kind);
    ASSERT_STR(kind, "assertion");
    /* the same program from its sources */
    r = weft("check", "--json --strategy dfs tests/cli/cc_project/main.c "
                      "tests/cli/cc_project/account.c");
    ASSERT_EQ(json_num(r.out, "executions"), 36);
    /* compile and link in one command */
    snprintf(path, sizeof path, "%s/bank1", dir);
    char *one[] = {abs, "cc", "-O2", "-o", path, "tests/cli/cc_project/main.c",
                   "tests/cli/cc_project/account.c", "-lpthread", NULL};
    r = run_argv(one);
    ASSERT_EQ(r.status, 0);
    snprintf(path, sizeof path, "--json --strategy dfs %s/bank1", dir);
    r = weft("check", path);
    ASSERT_EQ(r.status, 1);
    ASSERT_EQ(json_num(r.out, "executions"), 36);
    /* the compiler's errors and exit status come through */
    char *bad[] = {abs, "cc", "-c", "tests/cli/syntax_error.c", "-o", path, NULL};
    r = run_argv(bad);
    ASSERT(r.status != 0);
    ASSERT_HAS(r.err, "error");
    /* built without weft: refused, with what to do */
    snprintf(path, sizeof path, "%s/plain", dir);
    char *plain[] = {"cc", "-shared", "-fPIC", "-o", path, "tests/cli/cc_project/main.c",
                     "tests/cli/cc_project/account.c", NULL};
    r = run_argv(plain);
    ASSERT_EQ(r.status, 0);
    r = weft("check", path);
    ASSERT_EQ(r.status, 3);
    ASSERT_HAS(r.err, "was not built with weft's instrumentation");
    ASSERT_HAS(r.err, "weft cc");
    char *rm[] = {"rm", "-rf", dir, NULL};
    run_argv(rm);
    free(abs);
}

static void test_cli_cache(void)
{
    /* the second check of an unchanged model does not recompile */
    run a = weft("check", "-v models/yes_no.c");
    run b = weft("check", "-v models/yes_no.c");
    ASSERT_EQ(a.status, 0);
    ASSERT_EQ(b.status, 0);
    ASSERT(strstr(b.err, " -c ") == NULL);
}

/* weft_check() from a user's own test program, linked against libweft.so */
/* Issue 3: a BoundedSemaphore released past its initial value is a misuse
   finding whose token replays that very release, every time. The model
   over-releases in some interleavings only, so the token is what picks one. */
static void test_prim_bsem_token(void)
{
    const char *model = "tests/prim/sem_bounded_token.c";
    run r = weft("check", model);
    ASSERT_EQ(r.status, 1);
    ASSERT_HAS(r.out, "misuse found");
    ASSERT_HAS(r.out, "(Python: ValueError: Semaphore released too many times)");
    const char *p = strstr(r.out, "replay: ");
    ASSERT(p);
    const char *tok = find_token(p);
    ASSERT(tok);
    char args[4200];
    snprintf(args, sizeof args, "%s %.*s", model, (int)strcspn(tok, "\n"), tok);
    run a = weft("replay", args), b = weft("replay", args);
    ASSERT_EQ(a.status, 1);
    ASSERT_STR(a.out, b.out);
    /* the replay reports the check's finding, trace and all */
    const char *start = strstr(r.out, "misuse found");
    ASSERT(strncmp(start, a.out, strlen(a.out)) == 0);
}

static void test_lib_weft_check(void)
{
    char bin[512];
    snprintf(bin, sizeof bin, "%s", weft_bin);
    char *slash = strrchr(bin, '/');
    snprintf(slash ? slash + 1 : bin, sizeof bin - (size_t)(slash ? slash + 1 - bin : 0),
             "tests/lib_check");
    char *argv[] = {bin, NULL};
    run r = run_argv(argv);
    ASSERT_EQ(r.status, 0);
    ASSERT_STR(r.out, "racy: verdict=1 kind=assertion executions=2 token=yes\n"
                      "replay: verdict=1 kind=assertion\n"
                      "locked: verdict=0 executions=1 complete=1\n"
                      "nondet: verdict=1 kind=assertion executions=4\n"
                      "nondet domain 2: verdict=0 executions=2\n"
                      "nondet domain two: verdict=3\n"
                      "bounded: verdict=1 kind=assertion executions=3 token=w2.\n"
                      "bounded replay: verdict=1 kind=assertion\n"
                      "dfs: verdict=1 kind=assertion executions=16\n"
                      "dfs --jobs 2: verdict=1 kind=assertion executions=16\n"
                      "dpor --jobs 2: verdict=3 message=weft_check: the options name no strategy, "
                      "or do not go together (stderr says why)\n"
                      "bad option: verdict=3 message=weft_check: unknown or malformed option '--bogus'\n");
}

/* The token a report prints, copied out of the text (after "replay: "). */
static void token_in(const char *out, const char *after, char *buf, size_t n)
{
    const char *p = strstr(out, after ? after : "");
    p = p ? strstr(p, "replay: ") : NULL;
    const char *w1 = p ? strstr(p, "w1.") : NULL, *w2 = p ? strstr(p, "w2.") : NULL;
    p = w1 && (!w2 || w1 < w2) ? w1 : w2;
    buf[0] = 0;
    if (p)
        snprintf(buf, n, "%.*s", (int)strcspn(p, "\n"), p);
}

/* A finding's schedule is shrunk before it is reported: the random search's
   deadlock in models/deadlock_ab_ba.c is found with 6 preemptions (seed 5)
   and shown with 1, the fewest it can have; --no-shrink shows it as found.
   The shrunk token replays to the same report, and the output is the same
   bytes every run, under every strategy. */
static void test_cli_shrink(void)
{
    run raw = weft("check", "--strategy random --seed 5 --no-shrink models/deadlock_ab_ba.c");
    ASSERT_EQ(raw.status, 1);
    ASSERT_HAS(raw.out, "deadlock found (13 steps, 6 preemptions)");
    ASSERT(!strstr(raw.out, "shrunk from"));
    run r = weft("check", "--strategy random --seed 5 models/deadlock_ab_ba.c");
    ASSERT_EQ(r.status, 1);
    ASSERT_HAS(r.out, "deadlock found (13 steps, 1 preemption)");
    ASSERT_HAS(r.out, "shrunk from 13 steps and 6 preemptions (");
    ASSERT_HAS(r.out, "transfer_ab#1 waits in acquire lock_b, held by transfer_ba#2; holds lock_a");
    run again = weft("check", "--strategy random --seed 5 models/deadlock_ab_ba.c");
    ASSERT_STR(r.out, again.out);
    char token[4096], args[4200];
    token_in(r.out, "deadlock found", token, sizeof token);
    ASSERT(token[0]);
    snprintf(args, sizeof args, "models/deadlock_ab_ba.c %s", token);
    run p = weft("replay", args);
    ASSERT_EQ(p.status, 1);
    ASSERT(strncmp(r.out, p.out, strlen(p.out)) == 0);
    /* JSON says what it was shrunk from */
    run j = weft("check", "--json --strategy random --seed 5 models/deadlock_ab_ba.c");
    ASSERT_HAS(j.out, "\"steps\": 13, \"preemptions\": 1,");
    ASSERT_HAS(j.out, "\"steps_before\": 13, \"preemptions_before\": 6}");
    /* a lock_order cycle closed whole in one execution is shrunk too, and
       its token replays to the same report */
    run lo = weft("check", "--strategy random --seed 2 --max-executions 1 --no-shrink "
                           "tests/findings/lock_order_ab_ba.c");
    ASSERT_HAS(lo.out, "lock_order found (28 steps, 5 preemptions)\n");
    lo = weft("check", "--strategy random --seed 2 --max-executions 1 tests/findings/lock_order_ab_ba.c");
    ASSERT_EQ(lo.status, 1);
    ASSERT_HAS(lo.out, "lock_order found (28 steps, 0 preemptions)\n");
    ASSERT_HAS(lo.out, "shrunk from 28 steps and 5 preemptions (");
    token_in(lo.out, "lock_order found", token, sizeof token);
    snprintf(args, sizeof args, "tests/findings/lock_order_ab_ba.c %s", token);
    p = weft("replay", args);
    ASSERT_EQ(p.status, 1);
    ASSERT_HAS(p.out, "lock_order found (28 steps, 0 preemptions)\n");
    ASSERT(strncmp(lo.out, p.out, strlen(p.out)) == 0);
    /* every strategy: the assertion of racy_total needs one preemption */
    const char *strategies[] = {"dfs", "dpor", "random"};
    for (int i = 0; i < 3; i++) {
        snprintf(args, sizeof args, "--strategy %s --seed 2 --no-races models/racy_total.c -DN=2",
                 strategies[i]);
        r = weft("check", args);
        ASSERT_EQ(r.status, 1);
        ASSERT_HAS(r.out, "assertion found (");
        ASSERT_HAS(r.out, " steps, 1 preemption)");
        token_in(r.out, "assertion found", token, sizeof token);
        snprintf(args, sizeof args, "models/racy_total.c -DN=2 %s", token);
        p = weft("replay", args);
        ASSERT_EQ(p.status, 1);
        ASSERT(strncmp(strstr(r.out, "assertion found"), p.out, strlen(p.out)) == 0);
    }
}

/* A livelock shows the part of the schedule that repeats, and names what a
   spinning thread re-reads by name and value, never by address. */
static void test_cli_livelock_cycle(void)
{
    run r = weft("check", "tests/findings/livelock_pointer.c");
    ASSERT_EQ(r.status, 1);
    ASSERT_HAS(r.out, "livelock found (");
    ASSERT_HAS(r.out, "waiter#1 spins re-reading p (= &x)");
    ASSERT_HAS(r.out, "  the repeating part of waiter#1: steps ");
    ASSERT_HAS(r.out, "waiter#1       yield  (livelock_pointer.c:12)");
    ASSERT_HAS(r.out, "waiter#1       read p = &x  (livelock_pointer.c:11)");
    run again = weft("check", "tests/findings/livelock_pointer.c");
    ASSERT_STR(r.out, again.out);
    /* --max-steps: the shortest period of the last steps */
    r = weft("check", "--no-races --max-steps 200 tests/cli/endless.c");
    ASSERT_EQ(r.status, 1);
    ASSERT_HAS(r.out, "the repeating part: steps 193-200, the same 8 steps over and over since step 11\n");
    ASSERT_HAS(r.out, "      193  player#1       read turn = 1  (endless.c:8)\n");
    ASSERT_HAS(r.out, "      200  player#1       write turn = 1  (endless.c:10)\n");
    r = weft("check", "--json --no-races --max-steps 200 tests/cli/endless.c");
    ASSERT_HAS(r.out, "\"cycles\": [{\"thread\": null, \"since\": 11, \"steps\": [193, 194, 195, 196, 197, 198, 199, 200]}]");
}

/* Acceptance (issue 4): one small model per finding kind, with the kind,
   the threads and objects the report names, and the size of the shrunk
   schedule (steps, preemptions) pinned. The shrunk preemption count is the
   same under every strategy that gets there. */
typedef struct kind_case {
    const char *args;           /* model and flags */
    const char *head;           /* the report's first line */
    const char *names[3];       /* what its explanation must say */
    bool every_strategy;        /* also under random and dpor (same preemptions) */
} kind_case;

static const kind_case kind_cases[] = {
    {"--no-races models/racy_total.c -DN=2", "assertion found (21 steps, 1 preemption)\n",
     {"main: weft_assert(total == N * (N - 1) / 2) failed at racy_total.c:32: total is 0, expected 1"},
     true},
    {"models/deadlock_ab_ba.c", "deadlock found (13 steps, 1 preemption)\n",
     {"transfer_ab#1 waits in acquire lock_b, held by transfer_ba#2; holds lock_a\n",
      "transfer_ba#2 waits in acquire lock_a, held by transfer_ab#1; holds lock_b\n",
      "circular wait: transfer_ab#1 holds lock_a and waits for lock_b; "
      "transfer_ba#2 holds lock_b and waits for lock_a\n"}, true},
    {"tests/findings/deadlock_self_lock.c", "deadlock found (7 steps, 0 preemptions)\n",
     {"worker#1 waits in acquire l, held by itself; holds l\n",
      "self-deadlock: worker#1 waits for l, which it holds itself\n"}, true},
    {"tests/findings/deadlock_barrier.c", "deadlock found (8 steps, 0 preemptions)\n",
     {"main waits in wait b\n", "party#1 waits in wait b\n",
      "barrier b: 2 threads wait in it and no other thread can arrive: its parties never all "
      "arrive\n"}, true},
    {"models/racy_total.c -DN=2", "data_race found (21 steps, 0 preemptions)\n",
     {"test_thread#1 writes total at racy_total.c:21 (step 9) and test_thread#2 reads it at "
      "racy_total.c:20 (step 14)"}, false},
    {"--max-executions 1 tests/findings/lock_order_ab_ba.c", "lock_order found (28 steps, 0 preemptions)\n",
     {"transfer_ab#1 acquires lock_b while holding lock_a (lock_order_ab_ba.c:13, lock_order_ab_ba.c:14)",
      "transfer_ba#2 acquires lock_a while holding lock_b (lock_order_ab_ba.c:21, lock_order_ab_ba.c:22)"},
     false},
    {"tests/findings/livelock_pointer.c", "livelock found (9 steps, 0 preemptions)\n",
     {"waiter#1 spins re-reading p (= &x)\n", "the repeating part of waiter#1: steps 8-9 (it was "
      "at step 7 as it is at step 9, and nothing changed in between)\n"}, true},
    {"--no-races tests/findings/crash_check_use.c", "crash found (7 steps, 2 preemptions)\n",
     {"worker#1 crashed with Segmentation fault (an invalid memory access)\n"}, true},
    {"tests/findings/misuse_double_release.c", "misuse found (17 steps, 1 preemption)\n",
     {"helper#1: release of Lock l (Python: RuntimeError: release unlocked lock)\n"}, true},
};

static void test_acceptance_kinds(void)
{
    for (size_t i = 0; i < sizeof kind_cases / sizeof kind_cases[0]; i++) {
        const kind_case *c = &kind_cases[i];
        const char *strategies[] = {"dfs", "random", "dpor"};
        for (int s = 0; s < (c->every_strategy ? 3 : 1); s++) {
            char args[512];
            snprintf(args, sizeof args, "--strategy %s %s", strategies[s], c->args);
            run r = weft("check", args);
            ASSERT_EQ(r.status, 1);
            if (s == 0) {
                if (strncmp(r.out, c->head, strlen(c->head)) != 0)
                    FAIL("expected the report to start with %s in:\n%s", c->head, r.out);
            } else {
                /* the same kind and preemptions (steps may differ) */
                const char *pre = strstr(c->head, ", ");
                ASSERT(strncmp(r.out, c->head, (size_t)(strchr(c->head, '(') - c->head)) == 0);
                char first[256];
                snprintf(first, sizeof first, "%.*s", (int)strcspn(r.out, "\n") + 1, r.out);
                ASSERT_HAS(first, pre);
            }
            for (int k = 0; k < 3 && c->names[k]; k++)
                ASSERT_HAS(r.out, c->names[k]);
        }
    }
}

/* ---- docs: every code line of docs/primitives.md is real ------------------------------
   A C block after a paragraph naming tests/prim/doc/ files is an example:
   each of its lines must be a line of one of those models (which the model
   tests run). Any other C block holds signatures: each line must be a line
   of include/weft.h. Lines compare with runs of blanks squeezed. */

static char *slurp_file(const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return NULL;
    char *b = slurp_fd(fd);
    close(fd);
    return b;
}

/* Copy line [p, end) squeezed: no leading or trailing blanks, one blank
   for each run inside. */
static void squeeze(const char *p, const char *end, char *out, size_t n)
{
    size_t k = 0;
    bool blank = false;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    for (; p < end && k + 2 < n; p++) {
        if (*p == ' ' || *p == '\t') {
            blank = true;
            continue;
        }
        if (blank && k)
            out[k++] = ' ';
        blank = false;
        out[k++] = *p;
    }
    out[k] = 0;
}

/* Is the squeezed line one of text's lines? */
static bool has_line(const char *text, const char *line)
{
    char buf[512];
    for (const char *p = text; *p;) {
        const char *e = strchr(p, '\n');
        if (!e)
            e = p + strlen(p);
        squeeze(p, e, buf, sizeof buf);
        if (!strcmp(buf, line))
            return true;
        p = *e ? e + 1 : e;
    }
    return false;
}

static void test_docs_primitives_code(void)
{
    char *doc = slurp_file("docs/primitives.md"), *header = slurp_file("include/weft.h");
    ASSERT(doc && header);
    char *models[8];
    int nmodels = 0, nexamples = 0, nsigs = 0;
    bool in_code = false, example = false;
    for (char *p = doc; *p;) {
        char *e = strchr(p, '\n');
        if (!e)
            e = p + strlen(p);
        char line[512];
        squeeze(p, e, line, sizeof line);
        if (!in_code && !strcmp(line, "```c")) {
            in_code = true;
            example = nmodels > 0;
            nexamples += example;
        } else if (in_code && !strcmp(line, "```")) {
            in_code = false;
        } else if (in_code && *line) {
            bool found = false;
            for (int i = 0; i < nmodels && example && !found; i++)
                found = has_line(models[i], line);
            if (!example)
                found = has_line(header, line);
            if (!found)
                FAIL("docs/primitives.md: \"%s\" is not a line of %s", line,
                     example ? "its example's model" : "include/weft.h");
            nsigs += !example;
        } else if (!in_code && (!strncmp(line, "## ", 3) || !strncmp(line, "Example", 7))) {
            nmodels = 0;   /* a new section, or a new example paragraph */
        }
        if (!in_code) {
            /* every tests/prim/doc/ file the paragraph names */
            for (char *q = p; (q = strstr(q, "tests/prim/doc/")) && q < e && nmodels < 8; q++) {
                char path[128];
                size_t k = strcspn(q, ")]` \n");
                snprintf(path, sizeof path, "%.*s", (int)k, q);
                models[nmodels] = slurp_file(path);
                if (!models[nmodels])
                    FAIL("docs/primitives.md names %s, which does not exist", path);
                nmodels++;
            }
        }
        p = *e ? e + 1 : e;
    }
    ASSERT(!in_code);
    ASSERT(nexamples >= 16);
    ASSERT(nsigs >= 100);
}
#include "strategy_units.h"

/* DPOR against the trace oracle on generated programs (tests/dpor/gen.c):
   naive DFS counts the distinct Mazurkiewicz traces of every execution, DPOR
   must run exactly one execution per trace and find the same kinds of
   findings. The seeds are those whose naive search stays under 60,000
   executions (the others take too long for the suite); each count is the
   oracle's, pinned. */
static void test_dpor_generated(void)
{
    static const struct { int seed; long traces; } cases[] = {
        {2, 6}, {6, 12}, {7, 2}, {8, 8}, {11, 2}, {12, 8}, {13, 2}, {17, 2}, {18, 1},
        {19, 3}, {23, 4}, {24, 8}, {25, 7}, {29, 4}, {30, 3}, {35, 1}, {36, 6}, {37, 2},
        {40, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char args[256], kd[256], kp[256];
        snprintf(args, sizeof args, "--strategy dfs --oracle-traces --keep-going --json "
                 "-DSEED=%d tests/dpor/gen.c", cases[i].seed);
        run a = weft("check", args);
        ASSERT(json_num(a.out, "traces") == cases[i].traces || !printf("# seed %d\n", cases[i].seed));
        ASSERT(strstr(a.out, "\"complete\": true"));
        snprintf(args, sizeof args, "--strategy dpor --oracle-traces --keep-going --json "
                 "-DSEED=%d tests/dpor/gen.c", cases[i].seed);
        run b = weft("check", args);
        if (json_num(b.out, "executions") != cases[i].traces)
            FAIL("seed %d: dpor ran %ld executions, the oracle counts %ld traces", cases[i].seed,
                 json_num(b.out, "executions"), cases[i].traces);
        /* and no two of them were the same trace */
        ASSERT_EQ(json_num(b.out, "traces"), cases[i].traces);
        json_kinds(a.out, kd, sizeof kd);
        json_kinds(b.out, kp, sizeof kp);
        ASSERT_STR(kp, kd);
    }
}

/* bounded with DPOR (BPOR) against every schedule within the bound, on
   generated programs: the oracle counts the distinct traces of both, which
   must be the same (BPOR runs every trace that has a schedule within the
   bound, and only those), with the same kinds of findings, in fewer
   executions. Pinned: each search's executions and the traces. */
static void test_bpor_generated(void)
{
    static const struct { int seed, bound; long all, bpor, traces; } cases[] = {
        {1, 1, 84, 16, 8}, {1, 2, 554, 18, 10}, {2, 2, 414, 12, 6}, {6, 2, 206, 20, 12},
        {8, 2, 688, 12, 8}, {14, 1, 556, 37, 12}, {19, 2, 168, 6, 3}, {21, 1, 450, 21, 6},
        {28, 1, 156, 22, 14}, {34, 1, 328, 64, 38}, {36, 2, 344, 8, 6}, {41, 2, 500, 11, 7},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char args[256], kd[256], kp[256];
        snprintf(args, sizeof args, "--strategy bounded --no-dpor --preemption-bound %d "
                 "--oracle-traces --keep-going --json -DSEED=%d tests/dpor/gen.c",
                 cases[i].bound, cases[i].seed);
        run a = weft("check", args);
        if (json_num(a.out, "executions") != cases[i].all ||
            json_num(a.out, "traces") != cases[i].traces)
            FAIL("seed %d bound %d: every schedule: %ld executions, %ld traces", cases[i].seed,
                 cases[i].bound, json_num(a.out, "executions"), json_num(a.out, "traces"));
        snprintf(args, sizeof args, "--strategy bounded --preemption-bound %d --oracle-traces "
                 "--keep-going --json -DSEED=%d tests/dpor/gen.c", cases[i].bound, cases[i].seed);
        run b = weft("check", args);
        if (json_num(b.out, "executions") != cases[i].bpor ||
            json_num(b.out, "traces") != cases[i].traces)
            FAIL("seed %d bound %d: bpor: %ld executions, %ld traces", cases[i].seed,
                 cases[i].bound, json_num(b.out, "executions"), json_num(b.out, "traces"));
        ASSERT(cases[i].bpor < cases[i].all);
        json_kinds(a.out, kd, sizeof kd);
        json_kinds(b.out, kp, sizeof kp);
        ASSERT_STR(kp, kd);
    }
}

typedef struct unit { const char *name; void (*fn)(void); } unit;
static const unit units[] = {
    {"unit_token_roundtrip", test_token_roundtrip},
    {"dpor_generated", test_dpor_generated},
    {"bpor_generated", test_bpor_generated},
    {"unit_coro_switch", test_coro_switch},
    {"cli_help_version", test_cli_help_version},
    {"cli_usage_errors", test_cli_usage_errors},
    {"cli_missing_file", test_cli_missing_file},
    {"cli_compile_error", test_cli_compile_error},
    {"cli_no_main", test_cli_no_main},
    {"cli_replay_identical", test_cli_replay_identical},
    {"cli_check_deterministic", test_cli_check_deterministic},
    {"cli_jobs_same_output", test_cli_jobs_same_output},
    {"cli_jobs_helpers", test_cli_jobs_helpers},
    {"cli_processes_end_with_weft", test_cli_processes_end_with_weft},
    {"lockorder_known_agrees", test_lockorder_known_agrees},
    {"cli_replay_race", test_cli_replay_race},
    {"cli_replay_race_then_assert", test_cli_replay_race_then_assert},
    {"cli_replay_race_lock_order", test_cli_replay_race_lock_order},
    {"cli_bad_tokens", test_cli_bad_tokens},
    {"cli_json", test_cli_json},
    {"cli_deadlock_report", test_cli_deadlock_report},
    {"cli_crash", test_cli_crash},
    {"cli_stack_overflow", test_cli_stack_overflow},
    {"cli_abort_and_assert", test_cli_abort_and_assert},
    {"cli_hang_watchdog", test_cli_hang_watchdog},
    {"cli_hang_shrink", test_cli_hang_shrink},
    {"cli_too_many_threads", test_cli_too_many_threads},
    {"cli_max_steps_livelock", test_cli_max_steps_livelock},
    {"cli_heap_errors", test_cli_heap_errors},
    {"cli_globals_reset", test_cli_globals_reset},
    {"cli_outcomes_yes_no", test_cli_outcomes_yes_no},
    {"cli_spawn_args", test_cli_spawn_args},
    {"cli_cache", test_cli_cache},
    {"cli_assume_discarded", test_cli_assume_discarded},
    {"cli_tls_initial_exec", test_cli_tls_initial_exec},
    {"cli_weft_cc", test_cli_weft_cc},
    {"lib_weft_check", test_lib_weft_check},
    {"cli_shrink", test_cli_shrink},
    {"cli_livelock_cycle", test_cli_livelock_cycle},
    {"acceptance_kinds", test_acceptance_kinds},
    {"prim_bsem_token", test_prim_bsem_token},
    {"docs_primitives_code", test_docs_primitives_code},
    {"strategy_bounded_summary", test_bounded_summary},
    {"strategy_bounded_outcomes", test_bounded_outcomes},
    {"strategy_yield_not_preemption", test_yield_not_preemption},
    {"strategy_pct_deterministic", test_pct_deterministic},
    {"strategy_pct_depth", test_pct_depth},
    {"stats_events", test_stats_events},
    {"dpor_blocked", test_dpor_blocked},
    {"dpor_generated_large", test_dpor_generated_large},
    {"dpor_oracle_unjoined", test_dpor_oracle_unjoined},
    {"oracle_after_crash", test_oracle_after_crash},
    {"bpor_complete", test_bpor_complete},
    {"progress_line", test_progress_line},
};

/* ---- the runner ---------------------------------------------------------------------------- */

#define TIMEOUT 120

typedef struct entry { char name[128]; void (*fn)(void); const model_test *model; const char *bin; } entry;

static int matches(const char *name, int argc, char **argv)
{
    if (argc <= 1)
        return 1;
    for (int i = 1; i < argc; i++)
        if (argv[i][0] != '-' && strstr(name, argv[i]))
            return 1;
    return 0;
}

/* Run one test in a child with a timeout; its output is the TAP diagnostics. */
static int run_one(const entry *e)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        alarm(TIMEOUT);
        if (e->fn)
            e->fn();
        else
            check_model(e->model, e->bin);
        _exit(0);
    }
    int st;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {}
    if (WIFSIGNALED(st) && WTERMSIG(st) == SIGALRM)
        printf("#   timed out after %d s\n", TIMEOUT);
    else if (WIFSIGNALED(st))
        printf("#   died of signal %d\n", WTERMSIG(st));
    return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

int main(int argc, char **argv)
{
    if (getenv("WEFT"))
        weft_bin = getenv("WEFT");
    if (getenv("WEFT_UCONTEXT"))
        weft_uc_bin = getenv("WEFT_UCONTEXT");
    setvbuf(stdout, NULL, _IOLBF, 0);
    size_t nmodels = sizeof model_tests / sizeof model_tests[0];
    size_t cap = sizeof units / sizeof units[0] + 2 * nmodels;
    entry *list = calloc(cap, sizeof *list);
    size_t n = 0;
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        snprintf(list[n].name, sizeof list[n].name, "%s", units[i].name);
        list[n++].fn = units[i].fn;
    }
    struct stat sb;
    bool have_uc = stat(weft_uc_bin, &sb) == 0;
    for (size_t i = 0; i < nmodels; i++) {
        snprintf(list[n].name, sizeof list[n].name, "model_%s", model_tests[i].name);
        list[n].model = &model_tests[i];
        list[n++].bin = weft_bin;
        if (have_uc) {
            snprintf(list[n].name, sizeof list[n].name, "model_%s@ucontext", model_tests[i].name);
            list[n].model = &model_tests[i];
            list[n++].bin = weft_uc_bin;
        }
    }
    if (argc > 1 && !strcmp(argv[1], "-l")) {
        for (size_t i = 0; i < n; i++)
            printf("%s\n", list[i].name);
        return 0;
    }
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += (size_t)matches(list[i].name, argc, argv);
    printf("1..%zu\n", total);
    int passed = 0, failed = 0, k = 0;
    for (size_t i = 0; i < n; i++) {
        if (!matches(list[i].name, argc, argv))
            continue;
        int ok = run_one(&list[i]);
        printf("%s %d - %s\n", ok ? "ok" : "not ok", ++k, list[i].name);
        if (ok)
            passed++;
        else
            failed++;
    }
    printf("%d passed, %d failed\n", passed, failed);
    free(list);
    return failed ? 1 : 0;
}
