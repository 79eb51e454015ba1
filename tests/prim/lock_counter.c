/* Lock: two threads add to a counter under a Lock; no update is lost in any
   interleaving. Expected: no finding. */
#include <weft.h>

static weft_lock *lock;
static int counter;

static void worker(void)
{
    weft_lock_acquire(lock);
    counter++;
    weft_lock_release(lock);
}

int main(void)
{
    lock = weft_lock_new("lock");
    weft_thread *a = weft_spawn(worker, "");
    weft_thread *b = weft_spawn(worker, "");
    weft_join(a);
    weft_join(b);
    weft_assert(counter == 2, "counter is %d", counter);
    weft_assert(!weft_lock_locked(lock));
    return 0;
}
