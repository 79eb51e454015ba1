/* __VERIFIER_atomic_end without a section begun by the same thread is a
   misuse. Expected: misuse. */
extern void __VERIFIER_atomic_end(void);

int main(void)
{
    __VERIFIER_atomic_end();
    return 0;
}
