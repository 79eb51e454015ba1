/* A writer process sends two items and closes its end; main, having closed
   its own copy of the writing end (inherited by nobody but the writer now),
   gets both items in order, then end of file. Expected: no finding. */
#include <weft.h>

static void writer(weft_conn *w)
{
    weft_conn_send(w, 1);
    weft_conn_send(w, 2);
    weft_conn_close(w);
}

int main(void)
{
    weft_conn *r, *w;
    weft_pipe_new(false, &r, &w, "p");
    weft_process *p = weft_process_new(writer, "p", w);
    weft_process_start(p);
    weft_conn_close(w);
    long x, sum = 0;
    int n = 0;
    while (weft_conn_recv(r, &x)) {
        weft_assert(x == n + 1, "item %d is %ld", n, x);
        sum += x;
        n++;
    }
    weft_assert(n == 2 && sum == 3);
    weft_assert(!weft_conn_recv(r, &x), "EOF stays EOF");
    weft_process_join(p);
    return 0;
}
