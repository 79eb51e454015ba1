/*
** gen.c: a small random concurrent program, chosen by -DSEED=k: 2 or 3
** threads, each running 2 to 4 operations drawn from reads and writes of
** three shared variables, lock-protected increments under two locks, a
** weft_choose that picks between a read and a write, and an output line.
** The DPOR test runs each seed under DPOR and under naive DFS with the trace
** oracle: the executions of one must equal the distinct traces of the other.
** The program is encoded in each thread's argument, so threads read nothing
** shared but what the program says.
*/
#include <stdio.h>
#include <weft.h>

#ifndef SEED
#define SEED 1
#endif

int x[3];
weft_lock *locks[2];

enum { READ, WRITE, LOCKED_INC, CHOICE, PRINT, NOPS };

static void run(int id, long prog, int n)
{
    for (int k = 0; k < n; k++) {
        int op = (int)(prog >> (6 * k) & 7), v = (int)(prog >> (6 * k + 3) & 7);
        switch (op % NOPS) {
        case READ: { int r = x[v % 3]; (void)r; break; }
        case WRITE: x[v % 3] = id + 1; break;
        case LOCKED_INC:
            weft_lock_acquire(locks[v % 2]);
            x[v % 3]++;
            weft_lock_release(locks[v % 2]);
            break;
        case CHOICE:
            if (weft_choose(2))
                x[v % 3] = 7;
            else {
                int r = x[v % 3];
                (void)r;
            }
            break;
        case PRINT: printf("t%d\n", id); break;
        }
    }
}

static unsigned long rng = SEED * 2654435761ul + 1;
static unsigned next(unsigned n)
{
    rng = rng * 6364136223846793005ul + 1442695040888963407ul;
    return (unsigned)(rng >> 33) % n;
}

int main(void)
{
    locks[0] = weft_lock_new("L0");
    locks[1] = weft_lock_new("L1");
    int nthreads = 2 + (int)next(2);
    weft_thread *t[3];
    for (int i = 0; i < nthreads; i++) {
        int n = 2 + (int)next(3);
        long prog = 0;
        for (int k = 0; k < n; k++)
            prog |= (long)(next(NOPS) | next(8) << 3) << (6 * k);
        t[i] = weft_spawn(run, "ili", i, prog, n);
    }
    for (int i = 0; i < nthreads; i++)
        weft_join(t[i]);
    return 0;
}
