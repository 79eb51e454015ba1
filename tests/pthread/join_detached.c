/* Joining a detached thread: POSIX's EINVAL, a misuse finding.
   Expected: misuse. */
#include <pthread.h>

static void *worker(void *arg)
{
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_detach(t);
    pthread_join(t, NULL);
    return 0;
}
