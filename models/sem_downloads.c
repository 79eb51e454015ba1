/*
** sem_downloads.c: the downloads of seeds/002_897fcf942ac2d54e.txt
** ("threading.Semaphore"): Semaphore(3) lets at most three of the download
** threads into the `with download_semaphore:` block at once. Each download
** counts itself in and out of `active` (an atomic counter, the model's own
** instrumentation) and asserts that no more than LIMIT run together.
** Expected: ok, the assertion holds in every interleaving. Build with
** -DSLOTS=4 (a Semaphore(4) for the same LIMIT of 3) to see it fail: an
** assertion, four downloads at once. The naive DFS does not finish even
** three downloads in a minute: both pinned runs are random searches with a
** budget (the correct one "incomplete").
** Size: -DDOWNLOADS=<threads> (default 4; the seed has 10), -DSLOTS=<the
** semaphore's value> (default 3), -DLIMIT=<the asserted maximum> (default 3).
*/
#include <stdatomic.h>
#include <stdio.h>
#include <weft.h>

#ifndef DOWNLOADS
#define DOWNLOADS 4
#endif
#ifndef SLOTS
#define SLOTS 3
#endif
#ifndef LIMIT
#define LIMIT 3
#endif

atomic_int active;

static void download(int i, weft_sem *download_semaphore)
{
    WEFT_WITH(download_semaphore) {
        int now = atomic_fetch_add(&active, 1) + 1;
        weft_assert(now <= LIMIT, "%d downloads at once (file_%d.dat is one)", now, i);
        atomic_fetch_sub(&active, 1);
    }
}

/* Start downloads i..DOWNLOADS-1, then join them (locals, not an array: see
   total_lock.c). */
static void run_downloads(int i, weft_sem *sem)
{
    if (i == DOWNLOADS)
        return;
    weft_thread *t = weft_spawn(download, "ip", i, sem);
    run_downloads(i + 1, sem);
    weft_join(t);
}

int main(void)
{
    run_downloads(0, weft_sem_new(SLOTS, "download_semaphore"));
    return 0;
}
