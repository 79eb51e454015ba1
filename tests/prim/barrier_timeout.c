/* Barrier: a wait that times out breaks the barrier for everyone in the
   phase. Expected outcomes: both pass (indices 0 and 1), or both broken. */
#include <weft.h>

static weft_barrier *b;
static int other;

static void worker(void)
{
    other = weft_barrier_wait(b);
}

int main(void)
{
    b = weft_barrier_new(2, NULL, 5, "b");     /* default timeout */
    weft_thread *t = weft_spawn(worker, "");
    int mine = weft_barrier_wait(b);
    weft_join(t);
    if (mine == WEFT_BROKEN || other == WEFT_BROKEN) {
        weft_assert(mine == WEFT_BROKEN && other == WEFT_BROKEN && weft_barrier_broken(b));
        weft_outcome("broken");
    } else {
        weft_assert(mine + other == 1);
        weft_outcome("passed");
    }
    return 0;
}
