/* WEFT_WITH on every context manager: Lock, RLock (nested), Condition and
   Semaphore, around a shared counter two threads update. Expected: no
   finding. */
#include <weft.h>

static weft_lock *l;
static weft_rlock *r;
static weft_cond *c;
static weft_sem *s;
static int n;

static void worker(void)
{
    WEFT_WITH(l) n++;
    WEFT_WITH(r) WEFT_WITH(r) n++;
    WEFT_WITH(c) n++;
    WEFT_WITH(s) n++;
}

int main(void)
{
    l = weft_lock_new("l");
    r = weft_rlock_new("r");
    c = weft_cond_new(NULL, "c");
    s = weft_sem_new(1, "s");
    weft_thread *t = weft_spawn(worker, "");
    worker();
    weft_join(t);
    weft_assert(n == 8, "n is %d", n);
    return 0;
}
