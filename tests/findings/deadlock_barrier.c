/* deadlock: a Barrier for 3 parties that only 2 threads ever reach. Named
   as a barrier whose parties never all arrive. */
#include <weft.h>

weft_barrier *b;

static void party(void)
{
    weft_barrier_wait(b);
}

int main(void)
{
    b = weft_barrier_new(3, 0, -1, "b");
    weft_thread *t = weft_spawn(party, "");
    weft_barrier_wait(b);
    weft_join(t);
    return 0;
}
