/* docs/primitives.md, Value: two processes add 5 to a shared Value under
   its lock; no update is lost. Expected: no finding. */
#include <weft.h>

static void add5(weft_value *v)
{
    WEFT_WITH(weft_value_get_lock(v))
        weft_value_set(v, weft_value_get(v) + 5);   /* v.value += 5 under its lock */
}

int main(void)
{
    weft_value *v = weft_value_new(0, true, "v");
    weft_process *p = weft_process_new(add5, "p", v);
    weft_process_start(p);
    add5(v);
    weft_process_join(p);
    weft_assert(weft_value_get(v) == 10, "v = %ld", weft_value_get(v));
    return 0;
}
