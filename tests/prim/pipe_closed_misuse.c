/* Using an end after closing it: misuse (OSError: handle is closed). */
#include <weft.h>

int main(void)
{
    weft_conn *a, *b;
    weft_pipe_new(true, &a, &b, NULL);
    weft_conn_send(b, 1);
    weft_conn_close(a);
    weft_conn_close(a);   /* closing twice is fine */
    long x;
    weft_conn_recv(a, &x);
    return 0;
}
