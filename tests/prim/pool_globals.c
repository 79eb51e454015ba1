/* Pool workers are processes: a task's writes to a plain global stay in the
   worker. apply_async's result comes back through its future. */
#include <weft.h>

static long calls;

static long work(long x)
{
    calls++;
    return x + calls;
}

int main(void)
{
    weft_pool *p = weft_pool_new(1, "pool");
    weft_future *a = weft_pool_apply_async(p, work, 10);
    weft_future *b = weft_pool_apply_async(p, work, 20);
    long ra = weft_future_result(a), rb = weft_future_result(b);
    weft_assert(ra == 11 && rb == 22, "ra %ld rb %ld", ra, rb);
    weft_assert(calls == 0, "a worker's write reached main");
    weft_assert(weft_future_done(a));
    weft_pool_close(p);
    weft_pool_join(p);
    return 0;
}
