/*
** worker.h: the supervisor and its worker. Executions run in a forked worker
** process; what must survive the worker (the search position, the findings,
** the current schedule, a progress counter for the watchdog) lives in memory
** shared with the supervisor, so a worker that crashes or hangs is replaced
** and the search goes on where it was.
*/
#ifndef WEFT_WORKER_H
#define WEFT_WORKER_H

#include <signal.h>

#include "buf.h"
#include "weft_int.h"

#define WEFT__MAX_FINDINGS 256

/* The watchdog's signal: the supervisor sends it to a worker that made no
   visible step for --watchdog seconds; the worker stops the execution where
   it is, inside the model, and reports it as a livelock (explore.c). A
   worker that does not answer within as long again is killed (worker.c). */
#define WEFT__SIG_HUNG SIGXCPU
#define WEFT__MAX_OUTCOMES 4096

enum weft__mode { WEFT__CHECK, WEFT__OUTCOMES, WEFT__REPLAY };
enum weft__stop { WEFT__RUNNING, WEFT__EXHAUSTED, WEFT__STOP_EXECUTIONS, WEFT__STOP_TIME,
                  WEFT__STOP_FINDING, WEFT__STOP_ERROR };

typedef struct weft__outcome {
    uint64_t hash;
    long count;
    size_t text_off, text_len;    /* in the outcome text area */
    size_t token_off;             /* NUL-terminated, in the same area */
} weft__outcome;

/* A growable area of shared memory (reserved large, touched as used). */
typedef struct weft__area { char *p; size_t len, cap; } weft__area;

typedef struct weft__shared {
    volatile unsigned long progress;   /* bumped at every step */
    volatile int cur_tid;
    int resume;                        /* a replacement worker: skip the execution that died */
    long executions;
    long blocked;                      /* DPOR: redundant partial runs abandoned */
    long discarded;                    /* executions a failed __VERIFIER_assume dropped */
    long traces;                       /* --oracle-traces: distinct traces seen */
    long helped;                       /* --jobs: executions and discarded runs helpers ran */
    int stop;                          /* enum weft__stop */
    int error;                         /* exit status for WEFT__STOP_ERROR */
    char error_msg[1200];
    double seconds;
    long events;                       /* visible events of the counted executions */
    long peak_rss_kib;                 /* the workers' peak resident memory */
    /* progress estimates (progress.c): over the counted executions, the sum
       of 1/weight (the share of the tree a DFS has covered, as a random
       probe would land in it) and the sum of weight (Knuth's estimator) */
    double mass, weight_sum;
    /* the current execution's schedule */
    long ndecisions;
    const void *thread_fn[WEFT__MAX_THREADS];
    /* findings */
    int nfindings;
    uint64_t keys[WEFT__MAX_FINDINGS];
    int first_kind;
    weft__area text, json;
    char first_message[512];
    char first_token[4096];
    /* outcomes */
    int noutcomes;
    long outcome_findings;
    weft__outcome outcomes[WEFT__MAX_OUTCOMES];
    weft__area otext;
    /* replay: what it printed */
    int replay_found;
} weft__shared;

/* Seconds on the monotonic clock. */
double weft__now(void);
/* In a process just forked from parent: die with it (killed, or ended
   before this process asked). A worker or helper left behind would search
   on alone. */
void weft__die_with(pid_t parent);
/* Set up shared memory for a run; the model is loaded and ex filled in. */
weft__shared *weft__shared_new(weft__exec *ex);
/* Unmap what weft__shared_new mapped (after the search). */
void weft__shared_free(weft__exec *ex, weft__shared *sh);
/* Run the search in workers until it ends; returns when it has. */
void weft__supervise(weft__exec *ex, weft__shared *sh, int mode);
/* The loop of executions, in the worker (explore.c). */
void weft__explore(weft__exec *ex, weft__shared *sh, int mode);
/* Record a finding (deduplicated by key) with its report. */
void weft__finding_add(weft__exec *ex, weft__shared *sh, int kind, const char *msg, uint64_t key);
void weft__area_put(weft__area *a, const char *s, size_t n);
/* The progress line on a terminal (progress.c): the supervisor ticks it
   while the worker runs, and clears it before printing the results. */
void weft__progress_tick(const weft__exec *ex, const weft__shared *sh, int mode, double elapsed);
void weft__progress_clear(void);
/* The fingerprint the tokens carry (8 hex digits). */
extern char weft__fingerprint[17];
uint64_t weft__hash(const void *p, size_t n, uint64_t h);

#endif
