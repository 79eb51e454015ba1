/* Event: two waiters are released by one set(), whether they wait before or
   after it; is_set() and clear() follow the flag. Expected: no finding. */
#include <weft.h>

static weft_event *e;

static void waiter(void)
{
    weft_event_wait(e);
}

int main(void)
{
    e = weft_event_new("e");
    weft_thread *a = weft_spawn(waiter, "");
    weft_thread *b = weft_spawn(waiter, "");
    weft_assert(!weft_event_is_set(e));
    weft_event_set(e);
    weft_join(a);
    weft_join(b);
    weft_assert(weft_event_is_set(e));
    weft_event_clear(e);
    weft_assert(!weft_event_wait_timeout(e, 0));
    return 0;
}
