/* C's assert() failing in a model is an assertion finding. */
#include <assert.h>
#include <weft.h>
int x;
static void bump(void) { x++; }
int main(void)
{
    weft_thread *t = weft_spawn(bump, "");
    x++;
    weft_join(t);
    assert(x == 2);
    return 0;
}
