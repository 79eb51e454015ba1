/* Executor threads share globals: a task's write read by main without
   waiting for the future is a data race. */
#include <weft.h>

static long shared;

static long task(long x)
{
    shared = x;
    return x;
}

int main(void)
{
    weft_executor *e = weft_executor_new(1, NULL);
    weft_executor_submit(e, task, 1);
    long seen = shared;
    (void)seen;
    weft_executor_shutdown(e, true);
    return 0;
}
