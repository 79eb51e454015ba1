/* docs/primitives.md, Semaphore: Semaphore(0) counts items ready; the
   consumer waits until the producer's release, which publishes the
   producer's writes. Expected: no finding. */
#include <weft.h>

static weft_sem *items;
static int data;

static void producer(void)
{
    data = 7;
    weft_sem_release(items);            /* producer: +1, publishes its writes */
}

int main(void)
{
    items = weft_sem_new(0, "items");   /* counts items ready */
    weft_thread *t = weft_spawn(producer, "");
    weft_sem_acquire(items);            /* consumer: waits while 0, then -1 */
    weft_assert(data == 7 && weft_sem_value(items) == 0);
    weft_join(t);
    return 0;
}
