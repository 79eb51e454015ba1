/*
** tiny_tls.c: tiny.c with the stores going to a thread-local variable
** instead: every store first asks weft's __tls_get_addr for the thread's
** block (tls.c). Compared with tiny.c in the benchmark table, it shows what
** per-thread TLS costs; coroutine switches are the same for both.
*/
#include <weft.h>

static __thread int mine;

static void worker(int id)
{
    for (int i = 0; i < 10; i++)
        mine = i + id;
}

int main(void)
{
    weft_thread *t[3];
    for (int i = 0; i < 3; i++)
        t[i] = weft_spawn(worker, "i", i);
    for (int i = 0; i < 3; i++)
        weft_join(t[i]);
    return 0;
}
