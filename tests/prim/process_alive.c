/* is_alive and exitcode while the process may or may not have finished, and
   a join with a timeout: every combination the schedule allows is an outcome. */
#include <weft.h>

static void child(void) {}

int main(void)
{
    weft_process *p = weft_process_new(child, "");
    weft_assert(!weft_process_is_alive(p));
    weft_assert(weft_process_exitcode(p) == WEFT_EXITCODE_NONE);
    weft_process_start(p);
    bool alive = weft_process_is_alive(p);
    bool joined = weft_process_join_timeout(p, 5);
    int code = weft_process_exitcode(p);
    weft_assert(!joined || code == 0);
    weft_outcome("alive=%d joined=%d", alive, joined);
    weft_process_join(p);
    weft_assert(weft_process_exitcode(p) == 0 && !weft_process_is_alive(p));
    return 0;
}
