/* Sending on the receiving end of a one-way pipe: misuse (OSError). */
#include <weft.h>

int main(void)
{
    weft_conn *r, *w;
    weft_pipe_new(false, &r, &w, NULL);
    weft_conn_send(r, 1);
    return 0;
}
