/* BoundedSemaphore used with WEFT_WITH by two threads: every acquire is
   matched by a release, so the bound is never exceeded. Expected: no
   finding. */
#include <weft.h>

static weft_sem *s;
static int uses;

static void worker(void)
{
    WEFT_WITH(s) {
        __atomic_add_fetch(&uses, 1, __ATOMIC_SEQ_CST);
    }
}

int main(void)
{
    s = weft_bsem_new(1, "bs");
    weft_thread *t = weft_spawn(worker, "");
    worker();
    weft_join(t);
    weft_assert(uses == 2 && weft_sem_value(s) == 1);
    return 0;
}
