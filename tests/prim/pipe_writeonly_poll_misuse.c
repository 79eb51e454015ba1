/* poll on the sending end of a one-way pipe: misuse (OSError). */
#include <weft.h>

int main(void)
{
    weft_conn *r, *w;
    weft_pipe_new(false, &r, &w, "p");
    weft_conn_poll(w, 0);
    return 0;
}
