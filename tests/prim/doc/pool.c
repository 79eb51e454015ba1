/* docs/primitives.md, Pool: Pool(2).map over two inputs; the results come
   back in input order whichever worker finishes first. Expected: no
   finding. */
#include <weft.h>

static long square(long x)
{
    return x * x;
}

int main(void)
{
    long in[2] = {3, 4}, out[2];
    weft_pool *p = weft_pool_new(2, "pool");
    weft_pool_map(p, square, in, out, 2);   /* out[i] = square(in[i]), in order */
    weft_pool_close(p);
    weft_pool_join(p);
    weft_assert(out[0] == 9 && out[1] == 16, "out = %ld %ld", out[0], out[1]);
    return 0;
}
