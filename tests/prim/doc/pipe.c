/* docs/primitives.md, Pipe: a one-way pipe; a thread sends two items and
   closes its end; the reader receives until end of file. Expected: no
   finding. */
#include <weft.h>

static void sender(weft_conn *w)
{
    weft_conn_send(w, 1);
    weft_conn_send(w, 2);
    weft_conn_close(w);                 /* the reader then sees end of file */
}

int main(void)
{
    weft_conn *r, *w;
    long x, sum = 0;
    weft_pipe_new(false, &r, &w, "p");  /* r only receives, w only sends */
    weft_spawn(sender, "p", w);
    while (weft_conn_recv(r, &x))       /* false at end of file */
        sum += x;
    weft_assert(sum == 3, "sum = %ld", sum);
    return 0;
}
