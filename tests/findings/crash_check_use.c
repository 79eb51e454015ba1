/* crash: a check-then-use race. The worker checks that p is set, then
   dereferences it; main clears p. If main runs between the check and the
   use (one preemption of the worker), the worker dereferences NULL.
   Expected: crash, in worker#1, with 1 preemption. */
#include <weft.h>

int x = 7;
int *volatile p = &x;
int got;

static void worker(void)
{
    if (p != 0)
        got = *p;
}

int main(void)
{
    weft_thread *w = weft_spawn(worker, "");
    p = 0;
    weft_join(w);
    return 0;
}
