/*
** lock_order_held_sets.c: one lock-order inversion (t1 takes a then b, t2
** b then a) whose edges come in many variants: t2 holds one of four other
** locks around it, picked by how far the other threads got, so the graph
** gains edges all through the search, not only in its first executions.
** Expected: lock_order (a, b) under dfs with a budget; the runner checks
** with it, execution by execution, that weft__lockorder_known (what --jobs'
** helpers ask) answers what the lock-order graph then does.
*/
#include <weft.h>

static weft_lock *a, *b, *c[4];
static int y;

static void t1(void)
{
    for (int i = 0; i < 3; i++)
        __atomic_fetch_add(&y, 1, __ATOMIC_SEQ_CST);
    weft_lock_acquire(a);
    weft_lock_acquire(b);
    weft_lock_release(b);
    weft_lock_release(a);
}

static void t2(void)
{
    for (int i = 0; i < 2; i++)
        __atomic_fetch_add(&y, 1, __ATOMIC_SEQ_CST);
    int k = __atomic_load_n(&y, __ATOMIC_SEQ_CST) % 4;
    weft_lock_acquire(c[k]);
    weft_lock_acquire(b);
    weft_lock_acquire(a);
    weft_lock_release(a);
    weft_lock_release(b);
    weft_lock_release(c[k]);
}

static void t3(void)
{
    for (int i = 0; i < 3; i++)
        __atomic_fetch_add(&y, 1, __ATOMIC_SEQ_CST);
}

int main(void)
{
    a = weft_lock_new("a");
    b = weft_lock_new("b");
    for (int i = 0; i < 4; i++)
        c[i] = weft_lock_new(NULL);
    weft_thread *t[3] = {weft_spawn(t1, ""), weft_spawn(t2, ""), weft_spawn(t3, "")};
    for (int i = 0; i < 3; i++)
        weft_join(t[i]);
    return 0;
}
