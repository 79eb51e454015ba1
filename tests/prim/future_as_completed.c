/* as_completed yields futures in the order they complete: with two workers
   both orders happen (outcomes); every future comes out once, then NULL. The workers are left
   idle at the end (daemon threads: not a deadlock). */
#include <weft.h>

static long id(long x) { return x; }

int main(void)
{
    weft_executor *e = weft_executor_new(2, "ex");
    weft_future *fs[2];
    fs[0] = weft_executor_submit(e, id, 1);
    fs[1] = weft_executor_submit(e, id, 2);
    weft_as_completed *it = weft_as_completed_new(fs, 2);
    long a = weft_future_result(weft_as_completed_next(it));
    long b = weft_future_result(weft_as_completed_next(it));
    weft_assert(weft_as_completed_next(it) == NULL);
    weft_outcome("%ld %ld", a, b);
    return 0;
}
