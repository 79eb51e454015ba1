/*
** tiny.c: the benchmark's tiny model: 3 threads x 10 visible steps each
** (stores to a thread's own slot of a shared array). The interleavings are
** far too many to exhaust; the benchmark runs a fixed number of them.
*/
#include <weft.h>

int slot[3];

static void worker(int id)
{
    for (int i = 0; i < 10; i++)
        slot[id] = i;
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
