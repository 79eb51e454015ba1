/*
** cli.c: the weft command. Parses `weft check|replay|outcomes MODEL ...`,
** compiles and loads the model, runs the search under the supervisor and
** prints what it found: text (deterministic, on stdout; timing on stderr) or
** one JSON object. Exit codes: 0 nothing found, 1 a finding, 2 usage or
** input error, 3 the model failed to compile or load.
*/
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compile.h"
#include "lockorder.h"
#include "options.h"
#include "strategy.h"
#include "token.h"
#include "worker.h"

static const char usage_text[] =
    "usage: weft check    [options] MODEL.c... [-DNAME=V -IDIR ...]\n"
    "       weft replay   [options] MODEL.c... TOKEN\n"
    "       weft outcomes [options] MODEL.c...\n"
    "       weft cc [compiler arguments]   (a CC for make: make CC=\"weft cc\")\n"
    "       weft --help | --version\n"
    "\n"
    "A model is C files whose main() is the first thread (or one prebuilt .so,\n"
    "or a program `weft cc` linked).\n"
    "\n"
    "options:\n"
    "  --strategy NAME         how to explore (default dpor: one execution per\n"
    "                          class of equivalent interleavings; dfs: every one;\n"
    "                          bounded: by increasing number of preemptions,\n"
    "                          with dpor (--no-dpor: every schedule);\n"
    "                          random: random schedules; pct: random priorities;\n"
    "                          these two run until a budget or a finding)\n"
    "  --preemption-bound K    bounded: up to K preemptions (default 2)\n"
    "  --no-dpor               bounded: run every schedule, not one per trace\n"
    "  --depth D               pct: the bug depth to aim at (default 3)\n"
    "  --max-executions N      stop after N executions\n"
    "  --time-limit S          stop after S seconds\n"
    "  -j, --jobs N            dfs: search on N processes (default 1); the output is the same\n"
    "  --max-steps N           an execution longer than N steps is a livelock (default 10000)\n"
    "  --seed S                seed of random and pct (default 1)\n"
    "  --keep-going            go on after the first finding and list every distinct one\n"
    "  --json                  print one JSON object instead of text\n"
    "  --no-races              do not look for data races\n"
    "  --no-shrink             report a finding's schedule as found, not shrunk\n"
    "  --no-spurious           pthread/C11 condition waits never wake spuriously\n"
    "  --nondet-domain N       __VERIFIER_nondet_* explore N values (default 4)\n"
    "  --keep-threads          returning from main does not end the program: the\n"
    "                          other threads run on (default: POSIX, it ends)\n"
    "  --watchdog S            seconds a thread may run without a visible operation (default 5)\n"
    "  --width N               width of the step listing (default 100)\n"
    "  --full                  do not shorten long step listings\n"
    "  --force                 replay a token recorded for another build of the model\n"
    "  -v, --verbose           show the compiler commands (and what --jobs' helpers ran)\n"
    "  -DNAME[=V] -UNAME -IDIR -std=... -O... -W... -f... -l...   passed to the compiler\n"
    "\n"
    "exit status: 0 nothing found, 1 a finding, 2 usage or input error,\n"
    "             3 the model failed to compile or load\n"
    "docs: docs/cli.md\n";

static _Noreturn void usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "weft: error: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n(weft --help lists the commands and options)\n");
    exit(2);
}

static void print_json_string(const char *s)
{
    weft__buf b = {0};
    weft__buf_json(&b, s, strlen(s));
    fputs(b.p, stdout);
    weft__buf_free(&b);
}

static const char *stop_text(const weft__shared *sh)
{
    switch (sh->stop) {
    case WEFT__EXHAUSTED: return "the search was complete";
    case WEFT__STOP_EXECUTIONS: return "the search stopped at --max-executions";
    case WEFT__STOP_TIME: return "the search stopped at --time-limit";
    case WEFT__STOP_FINDING: return "the search stopped at the first finding (--keep-going goes on)";
    default: return "the search stopped";
    }
}

static const char *blocked_note(long n)
{
    static char b[96];
    snprintf(b, sizeof b, " (and %ld redundant partial run%s cut short)", n, n == 1 ? "" : "s");
    return b;
}

/* --jobs: how many processes searched. */
static const char *jobs_note(int n)
{
    static char b[32];
    snprintf(b, sizeof b, " on %d processes", n);
    return b;
}

/* Executions a failed __VERIFIER_assume dropped: not in the count. */
static const char *discarded_note(long n)
{
    static char b[96];
    if (!n)
        return "";
    snprintf(b, sizeof b, " (and %ld discarded by __VERIFIER_assume)", n);
    return b;
}

static int print_check(const weft__options *o, weft__exec *ex, weft__shared *sh, int mode)
{
    bool complete = sh->stop == WEFT__EXHAUSTED;
    /* the strategy's own stats and phrase (a bound reached, ...) */
    char sjson[512] = "", stext[256] = "";
    bool covered = true;
    const weft__strategy_extra *extra = weft__strategy_extra_of(ex->strat);
    if (mode != WEFT__REPLAY && extra && extra->summary)
        covered = extra->summary(ex, sjson, sizeof sjson, stext, sizeof stext);
    const char *stop = complete && !covered ? stext : stop_text(sh);
    const char *more = complete && !covered ? "" : stext;
    complete = complete && covered;
    const char *verdict = sh->nfindings ? "bug" : complete ? "ok" : "incomplete";
    double rate = sh->seconds > 0 ? sh->executions / sh->seconds : 0;
    if (o->json) {
        printf("{\"verdict\": \"%s\", \"findings\": [%s], \"stats\": {\"executions\": %ld, "
               "\"complete\": %s, \"seconds\": %.3f, \"executions_per_second\": %.0f, "
               "\"events\": %ld, \"events_per_second\": %.0f, \"peak_rss_kib\": %ld, "
               "\"blocked\": %ld, \"discarded\": %ld, \"traces\": %ld, \"strategy\": \"%s\"%s}",
               verdict, sh->json.p, sh->executions, complete ? "true" : "false", sh->seconds, rate,
               sh->events, sh->seconds > 0 ? sh->events / sh->seconds : 0, sh->peak_rss_kib,
               sh->blocked, sh->discarded, sh->traces,
               mode == WEFT__REPLAY ? "replay" : o->strategy, sjson);
        if (mode == WEFT__OUTCOMES) {
            printf(", \"outcomes\": [");
            for (int i = 0; i < sh->noutcomes; i++) {
                const weft__outcome *oc = &sh->outcomes[i];
                printf("%s{\"output\": ", i ? ", " : "");
                print_json_string(sh->otext.p + oc->text_off);
                printf(", \"count\": %ld, \"schedule\": ", oc->count);
                print_json_string(sh->otext.p + oc->token_off);
                printf("}");
            }
            printf("]");
        }
        printf("}\n");
    } else if (mode == WEFT__OUTCOMES) {
        printf("%d distinct outcome%s in %ld executions%s (%s%s%s)\n", sh->noutcomes,
               sh->noutcomes == 1 ? "" : "s", sh->executions, discarded_note(sh->discarded), stop,
               *more ? "; " : "", more);
        for (int i = 0; i < sh->noutcomes; i++) {
            const weft__outcome *oc = &sh->outcomes[i];
            printf("\noutcome %d: %ld execution%s\n", i + 1, oc->count, oc->count == 1 ? "" : "s");
            const char *s = sh->otext.p + oc->text_off;
            while (*s) {
                const char *nl = strchr(s, '\n');
                int n = nl ? (int)(nl - s) : (int)strlen(s);
                printf("  | %.*s\n", n, s);
                s += n + (nl ? 1 : 0);
            }
            printf("  replay: %s %s\n", o->replay_cmd, sh->otext.p + oc->token_off);
        }
    } else {
        if (sh->text.len)
            fputs(sh->text.p, stdout);
        if (mode == WEFT__CHECK) {
            if (sh->text.len)
                printf("\n");
            if (sh->nfindings)
                printf("weft: %d finding%s (first: %s) in %ld executions%s; %s%s%s\n",
                       sh->nfindings, sh->nfindings == 1 ? "" : "s",
                       weft__kind_names[sh->first_kind], sh->executions,
                       discarded_note(sh->discarded), stop, *more ? "; " : "", more);
            else
                printf("weft: no findings in %ld executions%s; %s%s%s\n", sh->executions,
                       discarded_note(sh->discarded), stop, *more ? "; " : "", more);
        }
    }
    fflush(stdout);
    if (mode != WEFT__REPLAY && !o->json)
        fprintf(stderr, "weft: %ld executions in %.2f s (%.0f executions/s), strategy %s%s%s\n",
                sh->executions, sh->seconds, rate, o->strategy,
                o->jobs > 1 ? jobs_note(o->jobs) : "", sh->blocked ? blocked_note(sh->blocked) : "");
    if (o->jobs > 1 && o->verbose && mode == WEFT__CHECK)
        fprintf(stderr, "weft: the helpers ran %ld of the %ld executions and discarded runs\n",
                sh->helped, sh->executions + sh->discarded);
    if (mode == WEFT__REPLAY)
        return sh->replay_found || sh->nfindings ? 1 : 0;
    if (mode == WEFT__OUTCOMES)
        return sh->nfindings || sh->outcome_findings ? 1 : 0;
    return sh->nfindings ? 1 : 0;
}

int main(int argc, char **argv)
{
    weft__options o;
    weft__options_default(&o);
    if (argc < 2)
        usage_error("no command given", "");
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version")) {
        printf("weft %s (coroutines: %s)\n", WEFT_VERSION, weft__coro_backend());
        return 0;
    }
    if (!strcmp(cmd, "cc"))
        return weft__cc(argc - 2, argv + 2, getenv("WEFT_VERBOSE") != NULL);
    int mode;
    if (!strcmp(cmd, "check"))
        mode = WEFT__CHECK;
    else if (!strcmp(cmd, "replay"))
        mode = WEFT__REPLAY;
    else if (!strcmp(cmd, "outcomes"))
        mode = WEFT__OUTCOMES;
    else
        usage_error("unknown command '%s' (the commands are check, replay, outcomes and cc)", cmd);

    /* static: they live until the process ends (and are not leaks then) */
    static char **files, **flags;
    files = calloc((size_t)argc, sizeof *files);
    flags = calloc((size_t)argc, sizeof *flags);
    int nfiles = 0, nflags = 0;
    const char *token = NULL;
    bool force = false;
    if (!files || !flags)
        return 2;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        int used = weft__options_parse(&o, argc - i, argv + i);
        if (used < 0)
            exit(2);
        if (used > 0) {
            i += used - 1;
            continue;
        }
        if (!strcmp(a, "--force")) {
            force = true;
        } else if (a[0] == '-' && a[1] != '-' && strchr("DUIOWfglmsxp", a[1]) && a[1]) {
            if ((!strcmp(a, "-I") || !strcmp(a, "-D") || !strcmp(a, "-U")) && i + 1 < argc) {
                /* "-I dir" is passed on as one argument, "-Idir" */
                size_t n = strlen(argv[i + 1]) + 3;
                char *joined = malloc(n);
                if (!joined)
                    return 2;
                snprintf(joined, n, "%s%s", a, argv[++i]);
                flags[nflags++] = joined;
            } else {
                flags[nflags++] = argv[i];
            }
        } else if (a[0] == '-') {
            usage_error("unknown option '%s'", a);
        } else if (mode == WEFT__REPLAY && a[0] == 'w' && (a[1] == '1' || a[1] == '2') && a[2] == '.') {
            token = a;
        } else {
            size_t n = strlen(a);
            if ((n > 2 && !strcmp(a + n - 2, ".c")) || (n > 3 && !strcmp(a + n - 3, ".so")))
                files[nfiles++] = argv[i];
            else if (mode == WEFT__REPLAY && !token && i == argc - 1)
                token = a;
            else if (weft__is_elf(a))
                files[nfiles++] = argv[i];   /* a model `weft cc` linked, any name */
            else
                usage_error("'%s' is neither a model (.c or .so) nor an option", a);
        }
    }
    if (!nfiles)
        usage_error("no model given: name its C files (or one .so)%s", "");
    if (o.jobs > 1 && mode != WEFT__CHECK)
        usage_error("--jobs applies to weft check only (%s)", mode == WEFT__REPLAY ?
                    "a replay is one execution" : "outcomes groups every execution in one process");
    if (mode == WEFT__REPLAY && !token)
        usage_error("replay needs a schedule token (the w1.... or w2.... string a finding printed)%s", "");

    /* the replay line a finding prints: the same program, model and flags */
    static weft__buf rc;
    weft__buf_printf(&rc, "%s replay", argv[0]);
    for (int i = 0; i < nfiles; i++)
        weft__buf_printf(&rc, " %s", files[i]);
    for (int i = 0; i < nflags; i++)
        weft__buf_printf(&rc, " %s", flags[i]);
    /* the options that change which executions exist */
    if (!o.spurious)
        weft__buf_printf(&rc, " --no-spurious");
    if (o.nondet_domain != 4)
        weft__buf_printf(&rc, " --nondet-domain %d", o.nondet_domain);
    if (o.keep_threads)
        weft__buf_printf(&rc, " --keep-threads");
    /* and the one a watchdog livelock's report names */
    if (o.watchdog != 5)
        weft__buf_printf(&rc, " --watchdog %g", o.watchdog);
    o.replay_cmd = rc.p;

    int32_t *dec = NULL;
    if (token) {
        char fp8[9], err[256];
        dec = malloc(sizeof *dec * (size_t)(o.max_steps + 16));
        bool unfair = false, race = false;
        long n = dec ? weft__token_decode(token, fp8, &unfair, &race, dec, o.max_steps + 16, err,
                                          sizeof err) : -1;
        if (n < 0) {
            fprintf(stderr, "weft: error: malformed schedule token: %s\n", err);
            return 2;
        }
        o.replay = dec;
        o.nreplay = n;
        o.replay_race = race;
        o.strategy = "replay";
        o.unfair = unfair;
        token = fp8[0] ? strdup(fp8) : NULL;
    }

    char so[4096];
    char fp[17];
    int rcode = weft__compile(nfiles, files, nflags, flags, so, sizeof so, fp, o.verbose);
    if (rcode)
        return rcode;
    memcpy(weft__fingerprint, fp, 8);
    weft__fingerprint[8] = 0;
    if (token && strncmp(token, weft__fingerprint, 8) != 0 && !force) {
        fprintf(stderr, "weft: error: this token was recorded for a different build of the model "
                        "(fingerprint %s; this model's is %s): the model or its flags changed. "
                        "--force replays it anyway and says where it diverges.\n",
                token, weft__fingerprint);
        return 2;
    }

    void *h = dlopen(so, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        fprintf(stderr, "weft: error: cannot load the model: %s\n", dlerror());
        return 3;
    }
    void *mainp = dlsym(h, "main");
    Dl_info di;
    if (!mainp || !dladdr(mainp, &di) || strcmp(di.dli_fname, so) != 0) {
        fprintf(stderr, "weft: error: the model has no main(): its main() is the first thread\n");
        return 3;
    }
    if (weft__mem_register(mainp) != 0) {
        fprintf(stderr, "weft: error: cannot find the model's globals in memory\n");
        return 3;
    }

    weft__exec ex;
    memset(&ex, 0, sizeof ex);
    ex.opt = &o;
    ex.model_main = (int (*)(void))mainp;
    if (weft__options_strategy(&o, &ex.strat) != 0)
        return 2;
    if (mode == WEFT__REPLAY)
        ex.strat = &weft__strategy_replay;
    weft__race_enable(o.races && mode != WEFT__OUTCOMES);   /* a replay shows its race */
    weft__coro_self(&ex.loop);
    weft__ex = &ex;
    weft__shared *sh = weft__shared_new(&ex);
    ex.thread_fn = sh->thread_fn;
    weft__supervise(&ex, sh, mode);
    weft__progress_clear();
    weft__lockorder_finish(&ex, sh, mode);
    if (sh->stop == WEFT__STOP_ERROR) {
        fflush(stdout);
        fprintf(stderr, "weft: error: %s\n", sh->error_msg);
        return sh->error ? sh->error : 2;
    }
    return print_check(&o, &ex, sh, mode);
}
