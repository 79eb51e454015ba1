/* Barrier(3), main and two threads: the indices returned are 0, 1 and 2,
   each once, in every interleaving. Expected: no finding. */
#include <weft.h>

static long seen[3];   /* long: one per 8-byte granule of the race detector */

static void worker(weft_barrier *b)
{
    int i = weft_barrier_wait(b);
    weft_assert(i >= 0 && i < 3, "index %d", i);
    seen[i]++;
}

int main(void)
{
    weft_barrier *b = weft_barrier_new(3, NULL, WEFT_FOREVER, "b");
    weft_thread *t1 = weft_spawn(worker, "p", b);
    weft_thread *t2 = weft_spawn(worker, "p", b);
    worker(b);
    weft_join(t1);
    weft_join(t2);
    weft_assert(seen[0] == 1 && seen[1] == 1 && seen[2] == 1);
    return 0;
}
