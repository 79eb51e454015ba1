/*
** readers.c: N readers (-DN=k, default 3) each read x once; one writer
** writes it once. Reads commute with each other, so a trace is fixed by
** which readers read before the write: 2^N traces, and DPOR runs 2^N
** executions.
*/
#include <weft.h>

#ifndef N
#define N 3
#endif

int x;

static void reader(void) { int v = x; (void)v; }
static void writer(void) { x = 1; }

int main(void)
{
    weft_thread *t[N + 1];
    for (int i = 0; i < N; i++)
        t[i] = weft_spawn(reader, "");
    t[N] = weft_spawn(writer, "");
    for (int i = 0; i <= N; i++)
        weft_join(t[i]);
    return 0;
}
