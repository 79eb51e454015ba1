/*
** peterson_swapped.c: peterson.c with the two writes of the entry protocol
** swapped: a thread gives the turn away first and raises its flag second.
** Then thread 1 can give the turn to 0 and be preempted; thread 0 gives the
** turn to 1, raises its flag, sees flag[1] still down and enters; thread 1
** raises its flag, sees turn == 1 (its own) and enters too.
** Expected: bug, an assertion: two threads in the critical section.
** The code is peterson.c's but for the order of those two lines.
*/
#include <weft.h>

#include "seq_cst.h"

#ifndef ROUNDS
#define ROUNDS 1
#endif

atomic_int flag[2];
atomic_int turn;
atomic_int in_cs;

static void critical_section(int me)
{
    int others = atomic_fetch_add(&in_cs, 1);
    weft_assert(others == 0, "thread %d entered the critical section while another was in it", me);
    atomic_fetch_sub(&in_cs, 1);
}

static void thread(int me)
{
    int other = 1 - me;
    for (int r = 0; r < ROUNDS; r++) {
        STORE(&turn, other);      /* the bug: the two writes swapped */
        STORE(&flag[me], 1);
        while (LOAD(&flag[other]) && LOAD(&turn) == other)
            weft_yield();
        critical_section(me);
        STORE(&flag[me], 0);
    }
}

int main(void)
{
    weft_thread *t = weft_spawn(thread, "i", 1);
    thread(0);
    weft_join(t);
    return 0;
}
