/* Pool(2).map over two inputs: the tasks run in either order (the outcomes
   show which ran last), and in every interleaving the results come back in
   input order. Expected: no finding; outcomes: each input runs last
   somewhere. */
#include <weft.h>

static weft_value *last;        /* the input whose task ran last */

static long square(long x)
{
    weft_value_set(last, x);
    return x * x;
}

int main(void)
{
    long in[2] = {2, 3}, out[2];
    last = weft_value_new(0, false, "last");
    weft_pool *p = weft_pool_new(2, "pool");
    weft_pool_map(p, square, in, out, 2);
    weft_assert(out[0] == 4 && out[1] == 9, "out = %ld %ld", out[0], out[1]);
    weft_outcome("input %ld ran last", weft_value_get(last));
    weft_pool_close(p);
    weft_pool_join(p);
    return 0;
}
