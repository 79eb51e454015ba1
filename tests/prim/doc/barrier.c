/* docs/primitives.md, Barrier: Barrier(2), two phases; each phase hands out
   the indices 0 and 1, once each. Expected: no finding. */
#include <weft.h>

static weft_barrier *b;
static long seen[2][2];

static void worker(void)
{
    for (int phase = 0; phase < 2; phase++) {
        int i = weft_barrier_wait(b);   /* 0 or 1, distinct in each phase */
        weft_assert(i != WEFT_BROKEN);
        seen[phase][i]++;
    }
}

int main(void)
{
    b = weft_barrier_new(2, NULL, WEFT_FOREVER, "b");
    weft_thread *t = weft_spawn(worker, "");
    worker();
    weft_join(t);
    for (int phase = 0; phase < 2; phase++)
        weft_assert(seen[phase][0] == 1 && seen[phase][1] == 1, "phase %d", phase);
    return 0;
}
