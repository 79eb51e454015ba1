/* A thread that loops forever without touching shared memory: the watchdog
   stops it and reports a livelock instead of hanging. */
#include <weft.h>
static void spinner(void)
{
    volatile unsigned long local = 0;
    for (;;)
        local++;
}
int main(void)
{
    weft_join(weft_spawn(spinner, ""));
    return 0;
}
