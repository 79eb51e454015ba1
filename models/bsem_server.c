/*
** bsem_server.c: the Server of seeds/003_e35296164f0c165a.txt
** ("3. Semaphores"): handle_heavy_request() holds a BoundedSemaphore
** (max_connections) for the request, then prints "complete: N" under a
** separate print lock. As in the seed, main starts the request threads and
** does not join them: the execution lasts until every (non-daemon) thread
** has finished.
** Expected: ok. `weft outcomes` shows every order in which the requests
** can complete. Build with -DRELEASE_TWICE to release the semaphore twice
** in each request: a misuse finding (Python's BoundedSemaphore raises
** ValueError: Semaphore released too many times).
** Size: -DREQUESTS=<threads> (default 2; the seed has 10),
** -DMAX_CONNECTIONS=<the semaphore's value> (default 1, so that a request
** can wait; the seed has 3). REQUESTS=3 is already too many for the naive
** DFS to finish in a minute.
*/
#include <stdio.h>
#include <weft.h>

#ifndef REQUESTS
#define REQUESTS 2
#endif
#ifndef MAX_CONNECTIONS
#define MAX_CONNECTIONS 1
#endif

/* The server's two objects come as arguments rather than as fields of a
   shared Server struct: each read of a shared field would be one more step
   for weft to interleave. */
static void handle_heavy_request(weft_sem *sem, weft_lock *print_lock, int thread_no)
{
    weft_sem_acquire(sem);
    /* the seed sleeps here: the request's work */
    weft_sem_release(sem);
#ifdef RELEASE_TWICE
    weft_sem_release(sem);
#endif

    weft_lock_acquire(print_lock);
    printf("complete: %d\n", thread_no);
    weft_lock_release(print_lock);
}

int main(void)
{
    weft_sem *sem = weft_bsem_new(MAX_CONNECTIONS, "sem");
    weft_lock *print_lock = weft_lock_new("print_lock");
    for (int i = 0; i < REQUESTS; i++)
        weft_spawn(handle_heavy_request, "ppi", sem, print_lock, i);
    return 0;
}
