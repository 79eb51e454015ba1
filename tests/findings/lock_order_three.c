/* lock_order: a cycle through three locks and three threads (a -> b,
   b -> c, c -> a); no two threads alone can deadlock. Expected: with
   --max-executions 1, lock_order naming the three orders; with the whole
   search, the three-way deadlock. */
#include <weft.h>

weft_lock *locks[3];

static void worker(int i)
{
    weft_lock_acquire(locks[i]);
    weft_lock_acquire(locks[(i + 1) % 3]);
    weft_lock_release(locks[(i + 1) % 3]);
    weft_lock_release(locks[i]);
}

int main(void)
{
    locks[0] = weft_lock_new("a");
    locks[1] = weft_lock_new("b");
    locks[2] = weft_lock_new("c");
    weft_thread *t[3];
    for (int i = 0; i < 3; i++)
        t[i] = weft_spawn(worker, "i", i);
    for (int i = 0; i < 3; i++)
        weft_join(t[i]);
    return 0;
}
