/* A process's copies of pipe ends close when it ends, as its descriptors do:
   the writer returns without closing, and main, having closed its own copy,
   still reads the item and then end of file. Expected: no finding. */
#include <weft.h>

static void writer(weft_conn *w)
{
    weft_conn_send(w, 1);
}

int main(void)
{
    weft_conn *r, *w;
    weft_pipe_new(false, &r, &w, "p");
    weft_process *p = weft_process_new(writer, "p", w);
    weft_process_start(p);
    weft_conn_close(w);
    long x = 0;
    weft_assert(weft_conn_recv(r, &x) && x == 1);
    weft_assert(!weft_conn_recv(r, &x), "end of file");
    return 0;
}
