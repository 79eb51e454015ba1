/* Thread: a daemon thread still blocked when main ends does not keep the
   program alive (no deadlock); names and ids are the thread's own.
   Expected: no finding. */
#include <string.h>
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
    weft_thread_set_name(t, "bg");
    weft_assert(weft_thread_daemon(t));
    weft_assert(strcmp(weft_thread_name(t), "bg") == 0, "name %s", weft_thread_name(t));
    weft_assert(weft_thread_id(t) == 1 && weft_thread_id(weft_self()) == 0);
    weft_assert(strcmp(weft_thread_name(weft_self()), "main") == 0);
    return 0;
}
