/* WEFT_WITH on an Event: not a context manager in Python (TypeError).
   Expected: misuse. */
#include <weft.h>

int main(void)
{
    weft_event *e = weft_event_new("e");
    WEFT_WITH(e) {
    }
    return 0;
}
