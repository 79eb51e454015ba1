/*
** join_self_process.c: "A process cannot join itself because this would
** cause a deadlock" (seeds/001_0008dd9dc5b18ccf.txt, "1. Process", the
** note on .join()). The child process gets its own handle (main stores it
** in a global before start(); the process's copy of the globals is taken
** at start) and joins it. Python refuses it with an AssertionError ("can
** only join a child process"); weft lets it wait, and reports the wait.
** Expected: bug, a deadlock in the first execution: the child waits for
** itself and main waits for the child.
*/
#include <weft.h>

weft_process *me;

static void child(void)
{
    weft_process_join(me);   /* its own handle: waits forever */
}

int main(void)
{
    me = weft_process_new(child, "");
    weft_process_start(me);
    weft_process_join(me);
    return 0;
}
