/* A race on a plain counter, and lock_a and lock_b taken in opposite orders
   by the two racing threads. The first execution runs them one after the
   other: it races and closes the lock-order cycle (a replay of its token
   ends as that lock_order finding), so the race's token is marked as the
   race's and replays to the race's report (cli_replay_race_then_assert). */
#include <weft.h>

weft_lock *lock_a, *lock_b;
int hits;

static void transfer_ab(void)
{
    hits++;
    weft_lock_acquire(lock_a);
    weft_lock_acquire(lock_b);
    weft_lock_release(lock_b);
    weft_lock_release(lock_a);
}

static void transfer_ba(void)
{
    hits++;
    weft_lock_acquire(lock_b);
    weft_lock_acquire(lock_a);
    weft_lock_release(lock_a);
    weft_lock_release(lock_b);
}

int main(void)
{
    lock_a = weft_lock_new("lock_a");
    lock_b = weft_lock_new("lock_b");
    weft_thread *t1 = weft_spawn(transfer_ab, "");
    weft_thread *t2 = weft_spawn(transfer_ba, "");
    weft_join(t1);
    weft_join(t2);
    return 0;
}
