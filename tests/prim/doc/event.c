/* docs/primitives.md, Event: set publishes the setter's writes to every
   thread whose wait returns. Expected: no finding. */
#include <weft.h>

static weft_event *ready;
static int data;

static void setter(void)
{
    data = 42;
    weft_event_set(ready);              /* setter, after data = 42 */
}

int main(void)
{
    ready = weft_event_new("ready");
    weft_thread *t = weft_spawn(setter, "");
    weft_event_wait(ready);             /* blocks until the flag is set */
    weft_assert(data == 42);            /* no race: set happens before wait returns */
    weft_join(t);
    return 0;
}
