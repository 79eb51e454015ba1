/*
** worker.c: the supervisor. It forks a worker that runs the executions,
** watches a progress counter in shared memory (a model looping without any
** visible operation is stopped and reported instead of hanging weft), and
** replaces a worker that ended after a crash so the search goes on.
*/
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lockorder.h"
#include "oracle.h"
#include "parallel.h"
#include "report.h"
#include "strategy.h"
#include "token.h"
#include "worker.h"

void weft__die_with(pid_t parent)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(0);
}

static void *shared_map(size_t size)
{
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE,
                   -1, 0);
    if (p == MAP_FAILED) {
        fprintf(stderr, "weft: error: cannot map %zu MiB of shared memory: %s\n", size >> 20,
                strerror(errno));
        exit(2);
    }
    return p;
}

static void area_init(weft__area *a, size_t cap)
{
    a->p = shared_map(cap);
    a->len = 0;
    a->cap = cap;
}

weft__shared *weft__shared_new(weft__exec *ex)
{
    weft__shared *sh = shared_map(sizeof *sh);
    area_init(&sh->text, (size_t)64 << 20);
    area_init(&sh->json, (size_t)64 << 20);
    area_init(&sh->otext, (size_t)64 << 20);
    ex->strat_state = shared_map(WEFT__STRAT_STATE_SIZE);
    ex->cap_decisions = ex->opt->max_steps + 16;
    ex->decisions = shared_map(sizeof(weft__decision) * (size_t)ex->cap_decisions);
    ex->cap_events = ex->opt->max_steps + 16;
    ex->events = mmap(NULL, sizeof(weft__event) * (size_t)ex->cap_events, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    ex->arena_cap = (size_t)256 << 20;
    ex->arena = mmap(NULL, ex->arena_cap, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (ex->events == MAP_FAILED || ex->arena == MAP_FAILED) {
        fprintf(stderr, "weft: error: cannot map the execution's memory: %s\n", strerror(errno));
        exit(2);
    }
    ex->progress = &sh->progress;
    ex->cur_tid = &sh->cur_tid;
    if (ex->opt->replay) {
        weft__replay_state *r = ex->strat_state;
        r->n = ex->opt->nreplay;
        memcpy(r->dec, ex->opt->replay, sizeof(int32_t) * (size_t)ex->opt->nreplay);
    }
    weft__lockorder_init();
    return sh;
}

void weft__shared_free(weft__exec *ex, weft__shared *sh)
{
    weft__par_free(ex);
    munmap(sh->text.p, sh->text.cap);
    munmap(sh->json.p, sh->json.cap);
    munmap(sh->otext.p, sh->otext.cap);
    munmap(ex->strat_state, WEFT__STRAT_STATE_SIZE);
    munmap(ex->decisions, sizeof(weft__decision) * (size_t)ex->cap_decisions);
    munmap(ex->events, sizeof(weft__event) * (size_t)ex->cap_events);
    munmap(ex->arena, ex->arena_cap);
    munmap(sh, sizeof *sh);
}

double weft__now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* The watchdog's finding when the worker did not answer its signal (the
   thread loops outside the model's code, or with the signal blocked) and
   was killed: made here, without the execution, which died with the worker.
   The schedule is unknown too: the count of its decisions was the worker's. */
static void hung(weft__exec *ex, weft__shared *sh)
{
    int tid = sh->cur_tid;
    char name[64] = "a thread";
    if (tid == 0)
        snprintf(name, sizeof name, "main");
    else if (tid > 0 && tid < WEFT__MAX_THREADS && sh->thread_fn[tid]) {
        char fn[32];
        weft__sym_func(sh->thread_fn[tid], fn, sizeof fn);
        snprintf(name, sizeof name, "%s#%d", fn, tid);
    }
    char msg[512];
    snprintf(msg, sizeof msg,
             "%s ran for more than %g s without a visible operation (an endless loop that touches "
             "no shared memory?) and could not be stopped inside the model; weft killed it, with "
             "its execution: no listing, no schedule (--watchdog sets the limit)", name,
             ex->opt->watchdog);
    uint64_t key = weft__hash(msg, strlen(msg), WEFT__LIVELOCK + 1);
    for (int i = 0; i < sh->nfindings; i++)
        if (sh->keys[i] == key)
            return;
    if (sh->nfindings == WEFT__MAX_FINDINGS)
        return;
    static const char token[] = "(unavailable)";
    weft__buf b = {0};
    if (sh->text.len)
        weft__buf_put(&b, "\n", 1);
    weft__buf_printf(&b, "livelock found\n  %s\n", msg);
    weft__area_put(&sh->text, b.p, b.len);
    b.len = 0;
    if (sh->json.len)
        weft__buf_put(&b, ", ", 2);
    weft__buf_printf(&b, "{\"kind\": \"livelock\", \"message\": ");
    weft__buf_json(&b, msg, strlen(msg));
    weft__buf_printf(&b, ", \"schedule\": ");
    weft__buf_json(&b, token, strlen(token));
    weft__buf_printf(&b, ", \"execution\": %ld, \"threads\": [], \"trace\": []}", sh->executions + 1);
    weft__area_put(&sh->json, b.p, b.len);
    weft__buf_free(&b);
    if (!sh->nfindings) {
        sh->first_kind = WEFT__LIVELOCK;
        snprintf(sh->first_message, sizeof sh->first_message, "%s", msg);
        snprintf(sh->first_token, sizeof sh->first_token, "%.4095s", token);
    }
    sh->keys[sh->nfindings++] = key;
    sh->executions++;
}

static void supervise_worker(weft__exec *ex, weft__shared *sh, int mode)
{
    double start = weft__now();
    if (ex->opt->oracle)
        weft__oracle_init();
    fflush(NULL);
    for (;;) {
        int fds[2];
        if (pipe(fds) != 0) {
            fprintf(stderr, "weft: error: pipe: %s\n", strerror(errno));
            exit(2);
        }
        pid_t me = getpid();
        pid_t pid = fork();
        if (pid < 0) {
            fprintf(stderr, "weft: error: cannot start a worker process: %s\n", strerror(errno));
            exit(2);
        }
        if (pid == 0) {
            weft__die_with(me);
            close(fds[0]);
            weft__explore(ex, sh, mode);
            fflush(NULL);
            _exit(0);
        }
        close(fds[1]);
        unsigned long seen = sh->progress;
        double last = weft__now();
        bool killed = false, asked = false;
        for (;;) {
            struct pollfd p = {fds[0], POLLIN, 0};
            int r = poll(&p, 1, 100);
            if (r > 0)
                break;   /* EOF: the worker is gone */
            double t = weft__now();
            weft__progress_tick(ex, sh, mode, t - start);
            if (sh->progress != seen) {
                seen = sh->progress;
                last = t;
                asked = false;
            } else if (ex->opt->watchdog > 0 && t - last > ex->opt->watchdog && !asked) {
                /* the worker stops the execution and reports it (explore.c) */
                kill(pid, WEFT__SIG_HUNG);
                asked = true;
                last = t;
            } else if (ex->opt->watchdog > 0 && t - last > ex->opt->watchdog) {
                kill(pid, SIGKILL);
                killed = true;
                hung(ex, sh);
                break;
            }
            if (ex->opt->time_limit > 0 && t - start > ex->opt->time_limit + 5) {
                /* the worker checks the limit between executions; one that
                   does not come back within a grace period is stopped */
                kill(pid, SIGKILL);
                sh->stop = WEFT__STOP_TIME;
                killed = true;
                break;
            }
        }
        close(fds[0]);
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        if (killed) {
            if (sh->stop == WEFT__STOP_TIME)
                return;
            if (mode == WEFT__CHECK && !ex->opt->keep_going) {
                sh->stop = WEFT__STOP_FINDING;
                return;
            }
            if (mode == WEFT__REPLAY) {
                sh->stop = WEFT__EXHAUSTED;
                sh->replay_found = 1;
                return;
            }
            sh->resume = 1;
            continue;
        }
        if (WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) != 0)) {
            sh->stop = WEFT__STOP_ERROR;
            sh->error = 2;
            snprintf(sh->error_msg, sizeof sh->error_msg,
                     "the worker process died (%s %d) in execution %ld; this is a bug in weft, "
                     "please report it with the model", WIFSIGNALED(status) ? "signal" : "exit status",
                     WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status), sh->executions + 1);
            return;
        }
        if (sh->resume && sh->stop == WEFT__RUNNING)
            continue;   /* it stopped after a crash: a fresh worker goes on */
        return;
    }
}

void weft__supervise(weft__exec *ex, weft__shared *sh, int mode)
{
    weft__par_new(ex, sh, mode);
    weft__par_start(ex);
    supervise_worker(ex, sh, mode);
    weft__par_stop(ex);
}
