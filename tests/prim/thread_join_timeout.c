/* Thread: join(timeout) is explored both ways; is_alive() agrees with its
   answer. Expected outcomes: finished, still running. */
#include <weft.h>

static void worker(void)
{
}

int main(void)
{
    weft_thread *t = weft_spawn(worker, "");
    bool done = weft_join_timeout(t, 5);
    weft_assert(!done || !weft_thread_is_alive(t));
    weft_outcome(done ? "finished" : "still running");
    weft_join(t);
    weft_assert(!weft_thread_is_alive(t));
    return 0;
}
