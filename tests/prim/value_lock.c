/* The seed's add_500_lock / sub_500_lock, one round each, holding the
   Value's own lock: the total is 500 in every interleaving. */
#include <weft.h>

static void change(weft_value *total, long by)
{
    weft_rlock *l = weft_value_get_lock(total);
    weft_rlock_acquire(l);
    weft_value_set(total, weft_value_get(total) + by);
    weft_rlock_release(l);
}

int main(void)
{
    weft_value *total = weft_value_new(500, true, "total");
    weft_process *a = weft_process_new(change, "pl", total, 5L);
    weft_process *s = weft_process_new(change, "pl", total, -5L);
    weft_process_start(a);
    weft_process_start(s);
    weft_process_join(a);
    weft_process_join(s);
    weft_outcome("%ld", weft_value_get(total));
    weft_assert(weft_value_get(total) == 500);
    return 0;
}
