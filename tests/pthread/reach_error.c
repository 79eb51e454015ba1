/* The SV-COMP convention: the model defines reach_error() itself, here with
   an empty body, and calls it when its property fails (a lost update).
   weft's reach_error takes its place: an assertion finding. Run with
   --no-races so the lost update is the finding. Expected: assertion. */
#include <pthread.h>

void reach_error(void) {}

static int counter;

static void *worker(void *arg)
{
    (void)arg;
    counter = counter + 1;
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, worker, NULL);
    pthread_create(&b, NULL, worker, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    if (counter != 2)
        reach_error();
    return 0;
}
