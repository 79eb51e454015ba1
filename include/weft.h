/*
** weft.h: the one header a weft model includes.
** Threads and the synchronization objects of Python's threading, queue,
** multiprocessing and concurrent.futures, for C programs whose interleavings
** weft explores. Every call here is a visible operation of the model.
*/
#ifndef WEFT_H
#define WEFT_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* weft_spawn and weft_process_new take `void (*fn)()`: a function of any
   parameters, typed at run time by the sig string. That unprototyped form
   is the point, so the warning about it is silenced for these lines only.
   (C23 would read `()` as `(void)`: compile models as C11/C17.) */
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
#endif
typedef void (*weft_fn)();
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#define WEFT_VERSION "0.1.0"

/* Opaque handles. Objects live until the end of the execution that created
   them; models never free them. Every _new takes an optional name for
   reports: NULL gives "lock#3" and the like. */
typedef struct weft_thread weft_thread;
typedef struct weft_lock weft_lock;
typedef struct weft_rlock weft_rlock;
typedef struct weft_cond weft_cond;
typedef struct weft_sem weft_sem;
typedef struct weft_event weft_event;
typedef struct weft_barrier weft_barrier;
typedef struct weft_queue weft_queue;
typedef struct weft_conn weft_conn;
typedef struct weft_value weft_value;
typedef struct weft_array weft_array;
typedef struct weft_process weft_process;
typedef struct weft_pool weft_pool;
typedef struct weft_executor weft_executor;
typedef struct weft_future weft_future;
typedef struct weft_as_completed weft_as_completed;

/* ---- Threads ---------------------------------------------------------------
   weft_spawn(fn, sig, ...) starts a thread running fn with the arguments that
   follow, typed by sig, one letter each: i int, u unsigned, l long, z size_t,
   d double, f float, c char, p pointer, s string. Example:
       weft_spawn(worker, "ip", 3, &shared);                                   */
weft_thread *weft_spawn(weft_fn fn, const char *sig, ...);
void weft_join(weft_thread *t);
bool weft_join_timeout(weft_thread *t, int ticks);   /* false: timed out */
bool weft_thread_is_alive(weft_thread *t);
const char *weft_thread_name(weft_thread *t);
void weft_thread_set_name(weft_thread *t, const char *name);
void weft_thread_set_daemon(weft_thread *t, bool daemon);  /* call right after spawn */
bool weft_thread_daemon(weft_thread *t);
int weft_thread_id(weft_thread *t);                   /* 0 is main */
weft_thread *weft_self(void);
void weft_yield(void);
void weft_sleep(int ticks);       /* virtual time: a point where others run */
int weft_choose(int n);           /* nondeterministic 0..n-1, every value explored */

/* weft_assert(cond) or weft_assert(cond, "fmt", ...): a failed assertion is a
   finding with the schedule that led to it. */
#define weft_assert(cond, ...) \
    ((cond) ? (void)0 : weft__assert_fail(__FILE__, __LINE__, #cond, "" __VA_ARGS__))
void weft__assert_fail(const char *file, int line, const char *expr, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 4, 5)));

/* What `weft outcomes` groups executions by, besides the model's stdout. */
void weft_outcome(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- Lock (threading.Lock) -------------------------------------------------- */
weft_lock *weft_lock_new(const char *name);
void weft_lock_acquire(weft_lock *l);
bool weft_lock_try_acquire(weft_lock *l);                 /* acquire(blocking=False) */
bool weft_lock_acquire_timeout(weft_lock *l, int ticks);  /* acquire(timeout=t) */
void weft_lock_release(weft_lock *l);
bool weft_lock_locked(weft_lock *l);

/* ---- RLock (threading.RLock) ------------------------------------------------ */
weft_rlock *weft_rlock_new(const char *name);
void weft_rlock_acquire(weft_rlock *l);
bool weft_rlock_try_acquire(weft_rlock *l);
bool weft_rlock_acquire_timeout(weft_rlock *l, int ticks);
void weft_rlock_release(weft_rlock *l);

/* ---- Condition (threading.Condition) -----------------------------------------
   lock is a weft_lock *, a weft_rlock *, or NULL for a Condition's own RLock. */
weft_cond *weft_cond_new(void *lock, const char *name);
void weft_cond_acquire(weft_cond *c);
void weft_cond_release(weft_cond *c);
void weft_cond_wait(weft_cond *c);
bool weft_cond_wait_timeout(weft_cond *c, int ticks);     /* false: timed out */
/* wait_for(predicate, timeout): ticks < 0 waits without a timeout; returns the
   predicate's last value. */
bool weft_cond_wait_for(weft_cond *c, bool (*pred)(void *), void *arg, int ticks);
void weft_cond_notify(weft_cond *c, int n);
void weft_cond_notify_all(weft_cond *c);

/* ---- Semaphore and BoundedSemaphore ------------------------------------------ */
weft_sem *weft_sem_new(int value, const char *name);
weft_sem *weft_bsem_new(int value, const char *name);   /* BoundedSemaphore */
void weft_sem_acquire(weft_sem *s);
bool weft_sem_try_acquire(weft_sem *s);
bool weft_sem_acquire_timeout(weft_sem *s, int ticks);
void weft_sem_release(weft_sem *s);
void weft_sem_release_n(weft_sem *s, int n);
int weft_sem_value(weft_sem *s);

/* ---- Event (threading.Event) ---------------------------------------------------- */
weft_event *weft_event_new(const char *name);
void weft_event_set(weft_event *e);
void weft_event_clear(weft_event *e);
bool weft_event_is_set(weft_event *e);
void weft_event_wait(weft_event *e);
bool weft_event_wait_timeout(weft_event *e, int ticks);  /* returns the flag */

/* ---- Barrier (threading.Barrier) -------------------------------------------------
   wait returns an index 0..parties-1, distinct per phase, or WEFT_BROKEN when
   the barrier is or becomes broken (Python's BrokenBarrierError). */
#define WEFT_BROKEN (-1)
#define WEFT_FOREVER (-1)   /* a timeout argument meaning "no timeout" */
weft_barrier *weft_barrier_new(int parties, void (*action)(void), int timeout, const char *name);
int weft_barrier_wait(weft_barrier *b);
int weft_barrier_wait_timeout(weft_barrier *b, int ticks);
void weft_barrier_reset(weft_barrier *b);
void weft_barrier_abort(weft_barrier *b);
int weft_barrier_parties(weft_barrier *b);
int weft_barrier_n_waiting(weft_barrier *b);
bool weft_barrier_broken(weft_barrier *b);

/* ---- Queues (queue.Queue, LifoQueue, PriorityQueue, SimpleQueue) -----------------
   Items are longs (cast pointers through intptr_t). maxsize <= 0: unbounded.
   The _nowait and _timeout forms return false for Python's Full and Empty. */
weft_queue *weft_queue_new(int maxsize, const char *name);
weft_queue *weft_lifoqueue_new(int maxsize, const char *name);
weft_queue *weft_priorityqueue_new(int maxsize, const char *name);   /* smallest first */
weft_queue *weft_simplequeue_new(const char *name);
void weft_queue_put(weft_queue *q, long item);
bool weft_queue_put_nowait(weft_queue *q, long item);
bool weft_queue_put_timeout(weft_queue *q, long item, int ticks);
long weft_queue_get(weft_queue *q);
bool weft_queue_get_nowait(weft_queue *q, long *item);
bool weft_queue_get_timeout(weft_queue *q, long *item, int ticks);
int weft_queue_qsize(weft_queue *q);
bool weft_queue_empty(weft_queue *q);
bool weft_queue_full(weft_queue *q);
void weft_queue_task_done(weft_queue *q);
void weft_queue_join(weft_queue *q);

/* ---- Pipe (multiprocessing.Pipe) ---------------------------------------------------
   weft_pipe_new(duplex, &a, &b): with duplex false, a only receives and b only
   sends, as Python's Pipe(duplex=False) returns (reader, writer). recv returns
   false at end of file: the other end closed and nothing is left. */
void weft_pipe_new(bool duplex, weft_conn **a, weft_conn **b, const char *name);
void weft_conn_send(weft_conn *c, long item);
bool weft_conn_recv(weft_conn *c, long *item);
bool weft_conn_poll(weft_conn *c, int ticks);   /* ticks 0: do not wait */
void weft_conn_close(weft_conn *c);

/* ---- Value and Array (multiprocessing.Value, Array) --------------------------------
   Shared between processes. Each get or set is one visible operation, so
   `v.value += 5` is a get and a set, and can lose updates without the lock. */
weft_value *weft_value_new(long init, bool lock, const char *name);
long weft_value_get(weft_value *v);
void weft_value_set(weft_value *v, long x);
weft_rlock *weft_value_get_lock(weft_value *v);   /* NULL when made without lock */
weft_array *weft_array_new(int n, bool lock, const char *name);
long weft_array_get(weft_array *a, int i);
void weft_array_set(weft_array *a, int i, long x);
int weft_array_len(weft_array *a);
weft_rlock *weft_array_get_lock(weft_array *a);

/* ---- Process (multiprocessing.Process) ----------------------------------------------
   A process works on its own copy of the model's globals, taken when it
   starts; only weft's shared objects are shared between processes. */
#define WEFT_EXITCODE_NONE (-1000)
weft_process *weft_process_new(weft_fn fn, const char *sig, ...);
void weft_process_start(weft_process *p);
void weft_process_join(weft_process *p);
bool weft_process_join_timeout(weft_process *p, int ticks);
bool weft_process_is_alive(weft_process *p);
int weft_process_exitcode(weft_process *p);   /* WEFT_EXITCODE_NONE while running */
const char *weft_process_name(weft_process *p);

/* ---- Pool (multiprocessing.Pool) and futures (concurrent.futures) --------------------- */
weft_pool *weft_pool_new(int nworkers, const char *name);
void weft_pool_map(weft_pool *p, long (*fn)(long), const long *in, long *out, int n);
weft_future *weft_pool_apply_async(weft_pool *p, long (*fn)(long), long arg);
void weft_pool_close(weft_pool *p);
void weft_pool_join(weft_pool *p);

weft_executor *weft_executor_new(int max_workers, const char *name);
weft_future *weft_executor_submit(weft_executor *e, long (*fn)(long), long arg);
void weft_executor_shutdown(weft_executor *e, bool wait);

long weft_future_result(weft_future *f);     /* waits; misuse if cancelled */
bool weft_future_result_timeout(weft_future *f, long *out, int ticks);
bool weft_future_done(weft_future *f);
bool weft_future_cancel(weft_future *f);     /* true if it had not started */
bool weft_future_cancelled(weft_future *f);
bool weft_future_running(weft_future *f);

/* as_completed: futures in the order they complete; NULL when all are taken. */
weft_as_completed *weft_as_completed_new(weft_future **fs, int n);
weft_future *weft_as_completed_next(weft_as_completed *it);

/* wait(fs, return_when): fills done[] and pending[] (each room for n),
   returns the number done. */
#define WEFT_FIRST_COMPLETED 1
#define WEFT_ALL_COMPLETED 2
int weft_futures_wait(weft_future **fs, int n, int return_when, int ticks,
                      weft_future **done, weft_future **pending, int *npending);

/* ---- with -------------------------------------------------------------------------
   WEFT_WITH(x) { ... } acquires x (a Lock, RLock, Condition or semaphore)
   around the block, as Python's `with x:`. Leaving the block by break or
   return skips the release, as it would skip a plain release call. */
void weft_with_enter(void *x);
void weft_with_exit(void *x);
#define WEFT_WITH(x) \
    for (int weft__once_ = (weft_with_enter(x), 1); weft__once_; weft__once_ = (weft_with_exit(x), 0))

/* ---- Checking from a C test suite -------------------------------------------------------
   weft_check runs model (as the first thread of every execution) under the
   options of the command line ("--strategy dfs --max-executions 1000"), in a
   forked worker, and prints nothing unless the options ask for it. */
enum { WEFT_OK = 0, WEFT_BUG = 1, WEFT_INCOMPLETE = 2, WEFT_ERROR = 3 };
typedef struct weft_result {
    int verdict;            /* WEFT_OK, WEFT_BUG, WEFT_INCOMPLETE or WEFT_ERROR */
    long executions;
    bool complete;
    int nfindings;
    char kind[16];          /* the first finding's kind, "" if none */
    char message[512];      /* its message */
    char schedule[4096];    /* its schedule token */
} weft_result;
int weft_check(int (*model)(void), const char *options, weft_result *out);

#ifdef __cplusplus
}
#endif
#endif
