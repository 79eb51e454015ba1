/* A bug that needs a nondeterministic value other than 0 and 1: the index
   is checked against 2, but the table has room for 2 entries only when
   counted from 0. weft explores __VERIFIER_nondet_int over 0, 1, -1, 2.
   Expected: assertion. */
#include <assert.h>
#include <pthread.h>

extern int __VERIFIER_nondet_int(void);

static int table[2];

static void *store(void *arg)
{
    int i = *(int *)arg;
    if (i >= 0 && i <= 2) {
        assert(i < 2);
        table[i] = 1;
    }
    return NULL;
}

int main(void)
{
    static int i;
    pthread_t t;
    i = __VERIFIER_nondet_int();
    pthread_create(&t, NULL, store, &i);
    pthread_join(t, NULL);
    return 0;
}
