/* Barrier: abort() breaks it: a thread waiting, or arriving later, gets
   BrokenBarrierError (WEFT_BROKEN) until reset(), which makes it usable
   again. Expected: no finding. */
#include <weft.h>

static weft_barrier *b;

static void waiter(void)
{
    weft_assert(weft_barrier_wait(b) == WEFT_BROKEN);
}

int main(void)
{
    b = weft_barrier_new(2, NULL, WEFT_FOREVER, "b");
    weft_thread *t = weft_spawn(waiter, "");
    weft_barrier_abort(b);
    weft_join(t);
    weft_assert(weft_barrier_broken(b));
    weft_assert(weft_barrier_wait(b) == WEFT_BROKEN);
    weft_barrier_reset(b);
    weft_assert(!weft_barrier_broken(b));
    weft_assert(weft_barrier_parties(b) == 2);
    return 0;
}
