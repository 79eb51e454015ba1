/* Two threads race on a plain int (each reads it and writes back one more);
   main asserts on the value after the joins. A lost update is a data race
   and then a failed assertion, in one execution: the race's token must
   replay to the race's report (cli_replay_race_then_assert). */
#include <weft.h>
int total;
static void add(void)
{
    int t = total;
    total = t + 1;
}
int main(void)
{
    weft_thread *a = weft_spawn(add, ""), *b = weft_spawn(add, "");
    weft_join(a);
    weft_join(b);
    weft_assert(total == 2, "total is %d", total);
    return 0;
}
