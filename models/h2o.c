/*
** h2o.c: "Building H2O" with semaphores and a barrier, the exercise that
** seeds/001_0008dd9dc5b18ccf.txt points to ("Semaphore ... Can be chained
** together ... E.g: H2O wala Question"; LeetCode 1117). One thread per
** atom, from the input "OOHHHH"; each atom must bond in a molecule of two
** hydrogens and one oxygen before it is released. A Semaphore(2) lets at
** most two hydrogens, a Semaphore(1) at most one oxygen, into a
** Barrier(3); the three that pass it are one molecule. Each released atom
** appends its letter to the output (an atomic index into an array); main
** checks that every group of three letters has two H and one O.
** Expected: ok. With six threads the full search is far too large for the
** naive DFS: the pinned run is a random search with a budget ("incomplete").
** Build with -DNO_SEMAPHORES to keep only the barrier: three hydrogens can
** pass it together, an assertion in the first execution.
** Size: -DINPUT=<a string of H and O, twice as many H> (default "OOHHHH").
*/
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <weft.h>

#ifndef INPUT
#define INPUT "OOHHHH"
#endif
#define ATOMS ((int)sizeof INPUT - 1)

typedef struct h2o {
    weft_sem *h;          /* at most two hydrogens in the current molecule */
    weft_sem *o;          /* at most one oxygen */
    weft_barrier *b;      /* the three of a molecule bond together */
} h2o;

char out[ATOMS + 1];
atomic_int nout;

static void release_atom(char atom)
{
    out[atomic_fetch_add(&nout, 1)] = atom;
}

static void hydrogen(h2o *w)
{
#ifndef NO_SEMAPHORES
    weft_sem_acquire(w->h);
#endif
    weft_barrier_wait(w->b);
    release_atom('H');
#ifndef NO_SEMAPHORES
    weft_sem_release(w->h);
#endif
}

static void oxygen(h2o *w)
{
#ifndef NO_SEMAPHORES
    weft_sem_acquire(w->o);
#endif
    weft_barrier_wait(w->b);
    release_atom('O');
#ifndef NO_SEMAPHORES
    weft_sem_release(w->o);
#endif
}

/* Start the atoms i..ATOMS-1, then join them (locals, not an array: see
   total_lock.c). */
static void run_atoms(int i, h2o *w)
{
    if (i == ATOMS)
        return;
    weft_thread *t = weft_spawn(INPUT[i] == 'H' ? hydrogen : oxygen, "p", w);
    run_atoms(i + 1, w);
    weft_join(t);
}

int main(void)
{
    static h2o w;
    w.h = weft_sem_new(2, "h");
    w.o = weft_sem_new(1, "o");
    w.b = weft_barrier_new(3, NULL, WEFT_FOREVER, "b");
    run_atoms(0, &w);
    for (int m = 0; m < ATOMS; m += 3) {
        int hs = (out[m] == 'H') + (out[m + 1] == 'H') + (out[m + 2] == 'H');
        weft_assert(hs == 2, "molecule %d is %.3s", m / 3, out + m);
    }
    printf("%s\n", out);
    return 0;
}
