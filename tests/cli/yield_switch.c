/*
** yield_switch.c: thread a raises a flag, yields, and lowers it; thread b
** asserts it never sees the flag up. b sees it when it runs right after a's
** yield: a switch that is not a preemption (weft's fairness lets the others
** run first after a yield), so the finding has 0 preemptions and the
** bounded search finds it at bound 0.
*/
#include <weft.h>

static int flag;

static void a(void)
{
    __atomic_store_n(&flag, 1, __ATOMIC_SEQ_CST);
    weft_yield();
    __atomic_store_n(&flag, 0, __ATOMIC_SEQ_CST);
}

static void b(void)
{
    weft_assert(__atomic_load_n(&flag, __ATOMIC_SEQ_CST) == 0, "b saw a's flag up");
}

int main(void)
{
    weft_thread *ta = weft_spawn(a, ""), *tb = weft_spawn(b, "");
    weft_join(ta);
    weft_join(tb);
    return 0;
}
