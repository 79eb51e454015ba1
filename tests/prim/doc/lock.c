/* docs/primitives.md, Lock: two threads increment a counter under a Lock;
   no update is lost and the detector sees no race. Expected: no finding. */
#include <weft.h>

static weft_lock *l;
static int counter;

static void worker(void)
{
    weft_lock_acquire(l);               /* blocks while another thread holds it */
    counter++;
    weft_lock_release(l);               /* publishes counter to the next holder */
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
