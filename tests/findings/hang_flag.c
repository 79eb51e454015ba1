/* A thread that loops forever, touching no shared memory, once it has seen
   the flag another thread sets: the watchdog stops it, and the livelock is
   shrunk like any finding (cli_hang_shrink). */
#include <weft.h>
int flag, other;
static void setter(void)
{
    other = 1;
    flag = 1;
    other = 2;
}
static void looper(void)
{
    other = 3;
    if (flag) {
        volatile unsigned long n = 0;
        for (;;)
            n++;
    }
}
int main(void)
{
    weft_thread *a = weft_spawn(setter, ""), *b = weft_spawn(looper, "");
    weft_join(a);
    weft_join(b);
    return 0;
}
