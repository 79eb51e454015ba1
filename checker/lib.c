/*
** lib.c: weft_check(), the library entry point: a user's own test program
** checks a model function under the same options as the command line. The
** search runs in forked workers, as under the command; the caller's process
** only supervises, and gets the verdict and the first finding back.
*/
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "lockorder.h"
#include "options.h"
#include "strategy.h"
#include "token.h"
#include "worker.h"

#define MAX_OPTS 64

static int fail(weft_result *out, const char *msg)
{
    memset(out, 0, sizeof *out);
    out->verdict = WEFT_ERROR;
    snprintf(out->message, sizeof out->message, "%s", msg);
    return WEFT_ERROR;
}

int weft_check(int (*model)(void), const char *options, weft_result *out)
{
    static weft_result scratch;
    if (!out)
        out = &scratch;
    if (!model)
        return fail(out, "weft_check: no model function");
    weft__options o;
    weft__options_default(&o);
    o.watchdog = 5;
    char *copy = strdup(options ? options : "");
    char *argv[MAX_OPTS + 1];
    int argc = 0;
    for (char *s = strtok(copy, " \t"); s && argc < MAX_OPTS; s = strtok(NULL, " \t"))
        argv[argc++] = s;
    argv[argc] = NULL;
    const char *token = NULL;
    for (int i = 0; i < argc;) {
        if (!strcmp(argv[i], "--replay") && i + 1 < argc) {
            token = argv[i + 1];
            i += 2;
            continue;
        }
        int used = weft__options_parse(&o, argc - i, argv + i);
        if (used <= 0) {
            char msg[256];
            snprintf(msg, sizeof msg, "weft_check: unknown or malformed option '%s'", argv[i]);
            free(copy);
            return fail(out, msg);
        }
        i += used;
    }
    o.replay_cmd = "weft_check(... \"--replay\")";

    /* The fingerprint names the model function's object and symbol. */
    Dl_info di;
    char fp[17] = "0000000000000000";
    if (dladdr((void *)model, &di) && di.dli_fname) {
        const char *base = strrchr(di.dli_fname, '/');
        base = base ? base + 1 : di.dli_fname;
        uint64_t h = weft__hash(base, strlen(base), 0);
        if (di.dli_sname)
            h = weft__hash(di.dli_sname, strlen(di.dli_sname), h);
        snprintf(fp, sizeof fp, "%016llx", (unsigned long long)h);
    }
    memcpy(weft__fingerprint, fp, 8);
    weft__fingerprint[8] = 0;

    int32_t *dec = NULL;
    if (token) {
        char fp8[9], err[256];
        dec = malloc(sizeof *dec * (size_t)(o.max_steps + 16));
        bool unfair = false, race = false;
        long n = dec ? weft__token_decode(token, fp8, &unfair, &race, dec, o.max_steps + 16, err,
                                          sizeof err) : -1;
        if (n < 0) {
            char msg[400];
            snprintf(msg, sizeof msg, "weft_check: malformed schedule token: %s", err);
            free(copy);
            free(dec);
            return fail(out, msg);
        }
        o.replay = dec;
        o.nreplay = n;
        o.replay_race = race;
        o.unfair = unfair;
    }

    /* Globals are restored between executions when the model lives in an
       object other than weft's own (libweft.so, or a model .so); with the
       static library they share one object, and restoring it would reset
       weft too: then the model must set up its own state. */
    Dl_info self;
    if (dladdr((void *)weft_check, &self) && dladdr((void *)model, &di) &&
        self.dli_fbase != di.dli_fbase)
        weft__mem_register((void *)model);

    weft__exec ex;
    memset(&ex, 0, sizeof ex);
    ex.opt = &o;
    ex.model_main = model;
    if (weft__options_strategy(&o, &ex.strat) != 0) {
        free(copy);
        free(dec);
        return fail(out, "weft_check: the options name no strategy, or do not go together "
                         "(stderr says why)");
    }
    int mode = WEFT__CHECK;
    if (token) {
        ex.strat = &weft__strategy_replay;
        mode = WEFT__REPLAY;
    }
    weft__race_enable(o.races);
    weft__coro_self(&ex.loop);
    weft__ex = &ex;
    weft__shared *sh = weft__shared_new(&ex);
    ex.thread_fn = sh->thread_fn;
    weft__supervise(&ex, sh, mode);
    weft__progress_clear();
    weft__lockorder_finish(&ex, sh, mode);
    weft__ex = NULL;

    memset(out, 0, sizeof *out);
    out->executions = sh->executions;
    out->complete = sh->stop == WEFT__EXHAUSTED;
    const weft__strategy_extra *extra = weft__strategy_extra_of(ex.strat);
    char sjson[512], stext[256];
    if (out->complete && mode != WEFT__REPLAY && extra && extra->summary &&
        !extra->summary(&ex, sjson, sizeof sjson, stext, sizeof stext))
        out->complete = false;   /* a bound left schedules out */
    out->nfindings = sh->nfindings;
    if (sh->stop == WEFT__STOP_ERROR) {
        out->verdict = WEFT_ERROR;
        snprintf(out->message, sizeof out->message, "%.511s", sh->error_msg);
    } else if (sh->nfindings || (mode == WEFT__REPLAY && sh->replay_found)) {
        out->verdict = WEFT_BUG;
        snprintf(out->kind, sizeof out->kind, "%s", weft__kind_names[sh->first_kind]);
        snprintf(out->message, sizeof out->message, "%.511s", sh->first_message);
        snprintf(out->schedule, sizeof out->schedule, "%.4095s", sh->first_token);
    } else {
        out->verdict = out->complete ? WEFT_OK : WEFT_INCOMPLETE;
    }
    if (o.verbose && sh->text.len)
        fputs(sh->text.p, stdout);
    weft__shared_free(&ex, sh);
    free(copy);
    free(dec);
    return out->verdict;
}
