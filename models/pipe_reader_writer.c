/*
** pipe_reader_writer.c: reader_proc and writer of
** seeds/001_0008dd9dc5b18ccf.txt ("5. Pipe | multiprocessing.Pipe"): main
** makes a Pipe, starts a reader process, closes its copy of the reading
** end and sends COUNT numbers, then 'DONE' (here -1), then closes its end;
** the reader closes its copy of the writing end ("We are only reading")
** and receives until 'DONE'. A pipe keeps the order of what goes through
** it, so the reader sees 0, 1, ... COUNT-1 in every interleaving.
** Expected: ok; the reader asserts the order and that it got 'DONE'.
** Build with -DNO_DONE to leave out the 'DONE' message and the close:
** a deadlock, the reader waiting in recv() for a message that never comes
** while main waits to join it.
** Size: -DCOUNT=<numbers sent> (default 3; the seed sends 10**4 to 10**6).
*/
#include <weft.h>

#ifndef COUNT
#define COUNT 3
#endif

#define DONE (-1L)

static void reader_proc(weft_conn *p_output, weft_conn *p_input)
{
    weft_conn_close(p_input);   /* we are only reading */
    long expected = 0, msg;
    for (;;) {
        bool got = weft_conn_recv(p_output, &msg);   /* read from the output pipe */
        weft_assert(got, "EOFError: the writer closed the pipe before 'DONE'");
        if (msg == DONE)
            break;
        weft_assert(msg == expected, "received %ld, expected %ld", msg, expected);
        expected++;
    }
    weft_assert(expected == COUNT, "'DONE' after %ld of %d numbers", expected, COUNT);
}

static void writer(int count, weft_conn *p_input)
{
    for (long ii = 0; ii < count; ii++)
        weft_conn_send(p_input, ii);   /* write 'count' numbers into the input pipe */
#ifndef NO_DONE
    weft_conn_send(p_input, DONE);
#endif
}

int main(void)
{
    /* Pipes are unidirectional with two endpoints: p_input ------> p_output */
    weft_conn *p_output, *p_input;
    weft_pipe_new(true, &p_output, &p_input, "pipe");
    weft_process *reader_p = weft_process_new(reader_proc, "pp", p_output, p_input);
    weft_process_start(reader_p);   /* launch the reader process */
    weft_conn_close(p_output);      /* we no longer need this part of the Pipe() */
    writer(COUNT, p_input);         /* send a lot of stuff to reader_proc() */
#ifndef NO_DONE
    weft_conn_close(p_input);
#endif
    weft_process_join(reader_p);
    return 0;
}
