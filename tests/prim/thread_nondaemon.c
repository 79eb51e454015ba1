/* Thread: the same blocked thread without the daemon flag keeps the program
   from ending: Python would hang at exit. Expected: deadlock. */
#include <weft.h>

static weft_event *never;

static void forever(void)
{
    weft_event_wait(never);
}

int main(void)
{
    never = weft_event_new("never");
    weft_thread *t = weft_spawn(forever, "");
    weft_thread_set_daemon(t, true);
    weft_thread_set_daemon(t, false);
    return 0;
}
