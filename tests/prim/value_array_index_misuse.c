/* Array index out of range: misuse (IndexError). */
#include <weft.h>

int main(void)
{
    weft_array *a = weft_array_new(2, false, "a");
    weft_assert(weft_array_get_lock(a) == NULL);
    weft_array_set(a, 2, 1);
    return 0;
}
