/* Semaphore(2): of three threads, at most two are inside at once, and some
   interleaving has two inside. Expected: no finding; outcomes 1 and 2. */
#include <weft.h>

static weft_sem *s;
static weft_lock *m;
static int inside, most;

static void worker(void)
{
    weft_sem_acquire(s);
    weft_lock_acquire(m);
    inside++;
    if (inside > most)
        most = inside;
    weft_assert(inside <= 2, "%d threads inside", inside);
    weft_lock_release(m);
    weft_lock_acquire(m);
    inside--;
    weft_lock_release(m);
    weft_sem_release(s);
}

int main(void)
{
    s = weft_sem_new(2, "s");
    m = weft_lock_new("m");
    weft_thread *t[3];
    for (int i = 0; i < 3; i++)
        t[i] = weft_spawn(worker, "");
    for (int i = 0; i < 3; i++)
        weft_join(t[i]);
    weft_assert(weft_sem_value(s) == 2);
    weft_outcome("at most %d inside", most);
    return 0;
}
