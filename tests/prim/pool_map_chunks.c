/* Pool(1).map over nine inputs: Python's chunking (9 / 4 rounded up = 3
   items per task) and input order kept; a second map on the same pool.
   Expected: no finding. */
#include <weft.h>

static long inc(long x) { return x + 1; }

static long in[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
static long out[9];

int main(void)
{
    weft_pool *p = weft_pool_new(1, "pool");
    weft_pool_map(p, inc, in, out, 9);
    for (int i = 0; i < 9; i++)
        weft_assert(out[i] == in[i] + 1, "out[%d] = %ld", i, out[i]);
    weft_pool_map(p, inc, out, out, 0);
    weft_pool_close(p);
    weft_pool_join(p);
    return 0;
}
