/* As value_nolock, asserting the total is back to 500: an assertion finding
   (a lost update). */
#include <weft.h>

static void add(weft_value *total)
{
    weft_value_set(total, weft_value_get(total) + 5);
}

static void sub(weft_value *total)
{
    weft_value_set(total, weft_value_get(total) - 5);
}

int main(void)
{
    weft_value *total = weft_value_new(500, false, "total");
    weft_process *a = weft_process_new(add, "p", total);
    weft_process *s = weft_process_new(sub, "p", total);
    weft_process_start(a);
    weft_process_start(s);
    weft_process_join(a);
    weft_process_join(s);
    weft_assert(weft_value_get(total) == 500, "total is %ld", weft_value_get(total));
    return 0;
}
