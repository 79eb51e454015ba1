/* A thread reads a block another thread may already have freed. */
#include <stdlib.h>
#include <weft.h>
int *shared;
static void reader(void) { int v = *shared; (void)v; }
int main(void)
{
    shared = malloc(sizeof *shared);
    *shared = 1;
    weft_thread *t = weft_spawn(reader, "");
    free(shared);
    weft_join(t);
    return 0;
}
