/* A thread that blocks the watchdog's signal, then loops without a visible
   operation: weft cannot stop it inside the model, kills its worker after a
   second --watchdog period, and reports the livelock without a listing. */
#include <signal.h>
#include <weft.h>
static void spinner(void)
{
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGXCPU);
    sigprocmask(SIG_BLOCK, &s, NULL);
    volatile unsigned long local = 0;
    for (;;)
        local++;
}
int main(void)
{
    weft_join(weft_spawn(spinner, ""));
    return 0;
}
