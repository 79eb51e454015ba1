/* POSIX: returning from main ends the process, whatever the other threads
   do. A detached thread blocked forever on a mutex main never unlocks is no
   deadlock once main returns. Expected: ok. */
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *stuck(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&m);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_attr_t a;
    pthread_attr_init(&a);
    pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&a, 1 << 20);
    pthread_mutex_lock(&m);
    pthread_create(&t, &a, stuck, NULL);
    return 0;
}
