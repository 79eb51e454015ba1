/* Barrier: reset() while a thread waits gives it WEFT_BROKEN; the barrier
   is usable again once that thread has left. Expected: no finding. */
#include <weft.h>

static weft_barrier *b;
static int got, partner_index;

static void waiter(void)
{
    got = weft_barrier_wait(b);
}

static void partner(void)
{
    partner_index = weft_barrier_wait(b);
}

int main(void)
{
    b = weft_barrier_new(2, NULL, WEFT_FOREVER, "b");
    weft_thread *t = weft_spawn(waiter, "");
    while (weft_barrier_n_waiting(b) == 0)
        weft_yield();
    weft_barrier_reset(b);
    weft_join(t);
    weft_assert(got == WEFT_BROKEN, "the waiter got %d", got);
    weft_assert(!weft_barrier_broken(b));
    weft_thread *p = weft_spawn(partner, "");
    int mine = weft_barrier_wait(b);
    weft_join(p);
    weft_assert(mine + partner_index == 1, "indices %d and %d", mine, partner_index);
    return 0;
}
