/*
** bench_switch.c: nanoseconds per coroutine switch of this build's backend
** (a ping-pong between two coroutines). A figure for `make bench`, never a test.
*/
#include <stdio.h>
#include <time.h>

#include "coro.h"

#define ROUNDS 2000000L

static weft__coro main_co, ping;

static void pinger(void *arg)
{
    (void)arg;
    for (;;)
        weft__coro_switch(&ping, &main_co);
}

int main(void)
{
    weft__coro_self(&main_co);
    if (weft__coro_slot(&ping, 64 * 1024) != 0)
        return 1;
    weft__coro_prepare(&ping, pinger, NULL);
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (long i = 0; i < ROUNDS; i++)
        weft__coro_switch(&main_co, &ping);
    clock_gettime(CLOCK_MONOTONIC, &b);
    double ns = ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / (2.0 * ROUNDS);
    printf("%s %.1f\n", weft__coro_backend(), ns);
    return 0;
}
