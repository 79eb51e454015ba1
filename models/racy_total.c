/*
** racy_total.c: the seed's `total` race (seeds/003, "Understanding
** Synchronization using Python 3"): five threads each read `total`, then
** write back what they read plus their number; 0+1+2+3+4 should give 10.
** Expected: bug. A data race on `total`, and the assertion fails in the
** schedules where one thread's write overwrites another's (lost update).
** Size: -DN=<threads> (default 5; N=2 or 3 keeps the search tiny).
*/
#include <stdio.h>
#include <weft.h>

#ifndef N
#define N 5
#endif

int total = 0;

static void test_thread(int num)
{
    int temp = total;
    total = temp + num;
}

int main(void)
{
    weft_thread *t[N];
    for (int i = 0; i < N; i++)
        t[i] = weft_spawn(test_thread, "i", i);
    for (int i = 0; i < N; i++)
        weft_join(t[i]);
    printf("The total is: %d\n", total);
    weft_assert(total == N * (N - 1) / 2, "total is %d, expected %d", total, N * (N - 1) / 2);
    return 0;
}
