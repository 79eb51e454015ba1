/* sem_trywait and sem_timedwait fail with EAGAIN and ETIMEDOUT when no unit
   is posted in time; both answers are explored. Expected outcomes: the
   four combinations that can happen. */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <time.h>

static sem_t s;

static void *poster(void *arg)
{
    (void)arg;
    sem_post(&s);
    return NULL;
}

int main(void)
{
    pthread_t t;
    struct timespec deadline = {0, 0};
    sem_init(&s, 0, 0);
    pthread_create(&t, NULL, poster, NULL);
    int a = sem_trywait(&s) == 0 ? 0 : errno;
    int b = a == 0 ? 0 : sem_timedwait(&s, &deadline) == 0 ? 0 : errno;
    printf("%s %s\n", a ? (a == EAGAIN ? "EAGAIN" : "?") : "got",
           a == 0 ? "-" : b ? (b == ETIMEDOUT ? "ETIMEDOUT" : "?") : "got");
    pthread_join(t, NULL);
    return 0;
}
