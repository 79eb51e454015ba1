/*
** indexer.c: benchmark, the indexer of Flanagan and Godefroid (POPL 2005):
** N threads each insert 4 messages into a 128-slot hash table, probing
** linearly with compare-and-swap. Below 12 threads no two messages hash
** to the same slot, so every CAS is on its own slot: one trace.
*/
#include <weft.h>

#ifndef N
#define N 2
#endif
#define SIZE 128

static int table[SIZE];

static void indexer(int tid)
{
    for (int m = 1; m <= 4; m++) {
        int w = m * 11 + tid;
        int h = (w * 7) % SIZE;
        int zero = 0;
        while (!__atomic_compare_exchange_n(&table[h], &zero, w, false, __ATOMIC_SEQ_CST,
                                            __ATOMIC_SEQ_CST)) {
            zero = 0;
            h = (h + 1) % SIZE;
        }
    }
}

int main(void)
{
    weft_thread *t[N];
    for (int i = 0; i < N; i++)
        t[i] = weft_spawn(indexer, "i", i);
    for (int i = 0; i < N; i++)
        weft_join(t[i]);
    return 0;
}
