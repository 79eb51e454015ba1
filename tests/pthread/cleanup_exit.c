/* pthread_exit from inside two pthread_cleanup_push levels: the handlers
   run innermost first, then the key destructor, and pthread_join gets the
   exit value. Expected: ok. */
#include <assert.h>
#include <pthread.h>
#include <stdint.h>

static int trail;

static void note(void *arg)
{
    trail = trail * 10 + (int)(intptr_t)arg;
}

static void leave(void)
{
    pthread_exit((void *)7);
}

static void *worker(void *arg)
{
    (void)arg;
    pthread_cleanup_push(note, (void *)1);
    pthread_cleanup_push(note, (void *)2);
    leave();
    pthread_cleanup_pop(0);
    pthread_cleanup_pop(0);
    return NULL;
}

int main(void)
{
    pthread_t t;
    void *ret;
    pthread_cleanup_push(note, (void *)9);
    pthread_cleanup_pop(0);
    pthread_create(&t, NULL, worker, NULL);
    pthread_join(t, &ret);
    assert(ret == (void *)7);
    assert(trail == 21);
    return 0;
}
