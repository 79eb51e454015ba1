/*
** racy_total.c: the `total` race of seeds/003_e35296164f0c165a.txt: five
** threads each read `total`, then write back what they read plus their
** number; 0+1+2+3+4 should give 10. Expected: bug, a data race on `total`,
** then the assertion fails where one write overwrote another (lost update).
** Size: -DN=<threads> (default 5). check stops after 36 executions of the
** naive DFS whatever N; outcomes needs 19667 for N=2, 205433539 for N=3.
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
