/* The seed's Array('i', 3) written by a process: main sees r[0] == 9 after
   join, while a plain global written by the process stays 0 in main. */
#include <weft.h>

static int plain;

static void function(int a, weft_array *r)
{
    weft_array_set(r, 0, 9);
    weft_array_set(r, 2, a);
    plain = 1;
}

int main(void)
{
    weft_array *result = weft_array_new(3, true, NULL);
    weft_assert(weft_array_len(result) == 3);
    weft_assert(weft_array_get_lock(result) != NULL);
    weft_process *p1 = weft_process_new(function, "ip", 4, result);
    weft_process_start(p1);
    weft_process_join(p1);
    weft_assert(weft_array_get(result, 0) == 9);
    weft_assert(weft_array_get(result, 1) == 0);
    weft_assert(weft_array_get(result, 2) == 4);
    weft_assert(plain == 0, "a process's global reached main");
    return 0;
}
