/* Barrier(2) reused for two phases with an action: each phase returns
   indices 0 and 1; the action ran (once per phase) before either thread
   leaves; a thread already in phase 2 does not slip into phase 1.
   Expected: no finding. */
#include <weft.h>

static int actions;
static long seen[2][2];

static void action(void)
{
    actions++;
}

static void worker(weft_barrier *b)
{
    for (int phase = 0; phase < 2; phase++) {
        int i = weft_barrier_wait(b);
        weft_assert(actions == phase + 1, "phase %d: %d actions", phase, actions);
        seen[phase][i]++;
    }
}

int main(void)
{
    weft_barrier *b = weft_barrier_new(2, action, WEFT_FOREVER, "b");
    weft_thread *t = weft_spawn(worker, "p", b);
    worker(b);
    weft_join(t);
    weft_assert(seen[0][0] == 1 && seen[0][1] == 1 && seen[1][0] == 1 && seen[1][1] == 1);
    return 0;
}
