/* docs/primitives.md, sleep and virtual time: weft_sleep returns at once
   and orders nothing; reading what another thread writes after a sleep,
   without synchronizing, is a data race. Expected: data_race. */
#include <weft.h>

static int data;

static void worker(void)
{
    data = 1;
}

int main(void)
{
    weft_thread *t = weft_spawn(worker, "");
    weft_sleep(1000);                   /* returns at once; the worker may run first */
    weft_outcome("data = %d", data);    /* data_race: the sleep ordered nothing */
    weft_join(t);
    return 0;
}
