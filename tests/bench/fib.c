/*
** fib.c: benchmark, after SV-COMP's fib_bench: two threads update i and j
** in turn (i += j; j += i), NUM times each, with sequentially consistent
** loads and stores (no race). Neither value can exceed the Fibonacci
** number F(2*NUM+2) (F(1) = F(2) = 1), reached when the updates alternate.
*/
#include <weft.h>

#ifndef NUM
#define NUM 2
#endif

static int i = 1, j = 1;

#define LOAD(p) __atomic_load_n((p), __ATOMIC_SEQ_CST)
#define STORE(p, v) __atomic_store_n((p), (v), __ATOMIC_SEQ_CST)

static void t1(void)
{
    for (int k = 0; k < NUM; k++)
        STORE(&i, LOAD(&i) + LOAD(&j));
}

static void t2(void)
{
    for (int k = 0; k < NUM; k++)
        STORE(&j, LOAD(&j) + LOAD(&i));
}

int main(void)
{
    weft_thread *a = weft_spawn(t1, ""), *b = weft_spawn(t2, "");
    weft_join(a);
    weft_join(b);
    int f0 = 1, f1 = 1;
    for (int k = 0; k < 2 * NUM; k++) {
        int f = f0 + f1;
        f0 = f1;
        f1 = f;
    }
    int vi = LOAD(&i), vj = LOAD(&j);
    weft_assert(vi <= f1 && vj <= f1, "i = %d, j = %d, bound %d", vi, vj, f1);
    return 0;
}
