/* RLock: the owner re-enters (nested acquires), and another thread gets the
   lock only after the last release. Expected: no finding. */
#include <weft.h>

static weft_rlock *r;
static int depth;

static void nested(int n)
{
    weft_rlock_acquire(r);
    int mine = ++depth;
    if (n > 1)
        nested(n - 1);
    weft_assert(depth == mine, "depth %d, expected %d", depth, mine);
    depth--;
    weft_rlock_release(r);
}

static void worker(void)
{
    nested(3);
}

int main(void)
{
    r = weft_rlock_new("r");
    weft_thread *t = weft_spawn(worker, "");
    weft_rlock_acquire(r);
    weft_assert(weft_rlock_try_acquire(r), "the owner's try always succeeds");
    weft_assert(depth == 0, "the worker is inside: depth %d", depth);
    weft_rlock_release(r);
    weft_rlock_release(r);
    weft_join(t);
    return 0;
}
