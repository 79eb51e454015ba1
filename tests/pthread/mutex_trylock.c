/* trylock against a thread that holds the mutex for a while: both answers
   happen. Expected outcomes: got, busy. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *holder(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&m);
    pthread_mutex_unlock(&m);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, holder, NULL);
    if (pthread_mutex_trylock(&m) == 0) {
        printf("got\n");
        pthread_mutex_unlock(&m);
    } else {
        printf("busy\n");
    }
    pthread_join(t, NULL);
    return 0;
}
