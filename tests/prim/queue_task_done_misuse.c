/* task_done called more times than items were put: misuse (ValueError). */
#include <weft.h>

int main(void)
{
    weft_queue *q = weft_queue_new(0, "q");
    weft_queue_put(q, 1);
    weft_queue_get(q);
    weft_queue_task_done(q);
    weft_queue_task_done(q);
    return 0;
}
