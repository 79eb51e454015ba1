/*
** gen.c: a small random concurrent program, chosen by -DSEED=k: 2 or 3
** threads, each running 1 to 3 operations drawn from reads and writes of
** three shared variables, lock-protected writes under one or both of two
** locks (taken in either order: deadlocks), a weft_choose that picks between a read and a write, and an output line.
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

enum { READ, WRITE, LOCKED_WRITE, CHOICE, PRINT, NESTED, NOPS };

static void run(int id, long prog, int n, weft_lock *l0, weft_lock *l1)
{
    for (int k = 0; k < n; k++) {
        int op = (int)(prog >> (6 * k) & 7), v = (int)(prog >> (6 * k + 3) & 7);
        switch (op % NOPS) {
        case READ: { int r = x[v % 3]; (void)r; break; }
        case WRITE: x[v % 3] = id + 1; break;
        case LOCKED_WRITE:
            weft_lock_acquire(v % 2 ? l1 : l0);
            x[v % 3] = id + 1;
            weft_lock_release(v % 2 ? l1 : l0);
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
        case NESTED:   /* both locks, in an order the operand picks: AB/BA deadlocks */
            weft_lock_acquire(v % 2 ? l1 : l0);
            weft_lock_acquire(v % 2 ? l0 : l1);
            x[v % 3] = id + 1;
            weft_lock_release(v % 2 ? l0 : l1);
            weft_lock_release(v % 2 ? l1 : l0);
            break;
        }
    }
}

/* The generator runs in main before any thread starts, on a local that is
   not instrumented (its address is never taken), so it adds no steps. */
#define NEXT(n) (r = r * 6364136223846793005ul + 1442695040888963407ul, \
                 (unsigned)(r >> 33) % (n))

/* one thread's program: n operations of 6 bits each (op, operand) */
#define GEN(p, n) do { n = 1 + (int)NEXT(nthreads == 3 ? 2 : 3); \
                       for (int k = 0; k < n; k++) \
                           p |= (long)(NEXT(NOPS) | NEXT(8) << 3) << (6 * k); } while (0)

int main(void)
{
    unsigned long r = SEED * 2654435761ul + 1;
    weft_lock *l0 = weft_lock_new("L0"), *l1 = weft_lock_new("L1");
    int nthreads = 2 + (int)NEXT(2);
    long p0 = 0, p1 = 0, p2 = 0;
    int n0, n1, n2 = 0;
    GEN(p0, n0);
    GEN(p1, n1);
    if (nthreads == 3)
        GEN(p2, n2);
    weft_thread *t0 = weft_spawn(run, "ilipp", 0, p0, n0, l0, l1);
    weft_thread *t1 = weft_spawn(run, "ilipp", 1, p1, n1, l0, l1);
    weft_thread *t2 = nthreads == 3 ? weft_spawn(run, "ilipp", 2, p2, n2, l0, l1) : NULL;
    weft_join(t0);
    weft_join(t1);
    if (t2)
        weft_join(t2);
    return 0;
}
