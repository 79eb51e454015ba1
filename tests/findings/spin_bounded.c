/* A loop that re-reads a global a fixed number of times is not a spin: its
   counter (a local, on the stack at -O0) differs at each read. weft used to
   park the worker after two reads and, with main waiting in join, report a
   false livelock. Expected: no findings, the search complete. */
#include <weft.h>

int g = 5;
int result;

static void worker(void)
{
    int sum = 0;
    for (int i = 0; i < 3; i++)
        sum += g;
    result = sum;
}

int main(void)
{
    weft_thread *w = weft_spawn(worker, "");
    weft_join(w);
    weft_assert(result == 15, "result is %d", result);
    return 0;
}
