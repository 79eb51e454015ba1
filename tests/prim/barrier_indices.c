/* Barrier(3), two phases: in every phase the indices returned are 0, 1 and
   2, each once; the action runs once per phase, before anyone leaves; no
   thread of phase 2 is confused with phase 1. Expected: no finding. */
#include <weft.h>

static weft_barrier *b;
static int seen[2][3], actions;

static void action(void)
{
    actions++;
}

static void worker(int id)
{
    for (int phase = 0; phase < 2; phase++) {
        int i = weft_barrier_wait(b);
        weft_assert(i >= 0 && i < 3, "index %d", i);
        weft_assert(actions == phase + 1, "phase %d: the action ran %d times", phase, actions);
        seen[phase][i] = id + 1;
    }
}

int main(void)
{
    b = weft_barrier_new(3, action, WEFT_FOREVER, "b");
    weft_thread *t[3];
    for (int i = 0; i < 3; i++)
        t[i] = weft_spawn(worker, "i", i);
    for (int i = 0; i < 3; i++)
        weft_join(t[i]);
    for (int p = 0; p < 2; p++)
        weft_assert(seen[p][0] && seen[p][1] && seen[p][2] &&
                    seen[p][0] != seen[p][1] && seen[p][1] != seen[p][2] &&
                    seen[p][0] != seen[p][2], "phase %d", p);
    weft_assert(!weft_barrier_broken(b) && weft_barrier_n_waiting(b) == 0);
    return 0;
}
