/*
** sem_my_fn.c: my_fn of seeds/001_0008dd9dc5b18ccf.txt ("2. Semaphore",
** "Code: Semaphore"): two threads acquire a Semaphore(2), print that they
** hold it and the semaphore's value, release it and print the value again.
** Both fit in at once, so neither ever waits; what varies is what each one
** sees: the seed's run shows ">> semaphore._value 0" once both held it.
** (The seed also prints the semaphore object itself, an address; that line
** is left out, since weft's reports never depend on addresses.)
** Expected: ok. `weft outcomes` lists every interleaving of the prints and
** the values each thread read.
*/
#include <stdio.h>
#include <weft.h>

static void my_fn(weft_sem *semaphore)
{
    const char *name = weft_thread_name(weft_self());
    weft_sem_acquire(semaphore);
    printf("%s acquired, value %d\n", name, weft_sem_value(semaphore));
    weft_sem_release(semaphore);
    printf("%s released, value %d\n", name, weft_sem_value(semaphore));
}

int main(void)
{
    weft_sem *semaphore = weft_sem_new(2, "semaphore");
    weft_thread *t1 = weft_spawn(my_fn, "p", semaphore);
    weft_thread *t2 = weft_spawn(my_fn, "p", semaphore);
    weft_join(t1);
    weft_join(t2);
    return 0;
}
