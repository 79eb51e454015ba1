/* Event: wait(timeout) is explored both ways: the flag set in time, or the
   wait timed out. Expected outcomes: both. */
#include <weft.h>

static weft_event *e;

static void setter(void)
{
    weft_event_set(e);
}

int main(void)
{
    e = weft_event_new("e");
    weft_thread *t = weft_spawn(setter, "");
    bool got = weft_event_wait_timeout(e, 10);
    weft_outcome(got ? "set" : "timed out");
    weft_join(t);
    return 0;
}
