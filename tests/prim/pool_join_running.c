/* Pool.join before close: misuse (ValueError: Pool is still running). */
#include <weft.h>

int main(void)
{
    weft_pool *p = weft_pool_new(1, NULL);
    weft_pool_join(p);
    return 0;
}
