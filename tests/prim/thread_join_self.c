/* Thread: a thread joining itself would wait forever (Python refuses it
   with RuntimeError). Expected: deadlock, naming the thread. */
#include <weft.h>

static void worker(void)
{
    weft_join(weft_self());
}

int main(void)
{
    weft_join(weft_spawn(worker, ""));
    return 0;
}
