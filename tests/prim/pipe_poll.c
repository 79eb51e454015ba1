/* poll(0) does not wait: it sees the item or not, depending on the schedule;
   a blocking poll always sees it. Outcomes: both. */
#include <weft.h>

static void writer(weft_conn *w)
{
    weft_conn_send(w, 7);
}

int main(void)
{
    weft_conn *r, *w;
    weft_pipe_new(false, &r, &w, NULL);
    weft_spawn(writer, "p", w);
    bool now = weft_conn_poll(r, 0);
    bool later = weft_conn_poll(r, WEFT_FOREVER);
    weft_assert(later);
    weft_outcome("poll %d", now);
    return 0;
}
