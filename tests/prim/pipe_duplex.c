/* Duplex ping-pong between main and an echo process. Expected: no finding. */
#include <weft.h>

static void echo(weft_conn *c)
{
    long x;
    while (weft_conn_recv(c, &x))
        weft_conn_send(c, x * 10);
}

int main(void)
{
    weft_conn *a, *b;
    weft_pipe_new(true, &a, &b, "duplex");
    weft_process *p = weft_process_new(echo, "p", b);
    weft_process_start(p);
    long x;
    weft_conn_send(a, 1);
    weft_conn_send(a, 2);
    weft_assert(weft_conn_recv(a, &x) && x == 10);
    weft_assert(weft_conn_recv(a, &x) && x == 20);
    weft_conn_close(a);
    weft_process_join(p);
    weft_assert(weft_process_exitcode(p) == 0);
    return 0;
}
