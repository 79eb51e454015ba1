/* docs/primitives.md, WEFT_WITH: two threads increment a counter inside
   WEFT_WITH(lock). Expected: no finding. */
#include <weft.h>

static weft_lock *l;
static int counter;

static void worker(void)
{
    WEFT_WITH(l) {                      /* acquire ... release, as `with l:` */
        counter++;
    }
}

int main(void)
{
    l = weft_lock_new("l");
    weft_thread *t = weft_spawn(worker, "");
    worker();
    weft_join(t);
    weft_assert(counter == 2, "counter = %d", counter);
    return 0;
}
