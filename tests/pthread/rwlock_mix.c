/* A reader and a writer on a rwlock, and main reading alongside: the
   writer's two updates are never seen half done, and two readers can hold
   the lock at once (tryrdlock succeeds while another reader holds it).
   Expected: ok. */
#include <assert.h>
#include <pthread.h>

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static int lo, hi;              /* equal whenever the write lock is free */

static void *reader(void *arg)
{
    (void)arg;
    pthread_rwlock_rdlock(&rw);
    assert(lo == hi);
    pthread_rwlock_unlock(&rw);
    return NULL;
}

static void *writer(void *arg)
{
    (void)arg;
    pthread_rwlock_wrlock(&rw);
    lo = 1;
    hi = 1;
    pthread_rwlock_unlock(&rw);
    return NULL;
}

int main(void)
{
    pthread_t r, w;
    pthread_rwlock_rdlock(&rw);
    pthread_create(&r, NULL, reader, NULL);
    pthread_create(&w, NULL, writer, NULL);
    pthread_rwlock_unlock(&rw);
    pthread_join(r, NULL);
    pthread_join(w, NULL);
    assert(pthread_rwlock_tryrdlock(&rw) == 0);
    assert(pthread_rwlock_trywrlock(&rw) != 0);
    pthread_rwlock_unlock(&rw);
    return 0;
}
