/* Waiting with sleep() instead of synchronizing: under virtual time a
   sleep only lets others run, it orders nothing. Expected: data_race. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static int result;

static void *worker(void *arg)
{
    (void)arg;
    usleep(1000);
    result = 42;
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    sleep(1);
    printf("%d\n", result);
    pthread_join(t, NULL);
    return 0;
}
