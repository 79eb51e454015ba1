/*
** readers_writer.c: benchmark. N readers each load a shared variable once;
** one writer stores to it (atomically: no race). Each reader reads before
** or after the write: 2^N traces.
*/
#include <weft.h>

#ifndef N
#define N 3
#endif

static int x;
static int seen[N];

static void reader(int id) { seen[id] = __atomic_load_n(&x, __ATOMIC_SEQ_CST); }
static void writer(void) { __atomic_store_n(&x, 1, __ATOMIC_SEQ_CST); }

int main(void)
{
    weft_thread *t[N + 1];
    for (int i = 0; i < N; i++)
        t[i] = weft_spawn(reader, "i", i);
    t[N] = weft_spawn(writer, "");
    for (int i = 0; i <= N; i++)
        weft_join(t[i]);
    return 0;
}
