/* Lock: any thread may release a Lock (Python allows it), e.g. to hand a
   "done" signal from worker to main. Expected: no finding. */
#include <weft.h>

static weft_lock *done;

static void worker(void)
{
    weft_lock_release(done);   /* main acquired it */
}

int main(void)
{
    done = weft_lock_new("done");
    weft_lock_acquire(done);
    weft_thread *t = weft_spawn(worker, "");
    weft_lock_acquire(done);   /* waits for the worker's release */
    weft_lock_release(done);
    weft_join(t);
    weft_assert(!weft_lock_locked(done));
    return 0;
}
