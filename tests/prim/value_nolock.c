/* The seed's add_500_no_lock / sub_500_no_lock, one round each: two processes
   do `total.value += 5` and `total.value -= 5` without the lock. Outcomes:
   495, 500 and 505 (lost updates). */
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
    weft_outcome("%ld", weft_value_get(total));
    return 0;
}
