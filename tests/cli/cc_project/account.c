/* account.c: the deposit forgets the lock it declares (the bug weft finds:
   a data race on balance, and a lost deposit). */
#include <pthread.h>

#include "account.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int balance;

void account_deposit(int amount)
{
    int b = balance;
    balance = b + amount;
}

int account_balance(void)
{
    pthread_mutex_lock(&lock);
    int b = balance;
    pthread_mutex_unlock(&lock);
    return b;
}
