/* Peterson's lock on plain variables with its two writes swapped (turn
   first, then the flag): both threads can be in the critical section at
   once. Expected: data_race on the plain flags and turn; with --no-races,
   the assertion that sees the other thread inside. */
#include <assert.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>

static int flag[2];
static int turn;
static int owner;

static void *worker(void *arg)
{
    int me = (int)(intptr_t)arg, other = 1 - me;
    turn = other;
    flag[me] = 1;
    while (flag[other] && turn == other)
        sched_yield();
    owner = me;                 /* critical section */
    assert(owner == me);
    flag[me] = 0;
    return NULL;
}

int main(void)
{
    pthread_t t0, t1;
    pthread_create(&t0, NULL, worker, (void *)0);
    pthread_create(&t1, NULL, worker, (void *)1);
    pthread_join(t0, NULL);
    pthread_join(t1, NULL);
    return 0;
}
