/* The seed's reader_proc without its `p_input.close()`: the reader process
   inherited a copy of the writing end and never closes it, so after main
   closes its own copy the reader still waits for end of file, forever.
   Expected: deadlock. */
#include <weft.h>

static void reader(weft_conn *r)
{
    long x;
    while (weft_conn_recv(r, &x))
        ;
}

int main(void)
{
    weft_conn *r, *w;
    weft_pipe_new(false, &r, &w, NULL);
    weft_process *p = weft_process_new(reader, "p", r);
    weft_process_start(p);
    weft_conn_close(r);
    weft_conn_send(w, 1);
    weft_conn_close(w);
    weft_process_join(p);
    return 0;
}
