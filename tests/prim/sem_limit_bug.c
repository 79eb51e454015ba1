/* Semaphore(3) where the model meant 2: three threads can be inside at
   once. Expected: assertion. */
#include <weft.h>

static int inside;

static void worker(weft_sem *s)
{
    weft_sem_acquire(s);
    int n = __atomic_add_fetch(&inside, 1, __ATOMIC_SEQ_CST);
    weft_assert(n <= 2, "%d threads inside", n);
    __atomic_sub_fetch(&inside, 1, __ATOMIC_SEQ_CST);
    weft_sem_release(s);
}

int main(void)
{
    weft_sem *s = weft_sem_new(3, "s");
    weft_thread *a = weft_spawn(worker, "p", s);
    weft_thread *b = weft_spawn(worker, "p", s);
    worker(s);
    weft_join(a);
    weft_join(b);
    return 0;
}
