/* Pool(2).map over two inputs: results come back in input order in every
   interleaving, and close + join end the workers. Expected: no finding. */
#include <weft.h>

static long square(long x)
{
    return x * x;
}

int main(void)
{
    weft_pool *p = weft_pool_new(2, NULL);
    long in[] = {2, 3}, out[2] = {0};
    weft_pool_map(p, square, in, out, 2);
    for (int i = 0; i < 2; i++)
        weft_assert(out[i] == in[i] * in[i], "out[%d] = %ld", i, out[i]);
    weft_pool_close(p);
    weft_pool_join(p);
    return 0;
}
