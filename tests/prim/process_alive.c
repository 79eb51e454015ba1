/* is_alive and exitcode while the process may or may not have finished, a
   join with a timeout, and the name (the core's "fn#id" once started): every
   combination the schedule allows is an outcome. */
#include <string.h>
#include <weft.h>

static void child(void) {}

int main(void)
{
    weft_process *p = weft_process_new(child, "");
    weft_assert(!weft_process_is_alive(p));
    weft_assert(weft_process_exitcode(p) == WEFT_EXITCODE_NONE);
    weft_assert(!strcmp(weft_process_name(p), "process#1"), "%s", weft_process_name(p));
    weft_process_start(p);
    weft_assert(!strcmp(weft_process_name(p), "child#1"), "%s", weft_process_name(p));
    bool alive = weft_process_is_alive(p);
    bool joined = weft_process_join_timeout(p, 5);
    int code = weft_process_exitcode(p);
    weft_assert(!joined || code == 0);
    weft_outcome("alive=%d joined=%d", alive, joined);
    weft_process_join(p);
    weft_assert(weft_process_exitcode(p) == 0 && !weft_process_is_alive(p));
    return 0;
}
