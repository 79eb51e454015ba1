/* main.c: two threads deposit 10 each; the balance must be 20. */
#include <assert.h>
#include <pthread.h>
#include <stdio.h>

#include "account.h"

static void *depositor(void *arg)
{
    (void)arg;
    account_deposit(10);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, depositor, NULL);
    pthread_create(&b, NULL, depositor, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("balance %d\n", account_balance());
    assert(account_balance() == 20);
    return 0;
}
