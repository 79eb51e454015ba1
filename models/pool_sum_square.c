/*
** pool_sum_square.c: sum_square_with_multiprocessing of
** seeds/001_0008dd9dc5b18ccf.txt ("2. Pool"): Pool(WORKERS).map(sum_square,
** arr), then close() and join(), next to the serial loop. map() hands the
** inputs out to the pool's worker processes in whatever order they come
** for them, yet returns the results in input order.
** Expected: ok; in every interleaving the map's results equal the serial
** ones, and the single output lists them.
** Size: -DNUMBERS=<inputs> (default 3; the seed has 10000), -DWORKERS=<pool
** processes> (default 2; the seed uses one per core).
*/
#include <stdio.h>
#include <weft.h>

#ifndef NUMBERS
#define NUMBERS 3
#endif
#ifndef WORKERS
#define WORKERS 2
#endif

/* the sum of the squares of 0..n-1 */
static long sum_square(long n)
{
    long s = 0;
    for (long i = 0; i < n; i++)
        s += i * i;
    return s;
}

int main(void)
{
    long arr[NUMBERS], result[NUMBERS];
    for (int i = 0; i < NUMBERS; i++)
        arr[i] = 10 + i;
    weft_pool *p = weft_pool_new(WORKERS, "pool");
    weft_pool_map(p, sum_square, arr, result, NUMBERS);
    weft_pool_close(p);
    weft_pool_join(p);   /* waits for all processes to finish */
    for (int i = 0; i < NUMBERS; i++) {
        weft_assert(result[i] == sum_square(arr[i]), "result[%d] = %ld", i, result[i]);
        printf("sum_square(%ld) = %ld\n", arr[i], result[i]);
    }
    return 0;
}
