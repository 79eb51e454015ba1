/* Freeing a heap block twice is found, not a corruption of weft. */
#include <stdlib.h>
#include <weft.h>
int main(void)
{
    char *p = malloc(16);
    free(p);
    free(p);
    return 0;
}
