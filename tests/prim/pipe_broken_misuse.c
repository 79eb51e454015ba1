/* Sending to an end whose peer is closed: misuse (BrokenPipeError). */
#include <weft.h>

int main(void)
{
    weft_conn *r, *w;
    weft_pipe_new(false, &r, &w, "p");
    weft_conn_close(r);
    weft_conn_send(w, 1);
    return 0;
}
