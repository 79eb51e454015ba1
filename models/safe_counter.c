/*
** safe_counter.c: SafeCounter from seeds/002_897fcf942ac2d54e.txt
** ("threading.Lock"): increment() and the value property both take the
** counter's lock, so the count is always THREADS*ITERS ("Always 400000").
** Expected: ok, no data race; `weft outcomes` shows the one output.
** Size: -DTHREADS=<workers> (default 2; the seed has 4), -DITERS=<increments
** per worker> (default 2; the seed has 100000).
*/
#include <stdio.h>
#include <weft.h>

#ifndef THREADS
#define THREADS 2
#endif
#ifndef ITERS
#define ITERS 2
#endif

typedef struct safe_counter {
    int value;
    weft_lock *lock;
} safe_counter;

static void counter_init(safe_counter *c)
{
    c->value = 0;
    c->lock = weft_lock_new("counter._lock");
}

static void counter_increment(safe_counter *c)
{
    WEFT_WITH(c->lock) {
        c->value += 1;
    }
}

static int counter_value(safe_counter *c)
{
    int v;
    WEFT_WITH(c->lock) {
        v = c->value;
    }
    return v;
}

safe_counter counter;

static void worker(void)
{
    for (int i = 0; i < ITERS; i++)
        counter_increment(&counter);
}

/* Start workers i..THREADS-1, then join them (locals, not an array: see
   total_lock.c). */
static void run_workers(int i)
{
    if (i == THREADS)
        return;
    weft_thread *t = weft_spawn(worker, "");
    run_workers(i + 1);
    weft_join(t);
}

int main(void)
{
    counter_init(&counter);
    run_workers(0);
    int v = counter_value(&counter);
    printf("%d\n", v);
    weft_assert(v == THREADS * ITERS, "value is %d, expected %d", v, THREADS * ITERS);
    return 0;
}
