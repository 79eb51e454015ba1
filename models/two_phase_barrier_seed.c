/*
** two_phase_barrier_seed.c: the "two-phase barrier" built from semaphores
** in seeds/001_0008dd9dc5b18ccf.txt ("3. Barrier", the
** "implementation-self" tab), as written there, with its two bugs:
**  1. the constructor assigns `self.barrier1 = Semaphore(0)` twice and never
**     creates barrier2, so phase2() uses an object that does not exist (in
**     Python an AttributeError; here the struct field stays NULL);
**  2. phase1() releases barrier1 once, when the last thread arrives, and no
**     thread passes it on: only one of the N threads gets through.
** func1 and func2 each call b.wait() and print "Working from ...".
** Expected: bug. First finding: a crash, in the very first execution: the
** one thread that gets through phase1 reaches phase2 and uses barrier2
** (NULL) while the other still waits on barrier1. Build with -DBARRIER2 to
** create barrier2 as intended: the crash goes away and bug 2 shows as a
** deadlock (one thread waits on barrier1, the other on barrier2, which
** only the last thread out of phase 2 would release). two_phase_barrier.c
** is the corrected barrier.
*/
#include <stdio.h>
#include <weft.h>

typedef struct barrier {
    int n;
    int count;
    weft_sem *mutex;
    weft_sem *barrier1;
    weft_sem *barrier2;
} barrier;

static void barrier_init(barrier *self, int n)
{
    self->n = n;
    self->count = 0;
    self->mutex = weft_sem_new(1, "mutex");
    self->barrier1 = weft_sem_new(0, "barrier1");
#ifdef BARRIER2
    self->barrier2 = weft_sem_new(0, "barrier2");
#else
    self->barrier1 = weft_sem_new(0, "barrier1");   /* sic: barrier2 never exists */
#endif
}

static void phase1(barrier *self)
{
    weft_sem_acquire(self->mutex);
    self->count = self->count + 1;
    if (self->count == self->n)
        weft_sem_release(self->barrier1);
    weft_sem_release(self->mutex);
    weft_sem_acquire(self->barrier1);
}

static void phase2(barrier *self)
{
    weft_sem_acquire(self->mutex);
    self->count = self->count - 1;
    if (self->count == 0)
        weft_sem_release(self->barrier2);
    weft_sem_release(self->mutex);
    weft_sem_acquire(self->barrier2);
}

static void barrier_wait(barrier *self)
{
    phase1(self);
    phase2(self);
}

static barrier b;

static void func1(void)
{
    barrier_wait(&b);
    printf("Working from func1\n");
}

static void func2(void)
{
    barrier_wait(&b);
    printf("Working from func2\n");
}

int main(void)
{
    barrier_init(&b, 2);
    weft_thread *t1 = weft_spawn(func1, "");
    weft_thread *t2 = weft_spawn(func2, "");
    weft_join(t1);
    weft_join(t2);
    return 0;
}
