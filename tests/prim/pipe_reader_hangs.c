/* The reader waits for end of file, but nobody closes the writing end:
   Python's classic hang. Expected: deadlock. */
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
    weft_conn_send(w, 1);
    weft_process_join(p);
    return 0;
}
