/* docs/primitives.md, Condition: a consumer waits in a predicate loop, so a
   notify sent before it waits is not lost. Expected: no finding. */
#include <weft.h>

static weft_cond *c;
static int ready;

static void producer(void)
{
    weft_cond_acquire(c);
    ready = 1;
    weft_cond_notify(c, 1);
    weft_cond_release(c);
}

int main(void)
{
    c = weft_cond_new(NULL, "c");       /* its own RLock */
    weft_thread *t = weft_spawn(producer, "");
    weft_cond_acquire(c);
    while (!ready)                      /* test, wait, test again */
        weft_cond_wait(c);              /* releases the lock while it waits */
    weft_cond_release(c);
    weft_join(t);
    return 0;
}
