/* A model whose thread dereferences NULL in one of two orders: a crash finding. */
#include <weft.h>
int *volatile p;
int flag;
static void reader(void) { if (flag) *p = 1; }
int main(void)
{
    weft_thread *t = weft_spawn(reader, "");
    flag = 1;
    weft_join(t);
    return 0;
}
