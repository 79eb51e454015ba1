/* Duplex ping-pong between main and an echo process, which closes its
   inherited copy of main's end first (else it would never see end of file).
   Expected: no finding. */
#include <weft.h>

static void echo(weft_conn *mine, weft_conn *theirs)
{
    weft_conn_close(theirs);
    long x;
    while (weft_conn_recv(mine, &x))
        weft_conn_send(mine, x * 10);
}

int main(void)
{
    weft_conn *a, *b;
    weft_pipe_new(true, &a, &b, "duplex");
    weft_process *p = weft_process_new(echo, "pp", b, a);
    weft_process_start(p);
    weft_conn_close(b);
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
