/* A pool never closed: its idle workers wait for tasks when main ends, which
   is not a deadlock (they are daemon). Expected: no finding. */
#include <weft.h>

static long twice(long x) { return 2 * x; }

int main(void)
{
    weft_pool *p = weft_pool_new(2, NULL);
    weft_future *f = weft_pool_apply_async(p, twice, 21);
    weft_assert(weft_future_result(f) == 42);
    return 0;
}
