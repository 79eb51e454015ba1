/*
** safelist_rlock.c: SafeList from seeds/002_897fcf942ac2d54e.txt
** ("threading.RLock (Reentrant Lock)"): extend() holds the list's RLock and
** calls append(), which takes it again ("RLock allows re-entry"). One
** thread extends the list with [1, 2] while another appends 3; main prints
** the snapshot.
** Expected: ok. The RLock makes extend() atomic as a whole, so 3 lands
** before or after both items, never between them: `weft outcomes` shows
** exactly "[1, 2, 3]" and "[3, 1, 2]".
** safelist_lock.c is the same class with a plain Lock: a self-deadlock.
*/
#include <stdio.h>
#include <weft.h>

typedef struct safe_list {
    int items[8];
    int len;
    weft_rlock *lock;
} safe_list;

static void list_append(safe_list *l, int item)
{
    WEFT_WITH(l->lock) {
        l->items[l->len++] = item;
    }
}

static void list_extend(safe_list *l, const int *items, int n)
{
    WEFT_WITH(l->lock) {
        for (int i = 0; i < n; i++)
            list_append(l, items[i]);   /* takes the lock again: fine for an RLock */
    }
}

static void list_print_snapshot(safe_list *l)
{
    int copy[8], n;
    WEFT_WITH(l->lock) {
        n = l->len;
        for (int i = 0; i < n; i++)
            copy[i] = l->items[i];
    }
    printf("[");
    for (int i = 0; i < n; i++)
        printf(i ? ", %d" : "%d", copy[i]);
    printf("]\n");
}

static safe_list list;
static const int pair[2] = {1, 2};

static void extender(void) { list_extend(&list, pair, 2); }
static void appender(void) { list_append(&list, 3); }

int main(void)
{
    list.lock = weft_rlock_new("list._lock");
    weft_thread *a = weft_spawn(extender, "");
    weft_thread *b = weft_spawn(appender, "");
    weft_join(a);
    weft_join(b);
    list_print_snapshot(&list);
    return 0;
}
