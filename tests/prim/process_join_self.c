/* A process that joins itself waits forever: a deadlock finding. */
#include <weft.h>

static weft_process *me;

static void child(void)
{
    weft_process_join(me);
}

int main(void)
{
    me = weft_process_new(child, "");
    weft_process_start(me);
    weft_process_join(me);
    return 0;
}
