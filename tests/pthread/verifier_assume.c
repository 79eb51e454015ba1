/* __VERIFIER_assume prunes executions: x is 0 or 1 after the assumption
   (weft's domain is 0, 1, -1, 2; the others are discarded), so the
   assertion holds. Expected: ok. */
#include <assert.h>

extern int __VERIFIER_nondet_int(void);
extern void __VERIFIER_assume(int cond);

int main(void)
{
    int x = __VERIFIER_nondet_int();
    __VERIFIER_assume(x >= 0 && x < 2);
    assert(x == 0 || x == 1);
    return 0;
}
