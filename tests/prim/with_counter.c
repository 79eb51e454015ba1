/* WEFT_WITH(lock) around a read-modify-write: no update is lost, and the
   race detector sees the accesses ordered. Expected: no finding. */
#include <weft.h>

static int counter;

static void worker(weft_lock *l)
{
    WEFT_WITH(l) counter++;
}

int main(void)
{
    weft_lock *l = weft_lock_new("l");
    weft_thread *t = weft_spawn(worker, "p", l);
    worker(l);
    weft_join(t);
    weft_assert(counter == 2);
    return 0;
}
