/* docs/primitives.md, Thread: spawn with typed arguments, join. The join
   orders the worker's write before main's read: no race, total is 3 in
   every interleaving. Expected: no finding. */
#include <weft.h>

static long total;

static void worker(int n, long *sum)
{
    *sum += n;
}

int main(void)
{
    weft_thread *t = weft_spawn(worker, "ip", 3, &total);
    weft_join(t);                       /* waits; the worker's writes are visible */
    weft_assert(total == 3, "total = %ld", total);
    return 0;
}
