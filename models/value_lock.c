/*
** value_lock.c: add_500_lock and sub_500_lock from
** seeds/001_0008dd9dc5b18ccf.txt ("3. Lock(synonym = Mutex)", "WITH Lock"):
** the processes of value_no_lock.c, each update of the shared
** Value('i', 500) under a multiprocessing Lock passed to both.
** Expected: ok; every interleaving prints 500 ("prints 500 (as expected)
** all the time"), the single outcome.
** Size: -DITERS=<updates per process> (default 2; the seed has 500).
*/
#include <stdio.h>
#include <weft.h>

#ifndef ITERS
#define ITERS 2
#endif

static void add_lock(weft_value *total, weft_lock *lock)
{
    for (int i = 0; i < ITERS; i++) {
        weft_lock_acquire(lock);   /* locking the critical/shared section */
        weft_value_set(total, weft_value_get(total) + 5);
        weft_lock_release(lock);
    }
}

static void sub_lock(weft_value *total, weft_lock *lock)
{
    for (int i = 0; i < ITERS; i++) {
        weft_lock_acquire(lock);
        weft_value_set(total, weft_value_get(total) - 5);
        weft_lock_release(lock);
    }
}

int main(void)
{
    weft_value *total = weft_value_new(500, true, "total");
    weft_lock *lock = weft_lock_new("lock");
    weft_process *add_process = weft_process_new(add_lock, "pp", total, lock);
    weft_process *sub_process = weft_process_new(sub_lock, "pp", total, lock);
    weft_process_start(add_process);
    weft_process_start(sub_process);
    weft_process_join(add_process);
    weft_process_join(sub_process);
    long v = weft_value_get(total);
    printf("%ld\n", v);
    weft_assert(v == 500, "total.value is %ld, expected 500", v);
    return 0;
}
