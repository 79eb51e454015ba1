/*
** strategy_units.h: CLI tests of the bounded and pct strategies, the stats
** they add, and the progress line (on a pseudo-terminal, and its absence on
** a pipe and with --json). Included by runner.c.
*/
#include <pty.h>

/* bounded says how far it went, and whether that covered everything */
static void test_bounded_summary(void)
{
    run r = weft("check", "--json --strategy bounded --no-dpor --preemption-bound 0 models/yes_no.c");
    ASSERT_EQ(r.status, 0);
    ASSERT_HAS(r.out, "\"verdict\": \"incomplete\"");
    ASSERT_HAS(r.out, "\"complete\": false");
    ASSERT_HAS(r.out, "\"preemption_bound\": 0, \"bound_reached\": 0, \"complete_within_bound\": true");
    r = weft("check", "--strategy bounded --no-dpor --preemption-bound 1 models/yes_no.c");
    ASSERT_EQ(r.status, 0);
    ASSERT_HAS(r.out, "no findings in 12 executions; every schedule with up to 1 preemption was "
                      "run, none with more (--preemption-bound)");
    r = weft("check", "--strategy bounded --no-dpor --preemption-bound 9 models/yes_no.c");
    ASSERT_EQ(r.status, 0);
    ASSERT_HAS(r.out, "no findings in 69 executions; the search was complete; no schedule has "
                      "more than 5 preemptions");
    r = weft("check", "--json --strategy bounded --no-dpor --preemption-bound 9 models/yes_no.c");
    ASSERT_HAS(r.out, "\"verdict\": \"ok\"");
    ASSERT_HAS(r.out, "\"bound_reached\": 5");
    /* levels 1..5 re-ran the schedules of the levels below: not counted */
    ASSERT_EQ(json_num(r.out, "repeated"), 3 * 5 + 9 * 4 + 20 * 3 + 23 * 2 + 11 * 1);

    /* the deadlock needs one preemption: found at level 1, reported with 1 */
    r = weft("check", "--json --strategy bounded --no-dpor models/deadlock_ab_ba.c");
    ASSERT_EQ(r.status, 1);
    ASSERT_HAS(r.out, "\"kind\": \"deadlock\"");
    ASSERT_HAS(r.out, "\"preemptions\": 1,");
    ASSERT_HAS(r.out, "\"preemption_bound\": 2, \"bound_reached\": 1, \"complete_within_bound\": false");
    r = weft("check", "--strategy bounded --no-dpor models/deadlock_ab_ba.c");
    ASSERT_HAS(r.out, "deadlock found (13 steps, 1 preemption)");
    ASSERT_HAS(r.out, "every schedule with up to 0 preemptions was run, some with 1");

    /* with DPOR (the default), the phrases speak of traces */
    r = weft("check", "--strategy bounded --preemption-bound 1 models/safe_counter.c");
    ASSERT_EQ(r.status, 0);
    ASSERT_HAS(r.out, "no findings in 8 executions; every trace with a schedule of up to 1 "
                      "preemption was run, none with more (--preemption-bound)");
    r = weft("check", "--json --strategy bounded --preemption-bound 9 --oracle-traces models/yes_no.c");
    ASSERT_HAS(r.out, "\"verdict\": \"ok\"");
    ASSERT_HAS(r.out, "\"bound_reached\": 1, \"complete_within_bound\": true");
    ASSERT_EQ(json_num(r.out, "traces"), 2);
    r = weft("check", "--strategy bounded --preemption-bound 9 models/yes_no.c");
    ASSERT_HAS(r.out, "no findings in 3 executions; the search was complete; no trace needs "
                      "more than 1 preemption");
    r = weft("check", "--json --strategy bounded models/deadlock_ab_ba.c");
    ASSERT_EQ(r.status, 1);
    ASSERT_HAS(r.out, "\"kind\": \"deadlock\"");
    ASSERT_HAS(r.out, "\"preemptions\": 1,");
    ASSERT_HAS(r.out, "\"schedule\": \"w2.");   /* DPOR's schedules ignore fairness */
    r = weft("check", "--strategy bounded models/deadlock_ab_ba.c");
    ASSERT_HAS(r.out, "every trace with a schedule of up to 0 preemptions was run, some with 1");

    /* a crash replaces the worker; the new one resumes the same level */
    r = weft("check", "--json --keep-going --strategy bounded --preemption-bound 1 "
                      "models/two_phase_barrier_seed.c");
    ASSERT_EQ(r.status, 1);
    ASSERT_HAS(r.out, "\"kind\": \"crash\"");
    ASSERT_EQ(json_num(r.out, "executions"), 6);
    ASSERT_HAS(r.out, "\"bound_reached\": 1, \"complete_within_bound\": true");

    r = weft("check", "--preemption-bound 1 models/yes_no.c");
    ASSERT_EQ(r.status, 2);
    ASSERT_HAS(r.err, "--preemption-bound applies to --strategy bounded only");
    r = weft("check", "--strategy dfs --no-dpor models/yes_no.c");
    ASSERT_EQ(r.status, 2);
    ASSERT_HAS(r.err, "--no-dpor applies to --strategy bounded only");
}

/* A switch right after a yield is free: the bounded search finds this
   assertion without preemptions, and the report counts none. */
static void test_yield_not_preemption(void)
{
    run r = weft("check", "--json --strategy bounded --preemption-bound 0 tests/cli/yield_switch.c");
    ASSERT_EQ(r.status, 1);
    ASSERT_HAS(r.out, "\"kind\": \"assertion\"");
    ASSERT_HAS(r.out, "\"preemptions\": 0,");
    r = weft("check", "--strategy dfs tests/cli/yield_switch.c");
    ASSERT_HAS(r.out, "assertion found (8 steps, 0 preemptions)");
}

/* Repeated runs are neither counted nor recorded: outcomes match the DFS's */
static void test_bounded_outcomes(void)
{
    run d = weft("outcomes", "--strategy dfs models/yes_no.c");
    run b = weft("outcomes", "--strategy bounded --no-dpor --preemption-bound 5 models/yes_no.c");
    ASSERT_EQ(b.status, 0);
    ASSERT_HAS(d.out, "outcome 1: 52 executions");
    ASSERT_HAS(b.out, "2 distinct outcomes in 69 executions");
    ASSERT_HAS(b.out, "outcome 1: 52 executions");
    ASSERT_HAS(b.out, "outcome 2: 17 executions");
}

/* Its token replays the finding; the same seed runs the same executions */
static void test_pct_deterministic(void)
{
    const char *args = "--keep-going --strategy pct --depth 3 --seed 5 --max-executions 300 "
                       "models/deadlock_ab_ba.c";
    run a = weft("check", args), b = weft("check", args);
    ASSERT_EQ(a.status, 1);
    ASSERT_STR(a.out, b.out);
    ASSERT_HAS(a.out, "deadlock found");
    const char *tok = strstr(strstr(a.out, "deadlock found"), "w1.");
    char rargs[4200];
    snprintf(rargs, sizeof rargs, "models/deadlock_ab_ba.c %.*s", (int)strcspn(tok, "\n"), tok);
    run r = weft("replay", rargs);
    ASSERT_EQ(r.status, 1);
    ASSERT_HAS(r.out, "deadlock found");
    run c = weft("check", "--json --strategy pct --depth 3 --seed 5 --max-executions 300 "
                          "models/deadlock_ab_ba.c");
    ASSERT_HAS(c.out, "\"depth\": 3, \"seed\": 5, \"steps_estimate\": ");
}

/* Depth 1: no change points, every thread runs until it blocks or ends, so
   a bug that needs a preemption is never found; depth 2 finds it. */
static void test_pct_depth(void)
{
    run r = weft("check", "--json --keep-going --strategy pct --depth 1 --seed 1 "
                          "--max-executions 2000 models/deadlock_ab_ba.c");
    ASSERT_EQ(json_num(r.out, "executions"), 2000);
    ASSERT(!strstr(r.out, "\"kind\": \"deadlock\""));
    ASSERT(strstr(r.out, "\"kind\": \"lock_order\""));
    r = weft("check", "--json --strategy pct --depth 2 --seed 1 --max-executions 2000 "
                      "models/deadlock_ab_ba.c");
    ASSERT_HAS(r.out, "\"kind\": \"deadlock\"");
}

/* events: every yes/no execution has 12 visible steps */
static void test_stats_events(void)
{
    run r = weft("check", "--json --strategy dfs models/yes_no.c");
    ASSERT_EQ(json_num(r.out, "executions"), 69);
    ASSERT_EQ(json_num(r.out, "events"), 69 * 12);
    ASSERT(json_num(r.out, "peak_rss_kib") > 0);
}

/* DPOR's redundant partial runs (stats.blocked), pinned: it does not try to
   reverse a race that cannot be (a join after the exit it waits for, an
   acquire after an operation on a lock another thread held, or on a
   semaphore at 0), a thread's end commutes with all but its joins while
   main runs, and a wakeup sequence's order is its own, not the execution's
   it came from; wakeup trees leave none then where no operation waits
   (indexer had 49 and 833 before the last two rules) nor on these
   semaphore models (two_phase_barrier had 926). Nor on conditions (bbq
   had 3, cond_lost_timeout 11: a wait releases its lock, which another
   thread's acquire cannot take before it), queues (queue_join 4), events,
   futures (future_as_completed 18), pools (pool_map_order 3), rwlocks
   or pthread_once (1 each): what waits for an object's units is not tried
   before an operation that found them at 0. */
static void test_dpor_blocked(void)
{
    static const struct { const char *args; long executions, blocked; } cases[] = {
        {"--json tests/bench/readers_writer.c -DN=8", 256, 0},
        {"--json tests/bench/indexer.c -DN=13", 64, 0},
        {"--json tests/bench/indexer.c -DN=14", 512, 0},
        {"--json tests/bench/philosophers.c", 6, 0},
        {"--json models/bbq.c", 80, 0},
        {"--json --keep-going models/bbq_notify.c", 60, 0},
        {"--json --keep-going tests/prim/cond_lost_timeout.c", 50, 0},
        {"--json models/queue_join.c", 384, 0},
        {"--json models/event_server_client.c", 3, 0},
        {"--json tests/prim/future_as_completed.c", 90, 0},
        {"--json tests/prim/pool_map_order.c", 72, 0},
        {"--json tests/pthread/rwlock_mix.c", 4, 0},
        {"--json tests/pthread/once.c", 2, 0},
        {"--json models/two_phase_barrier.c", 4096, 0},
        {"--json models/readers_writers.c", 14, 0},
        {"--json tests/bench/counter_lock.c -DN=3 -DITERS=3", 1680, 0},
        {"--json tests/bench/fib.c -DNUM=3", 141, 0},
        /* N! orders of the reads times N! of the writes */
        {"--json --keep-going models/racy_total.c -DN=5", 14400, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        run r = weft("check", cases[i].args);
        ASSERT_EQ(json_num(r.out, "executions"), cases[i].executions);
        ASSERT_EQ(json_num(r.out, "blocked"), cases[i].blocked);
    }
}

/* Generated programs too large for the naive search to count: DPOR's
   executions are pinned to what source-set DPOR (checked against the oracle
   on the smaller ones) ran, no two of them are one trace, and none was cut
   short as redundant (22, 54, 59, 145 and 270 had 2, 2, 2, 8 and 4 such
   runs when a wakeup sequence took its order from the execution). */
static void test_dpor_generated_large(void)
{
    static const struct { int seed; long executions; } cases[] = {
        {22, 8}, {54, 24}, {59, 21}, {118, 28}, {145, 52}, {150, 36}, {197, 48}, {270, 80},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char args[256];
        snprintf(args, sizeof args, "--oracle-traces --keep-going --json -DSEED=%d "
                 "tests/dpor/gen.c", cases[i].seed);
        run r = weft("check", args);
        ASSERT_EQ(json_num(r.out, "executions"), cases[i].executions);
        ASSERT_EQ(json_num(r.out, "traces"), cases[i].executions);
        ASSERT_EQ(json_num(r.out, "blocked"), 0);
    }
}

/* A thread main does not join: its end and main's, in either order, are one
   trace for DPOR and for the oracle alike (the oracle counted 6 for 3 while
   the last exit depended on everything). */
static void test_dpor_oracle_unjoined(void)
{
    run a = weft("check", "--strategy dfs --oracle-traces --json tests/prim/queue_join.c");
    ASSERT_EQ(json_num(a.out, "executions"), 44);
    ASSERT_EQ(json_num(a.out, "traces"), 3);
    run b = weft("check", "--oracle-traces --json tests/prim/queue_join.c");
    ASSERT_EQ(json_num(b.out, "executions"), 3);
    ASSERT_EQ(json_num(b.out, "traces"), 3);
}

/* BPOR on benchmark models, with a bound high enough that no level cuts
   anything: the search says it was complete, and the traces it ran (the
   oracle's count) are all of DPOR's (docs/bench.md derives them). The
   executions are pinned: more than the traces (a level counts runs of
   traces an earlier one ran with fewer preemptions), far fewer than every
   schedule's. */
static void test_bpor_complete(void)
{
    static const struct { const char *args; long executions, traces; } cases[] = {
        {"-DN=3 tests/bench/counter_lock.c", 23, 6},
        {"-DN=3 tests/bench/readers_writer.c", 109, 8},
        {"-DN=3 tests/bench/philosophers.c", 36, 6},
        {"-DNUM=2 tests/bench/fib.c", 36, 19},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char args[256];
        snprintf(args, sizeof args, "--strategy bounded --preemption-bound 9 --oracle-traces "
                 "--json %s", cases[i].args);
        run r = weft("check", args);
        ASSERT_HAS(r.out, "\"verdict\": \"ok\"");
        ASSERT_EQ(json_num(r.out, "executions"), cases[i].executions);
        ASSERT_EQ(json_num(r.out, "traces"), cases[i].traces);
    }
}

/* Every execution of crash_check_use.c crashes, and a fresh worker goes on
   after each: the oracle's set of traces outlives them (each worker counted
   from 1 when it lived in the worker). DFS's 7 executions are 3 traces, the
   3 that DPOR and BPOR run. */
static void test_oracle_after_crash(void)
{
    run a = weft("check", "--strategy dfs --oracle-traces --keep-going --no-shrink --json "
                          "tests/findings/crash_check_use.c");
    ASSERT_EQ(json_num(a.out, "executions"), 7);
    ASSERT_EQ(json_num(a.out, "traces"), 3);
    run b = weft("check", "--oracle-traces --keep-going --no-shrink --json "
                          "tests/findings/crash_check_use.c");
    ASSERT_EQ(json_num(b.out, "executions"), 3);
    ASSERT_EQ(json_num(b.out, "traces"), 3);
    run c = weft("check", "--strategy bounded --oracle-traces --keep-going --no-shrink --json "
                          "tests/findings/crash_check_use.c");
    ASSERT_EQ(json_num(c.out, "executions"), 3);
    ASSERT_EQ(json_num(c.out, "traces"), 3);
}

/* Run argv on a pseudo-terminal (stdout and stderr both); its output. */
static run run_pty(char *const argv[])
{
    int master;
    pid_t pid = forkpty(&master, NULL, NULL, NULL);
    if (pid < 0)
        FAIL("forkpty: %s", strerror(errno));
    if (pid == 0) {
        execvp(argv[0], argv);
        _exit(127);
    }
    size_t cap = 1 << 16, len = 0;
    char *b = malloc(cap);
    for (;;) {
        if (len + 4096 > cap)
            b = realloc(b, cap *= 2);
        ssize_t n = read(master, b + len, cap - len - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;   /* EIO: the child closed the terminal */
        len += (size_t)n;
    }
    b[len] = 0;
    close(master);
    int st;
    waitpid(pid, &st, 0);
    run r = {WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st), b, strdup("")};
    return r;
}

/* A run of 3 s (its --time-limit) shows the progress line on a terminal
   and clears it; a pipe and --json never get one. */
static void test_progress_line(void)
{
    char *argv[] = {(char *)weft_bin, "check", "--strategy", "dfs", "--time-limit", "3",
                    "tests/bench/tiny.c", NULL};
    run t = run_pty(argv);
    ASSERT_EQ(t.status, 0);
    ASSERT_HAS(t.out, "\r\033[Kweft: ");
    ASSERT_HAS(t.out, " executions, ");
    ASSERT_HAS(t.out, "% of ~");
    ASSERT_HAS(t.out, "\r\033[Kweft: no findings in ");   /* cleared before the summary */

    char *bargv[] = {(char *)weft_bin, "check", "--strategy", "bounded", "--no-dpor",
                     "--preemption-bound", "8", "--time-limit", "2.5", "tests/bench/tiny.c", NULL};
    run bt = run_pty(bargv);
    ASSERT_EQ(bt.status, 0);
    ASSERT_HAS(bt.out, " executions, ");
    ASSERT_HAS(bt.out, "; preemptions: level ");

    char *jargv[] = {(char *)weft_bin, "check", "--json", "--time-limit", "1.5",
                     "tests/bench/tiny.c", NULL};
    run j = run_pty(jargv);
    ASSERT_EQ(j.status, 0);
    ASSERT(!strchr(j.out, '\r') || !strstr(j.out, "executions, "));

    run p = weft("check", "--time-limit 1.5 tests/bench/tiny.c");
    ASSERT_EQ(p.status, 0);
    ASSERT(!strchr(p.err, '\r'));
    ASSERT(!strchr(p.out, '\r'));
    ASSERT_HAS(p.err, "executions in ");
}
