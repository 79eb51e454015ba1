/*
** pthread_int.h: what the files of the pthread and C11 threads layer share.
**
** The model is linked with --wrap for every pthread, semaphore and C11
** threads function (checker/compile.c), so its calls come to the
** __wrap_ functions of primitives/pthread*.c and c11threads.c. Inside an
** execution they run on the scheduler's verbs; outside one (a constructor
** that runs at load time) they call the real libc function.
**
** Invariants:
** - A pthread object (pthread_mutex_t, pthread_cond_t, sem_t, ...) lives in
**   the model's memory, which is reset before every execution, often with a
**   static initializer and no init call. weft keeps its own object for it
**   (a weft__obj from the execution's arena) in a per-execution map keyed by
**   the address (and the address space, for globals of a Process): made by
**   the init call, or on first use from the initializer's bytes; removed by
**   destroy. weft never writes into a pthread object, except the glibc
**   "destroyed" mark of a mutex.
** - Per-execution state (the map, the keys) hangs off
**   the main thread's weft__thread.user, so it is born with each execution
**   and needs no reset hook. Every thread's user points at its
**   weft__pt_thread (made on first use for threads weft_spawn started).
** - pthread_t and thrd_t are the weft thread id + 1: small, deterministic
**   numbers (printing pthread_self() gives the same bytes in every run).
*/
#ifndef WEFT_PTHREAD_INT_H
#define WEFT_PTHREAD_INT_H

#include <pthread.h>

#include "../checker/weft_int.h"

#define WEFT__PT_KEYS 128            /* keys per execution (glibc has 1024) */
#define WEFT__PT_DTOR_ROUNDS 4       /* PTHREAD_DESTRUCTOR_ITERATIONS */
#define WEFT__PT_CLEANUP 32          /* nested pthread_cleanup_push levels */

/* What a map entry is: one kind per pthread object type. */
enum weft__ptkind {
    WEFT__PT_MUTEX = 1, WEFT__PT_SPIN, WEFT__PT_COND, WEFT__PT_RWLOCK,
    WEFT__PT_BARRIER, WEFT__PT_SEM, WEFT__PT_ONCE
};

/* Per thread: owned by the thread it describes, reached from t->user. */
typedef struct weft__pt_thread {
    weft__thread *t;
    void *(*start)(void *);      /* pthread_create's routine, or NULL */
    int (*start_c11)(void *);    /* thrd_create's routine, or NULL */
    void *arg;
    void *retval;                /* what the routine returned or pthread_exit got */
    bool detached;
    bool joined;
    void **keys;                 /* WEFT__PT_KEYS values, made on first set */
    void *cleanup[WEFT__PT_CLEANUP];  /* pthread_cleanup_push buffers, innermost last */
    int ncleanup;
    bool exiting;                /* in pthread_exit, running cleanup handlers */
    long spurious_ev;            /* event of this thread's last spurious wakeup, or -1 */
} weft__pt_thread;

/* Per execution: hangs off the main thread (its record comes first, so
   threads[0]->user points at both). The map is open addressing, grown
   from the arena (the old table is left there: the arena dies with the
   execution). */
typedef struct weft__pt_slot {
    const void *addr;            /* NULL: empty */
    int space;                   /* address space, for a Process's globals; else 0 */
    int kind;                    /* enum weft__ptkind; 0 once forgotten */
    void *obj;
} weft__pt_slot;

typedef struct weft__pt_exec {
    weft__pt_thread main;        /* first */
    weft__pt_slot *map;
    int cap, used;               /* used counts slots ever taken (forgotten ones too) */
    struct { bool used; void (*dtor)(void *); } keys[WEFT__PT_KEYS];
    bool main_gone;              /* main called pthread_exit: threads keep the process */
} weft__pt_exec;

static inline bool weft__pt_active(void) { return weft__ex && weft__ex->cur; }

weft__pt_exec *weft__pt_exec_get(void);
/* t's record, made on first use; the calling thread's. */
weft__pt_thread *weft__pt_of(weft__thread *t);
weft__pt_thread *weft__pt_self(void);
/* The thread a pthread_t names in this execution, or NULL. */
weft__thread *weft__pt_thread_of(unsigned long id);

/* The per-execution map from a pthread object's address to weft's object. */
void *weft__pt_find(const void *addr, int kind);
/* Make weft's object for addr (size bytes, a weft__obj first) and map it,
   replacing whatever addr mapped to. Named after the model's variable if
   addr is a global, else "<kname>#<n>". */
void *weft__pt_new(const void *addr, int kind, size_t size, int okind, const char *kname);
void weft__pt_forget(const void *addr);

/* A misuse finding: "<thread>: <message>". Never returns. */
_Noreturn void weft__pt_misuse(const void *pc, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Relabel the calling thread's last event: a wake-up that the scheduler
   recorded as a timeout but which was a spurious wakeup, or a woken
   waiter that found its mutex busy. */
void weft__pt_relabel(const weft__opdesc *op, bool timed_out);

/* ---- threads (pthread.c), shared with C11 threads -------------------------- */
int weft__pt_create(unsigned long *id, bool detached, void *(*start)(void *),
                    int (*start_c11)(void *), void *arg, const void *pc);
int weft__pt_join(unsigned long id, void **retval, int ticks, const void *pc);
int weft__pt_detach(unsigned long id, const void *pc);
_Noreturn void weft__pt_exit(void *retval);
void weft__pt_yield(bool sleep, const void *pc);   /* sched_yield, or a sleep */
int weft__pt_once(int *flag, void (*fn)(void), const void *pc);
int weft__pt_key_create(unsigned *key, void (*dtor)(void *));
int weft__pt_key_delete(unsigned key);
void *weft__pt_key_get(unsigned key);
int weft__pt_key_set(unsigned key, const void *v);

/* ---- mutexes (pthread_mutex.c), shared with conditions and C11 ---------------- */
typedef struct weft__pt_mutex {
    weft__obj obj;               /* obj.holder: the owner, or NULL */
    int type;                    /* PTHREAD_MUTEX_NORMAL, _RECURSIVE or _ERRORCHECK */
    int count;                   /* locks by the owner not yet unlocked */
    bool spin;                   /* a pthread_spinlock_t */
} weft__pt_mutex;

weft__pt_mutex *weft__pt_mutex_of(void *m, const void *pc);
weft__pt_mutex *weft__pt_mutex_init(void *m, int type, bool spin);
bool weft__pt_mutex_free(void *x);
void weft__pt_mutex_take(weft__pt_mutex *x, int count);
int weft__pt_mutex_lock(weft__pt_mutex *x, const void *pc);
/* trylock (timed false) or timedlock: returns 0, EBUSY or ETIMEDOUT */
int weft__pt_mutex_trylock(weft__pt_mutex *x, bool timed, const void *pc);
int weft__pt_mutex_unlock(weft__pt_mutex *x, const void *pc);
int weft__pt_mutex_destroy(void *m, bool spin, const void *pc);

/* ---- conditions (pthread_cond.c), shared with C11 ------------------------------- */
/* Returns 0, or ETIMEDOUT when timed and no signal came. */
int weft__pt_cond_wait(void *c, void *m, bool timed, const void *pc);
int weft__pt_cond_signal(void *c, bool all, const void *pc);
int weft__pt_cond_init(void *c);
int weft__pt_cond_destroy(void *c, const void *pc);

/* The options that shape this layer live in weft__ex->opt: spurious
   (--no-spurious turns off spurious wakeups of pthread_cond_wait and
   cnd_wait), nondet_domain (--nondet-domain: how many values a
   __VERIFIER_nondet_ call explores) and keep_threads (--keep-threads: main
   returning does not end the execution; by default, POSIX: once a thread
   was created, main returning ends it whatever the others are doing). */

#endif
