/*
** yes_no.c: two threads print "yes" and "no" (seeds/001_0008dd9dc5b18ccf.txt,
** "What is Concurrency": the output might be "yes no" or "no yes").
** Expected: ok; `weft outcomes` shows exactly two outcomes.
*/
#include <stdio.h>
#include <weft.h>

static void thread_a(void) { printf("yes\n"); }
static void thread_b(void) { printf("no\n"); }

int main(void)
{
    weft_thread *a = weft_spawn(thread_a, "");
    weft_thread *b = weft_spawn(thread_b, "");
    weft_join(a);
    weft_join(b);
    return 0;
}
