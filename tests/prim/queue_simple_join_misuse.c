/* SimpleQueue has no join (AttributeError): misuse. */
#include <weft.h>

int main(void)
{
    weft_queue *q = weft_simplequeue_new("sq");
    weft_queue_put(q, 1);
    weft_queue_join(q);
    return 0;
}
