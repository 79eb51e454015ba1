/* A spin wait on an atomic flag that main sets. gcc compiles atomic_load at
   -O0 through a stack temporary (a write and a read of the waiter's own
   stack each iteration): those are not progress, so the waiter is parked
   after two iterations instead of spinning until --max-steps (a false
   livelock). Expected: no findings, the search complete. */
#include <stdatomic.h>
#include <weft.h>

atomic_int flag;

static void waiter(void)
{
    while (!atomic_load(&flag)) {
    }
}

int main(void)
{
    weft_thread *w = weft_spawn(waiter, "");
    atomic_store(&flag, 1);
    weft_join(w);
    return 0;
}
