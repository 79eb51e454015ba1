/* apply_async after close: misuse (ValueError: Pool not running). */
#include <weft.h>

static long id(long x) { return x; }

int main(void)
{
    weft_pool *p = weft_pool_new(1, NULL);
    weft_pool_close(p);
    weft_pool_apply_async(p, id, 1);
    return 0;
}
