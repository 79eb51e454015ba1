/*
** lock_timeout.c: acquire with a timeout as the graceful way out of the
** AB/BA deadlock (seeds/002_897fcf942ac2d54e.txt, "Deadlock Prevention":
** "using lock.acquire(timeout=5) to fail gracefully instead of blocking
** forever"). The two threads of deadlock_ab_ba.c take their locks in
** opposite orders, but the second acquire has a timeout: a thread that
** times out releases its first lock, backs off and retries, and gives up
** after TRIES attempts. weft runs on virtual time and explores each timed
** acquire both ways, woken and timed out.
** Expected: ok, no deadlock. `weft outcomes` shows both ways out: both
** transfers succeed (maybe after a retry), or one or both threads give up.
** With unbounded retries the two threads could back off forever in
** lockstep (a livelock), which is why the retries are bounded. Every
** combination shows up, even "ab" transferring at its first attempt while
** "ba" times out twice (a timed-out wait is no yield: the thread may go
** straight on to its retry).
** Size: -DTRIES=<attempts per thread> (default 2).
*/
#include <stdio.h>
#include <weft.h>

#ifndef TRIES
#define TRIES 2
#endif

static void transfer(const char *name, weft_lock *first, weft_lock *second)
{
    for (int attempt = 1; attempt <= TRIES; attempt++) {
        weft_lock_acquire(first);
        if (weft_lock_acquire_timeout(second, 5)) {
            printf("%s: transferred (attempt %d)\n", name, attempt);
            weft_lock_release(second);
            weft_lock_release(first);
            return;
        }
        weft_lock_release(first);   /* back off, so the other thread can finish */
    }
    printf("%s: gave up\n", name);
}

int main(void)
{
    weft_lock *lock_a = weft_lock_new("lock_a");
    weft_lock *lock_b = weft_lock_new("lock_b");
    weft_thread *t1 = weft_spawn(transfer, "spp", "ab", lock_a, lock_b);
    weft_thread *t2 = weft_spawn(transfer, "spp", "ba", lock_b, lock_a);
    weft_join(t1);
    weft_join(t2);
    return 0;
}
