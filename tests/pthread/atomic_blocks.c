/* A thread that blocks inside its atomic section breaks it: the others run
   while it waits. The worker enters a section and waits there for the
   mutex main holds; main (which must run for that) sets x and unlocks.
   Main's own section then waits until the worker's has ended. Expected:
   ok (not a deadlock: the section does not stop the thread that would
   unblock its owner). */
#include <assert.h>
#include <pthread.h>

extern void __VERIFIER_atomic_begin(void);
extern void __VERIFIER_atomic_end(void);

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int x, done;

static void *worker(void *arg)
{
    (void)arg;
    __VERIFIER_atomic_begin();
    pthread_mutex_lock(&m);
    assert(x == 1);
    done = 1;
    pthread_mutex_unlock(&m);
    __VERIFIER_atomic_end();
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_mutex_lock(&m);
    pthread_create(&t, NULL, worker, NULL);
    x = 1;
    pthread_mutex_unlock(&m);
    __VERIFIER_atomic_begin();
    int seen = done;
    __VERIFIER_atomic_end();
    pthread_join(t, NULL);
    assert(done == 1);
    (void)seen;
    return 0;
}
