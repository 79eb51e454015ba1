/*
** join_self_thread.c: a thread that joins itself. The seeds say it of
** processes ("A process cannot join itself because this would cause a
** deadlock", seeds/001_0008dd9dc5b18ccf.txt, "1. Process"); the same holds
** for threads, where Python refuses it with RuntimeError("cannot join
** current thread"). The worker calls join on its own handle.
** Expected: bug, a deadlock in the first execution, named as a
** self-deadlock: the worker waits for itself and main waits for the worker.
*/
#include <weft.h>

static void worker(void)
{
    weft_join(weft_self());   /* waits for its own end: forever */
}

int main(void)
{
    weft_thread *t = weft_spawn(worker, "");
    weft_join(t);
    return 0;
}
