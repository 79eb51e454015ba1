/* The seed's reader_proc / writer, with count 2: the reader process closes
   its copy of the writing end, main its copy of the reading end; the reader
   stops at 'DONE' (here -1). Then the same with end of file instead of a
   sentinel: both end, the process's copies closing when it exits.
   Expected: no finding. */
#include <weft.h>

#define DONE (-1L)

static void reader_proc(weft_conn *p_output, weft_conn *p_input)
{
    weft_conn_close(p_input);   /* we are only reading */
    long msg;
    for (;;) {
        weft_assert(weft_conn_recv(p_output, &msg));
        if (msg == DONE)
            break;
    }
}

static void writer(int count, weft_conn *p_input)
{
    for (long ii = 0; ii < count; ii++)
        weft_conn_send(p_input, ii);
    weft_conn_send(p_input, DONE);
}

int main(void)
{
    weft_conn *p_output, *p_input;
    weft_pipe_new(false, &p_output, &p_input, "pipe");
    weft_process *reader_p = weft_process_new(reader_proc, "pp", p_output, p_input);
    weft_process_start(reader_p);
    weft_conn_close(p_output);   /* we no longer need this part of the Pipe() */
    writer(2, p_input);
    weft_conn_close(p_input);
    weft_process_join(reader_p);
    return 0;
}
