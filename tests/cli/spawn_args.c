/* weft_spawn passes every argument type of the signature letters through libffi. */
#include <stdio.h>
#include <string.h>
#include <weft.h>
static int marker = 1;
static void all(int i, unsigned u, long l, size_t z, double d, float f, char c, void *p, const char *s)
{
    printf("i=%d u=%u l=%ld z=%zu d=%g f=%g c=%c p=%s s=%s\n", i, u, l, z, d, (double)f, c,
           p == &marker ? "ok" : "bad", s);
}
int main(void)
{
    weft_join(weft_spawn(all, "iulzdfcps", -7, 4000000000u, -123456789012L, (size_t)77, 2.5,
                         0.25, 'x', (void *)&marker, "hello"));
    return 0;
}
