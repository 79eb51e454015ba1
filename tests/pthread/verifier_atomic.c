/* An increment inside __VERIFIER_atomic_begin/_end in two threads: no
   other thread runs in between, so no update is lost and the sections are
   ordered (no data race). Expected: ok. */
#include <assert.h>
#include <pthread.h>

extern void __VERIFIER_atomic_begin(void);
extern void __VERIFIER_atomic_end(void);

static int counter;

static void *worker(void *arg)
{
    (void)arg;
    __VERIFIER_atomic_begin();
    int t = counter;
    counter = t + 1;
    __VERIFIER_atomic_end();
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, worker, NULL);
    pthread_create(&b, NULL, worker, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    assert(counter == 2);
    return 0;
}
