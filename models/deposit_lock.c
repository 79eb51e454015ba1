/*
** deposit_lock.c: add_profit and pay_bill from seeds/001_0008dd9dc5b18ccf.txt
** ("1. Lock | Mutex", "Code: Lock"): one thread adds 10 to `deposit` ITERS
** times, the other subtracts 10 ITERS times, each update under the lock.
** Expected: ok. No data race, and the deposit ends where it started (100)
** in every interleaving: `weft outcomes` shows the single output "100".
** Build with -DNO_LOCK to drop the lock and watch the race and the lost
** updates come back (a data_race; with --no-races, the assertion).
** Size: -DITERS=<updates per thread> (default 2; the seed has 100000).
*/
#include <stdio.h>
#include <weft.h>

#ifndef ITERS
#define ITERS 2
#endif

#ifdef NO_LOCK
#define ACQUIRE(l) ((void)(l))
#define RELEASE(l) ((void)(l))
#else
#define ACQUIRE(l) weft_lock_acquire(l)
#define RELEASE(l) weft_lock_release(l)
#endif

int deposit = 100;

static void add_profit(weft_lock *lock)
{
    for (int i = 0; i < ITERS; i++) {
        ACQUIRE(lock);
        deposit = deposit + 10;
        RELEASE(lock);
    }
}

static void pay_bill(weft_lock *lock)
{
    for (int i = 0; i < ITERS; i++) {
        ACQUIRE(lock);
        deposit = deposit - 10;
        RELEASE(lock);
    }
}

int main(void)
{
    weft_lock *lock = weft_lock_new("lock");
    weft_thread *thread1 = weft_spawn(add_profit, "p", lock);
    weft_thread *thread2 = weft_spawn(pay_bill, "p", lock);
    weft_join(thread1);
    weft_join(thread2);
    printf("%d\n", deposit);
    weft_assert(deposit == 100, "deposit is %d", deposit);
    return 0;
}
