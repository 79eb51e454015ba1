/* A thread unlocks a mutex that main holds: POSIX makes it an error for
   errorcheck and recursive mutexes and undefined for normal ones; weft
   reports it for every type. Expected: misuse. */
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *intruder(void *arg)
{
    (void)arg;
    pthread_mutex_unlock(&m);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_mutex_lock(&m);
    pthread_create(&t, NULL, intruder, NULL);
    pthread_join(t, NULL);
    pthread_mutex_unlock(&m);
    return 0;
}
