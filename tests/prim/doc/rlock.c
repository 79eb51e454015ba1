/* docs/primitives.md, RLock: the owner re-enters without blocking and must
   release once per acquire; a second thread waits until the count is 0.
   Expected: no finding. */
#include <weft.h>

static weft_rlock *r;
static int depth;

static void worker(void)
{
    weft_rlock_acquire(r);
    weft_rlock_acquire(r);              /* the owner re-enters: count 2, no deadlock */
    weft_rlock_release(r);              /* count 1: still held until the next release */
    depth++;
    weft_assert(depth == 1, "depth = %d", depth);
    depth--;
    weft_rlock_release(r);              /* count 0: free for others */
}

int main(void)
{
    r = weft_rlock_new("r");
    weft_thread *t = weft_spawn(worker, "");
    worker();
    weft_join(t);
    return 0;
}
