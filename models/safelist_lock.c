/*
** safelist_lock.c: SafeList from seeds/002_897fcf942ac2d54e.txt
** ("threading.RLock (Reentrant Lock)") with a plain Lock instead of the
** RLock, which the seed warns against: "a plain Lock would deadlock".
** extend() holds the lock and calls append(), which acquires it again.
** Expected: bug, a deadlock in the very first execution: the extending
** thread waits for a lock it holds itself (a self-deadlock; main waits
** for that thread in join).
*/
#include <stdio.h>
#include <weft.h>

typedef struct safe_list {
    int items[8];
    int len;
    weft_lock *lock;
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
            list_append(l, items[i]);   /* acquires l->lock again: blocks forever */
    }
}

static safe_list list;
static const int pair[2] = {1, 2};

static void extender(void) { list_extend(&list, pair, 2); }

int main(void)
{
    list.lock = weft_lock_new("list._lock");
    weft_thread *a = weft_spawn(extender, "");
    weft_join(a);
    printf("%d items\n", list.len);
    return 0;
}
