/*
** value_no_lock.c: add_500_no_lock and sub_500_no_lock from
** seeds/001_0008dd9dc5b18ccf.txt ("3. Lock(synonym = Mutex)", "Without
** Lock"): two processes share a multiprocessing Value('i', 500); one adds
** 5 ITERS times, the other subtracts 5 ITERS times, with `total.value += 5`
** (a get and a set) and no lock. The seed prints "random values".
** Expected: bug, an assertion (total.value != 500: an update was lost). A
** Value is a weft object, not plain memory, so this is not reported as a
** data race; the lost update is what shows. `weft outcomes` lists the
** possible totals.
** Size: -DITERS=<updates per process> (default 2; the seed has 500).
*/
#include <stdio.h>
#include <weft.h>

#ifndef ITERS
#define ITERS 2
#endif

static void add_no_lock(weft_value *total)
{
    for (int i = 0; i < ITERS; i++)
        weft_value_set(total, weft_value_get(total) + 5);
}

static void sub_no_lock(weft_value *total)
{
    for (int i = 0; i < ITERS; i++)
        weft_value_set(total, weft_value_get(total) - 5);
}

int main(void)
{
    weft_value *total = weft_value_new(500, true, "total");
    weft_process *add_process = weft_process_new(add_no_lock, "p", total);
    weft_process *sub_process = weft_process_new(sub_no_lock, "p", total);
    weft_process_start(add_process);
    weft_process_start(sub_process);
    weft_process_join(add_process);
    weft_process_join(sub_process);
    long v = weft_value_get(total);
    printf("%ld\n", v);
    weft_assert(v == 500, "total.value is %ld, expected 500", v);
    return 0;
}
