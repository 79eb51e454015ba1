/*
** disjoint.c: N threads (-DN=k, default 4), each writing and reading only
** its own element of an array (4 bytes apart: independent). Every
** interleaving is one trace: DPOR runs exactly 1 execution.
*/
#include <weft.h>

#ifndef N
#define N 4
#endif

int cell[N];

static void own(int i)
{
    for (int k = 0; k < 3; k++)
        cell[i] = cell[i] + 1;
}

int main(void)
{
    weft_thread *t[N];
    for (int i = 0; i < N; i++)
        t[i] = weft_spawn(own, "i", i);
    for (int i = 0; i < N; i++)
        weft_join(t[i]);
    weft_assert(cell[0] == 3);
    return 0;
}
