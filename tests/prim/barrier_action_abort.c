/* Barrier: while the last arrival runs the action, the other barrier calls
   wait (CPython holds the barrier's lock), so an abort() cannot break the
   barrier in the middle of the action. Expected: no finding. */
#include <weft.h>

static weft_barrier *b;

static void action(void)
{
    weft_yield();
    weft_assert(!weft_barrier_broken(b), "aborted during the action");
}

static void party(void)
{
    weft_barrier_wait(b);
}

static void aborter(void)
{
    weft_barrier_abort(b);
}

int main(void)
{
    b = weft_barrier_new(2, action, WEFT_FOREVER, "b");
    weft_thread *t = weft_spawn(party, "");
    weft_thread *a = weft_spawn(aborter, "");
    party();
    weft_join(t);
    weft_join(a);
    weft_assert(weft_barrier_broken(b));
    return 0;
}
