/*
** events100.c: benchmark, about 100 visible steps per execution: 3 threads,
** each 11 rounds of two stores to its own slots and one atomic store to a
** shared variable (113 steps in all with the starts, spawns and joins).
** Far too many interleavings (and traces) to exhaust: runs are capped.
*/
#include <weft.h>

static int own[3][2];
static int shared;

static void worker(int id)
{
    for (int r = 0; r < 11; r++) {
        own[id][0] = r;
        own[id][1] = r;
        __atomic_store_n(&shared, id, __ATOMIC_SEQ_CST);
    }
}

int main(void)
{
    weft_thread *t[3];
    for (int i = 0; i < 3; i++)
        t[i] = weft_spawn(worker, "i", i);
    for (int i = 0; i < 3; i++)
        weft_join(t[i]);
    return 0;
}
