/* account.h: a balance two threads deposit into. */
void account_deposit(int amount);
int account_balance(void);
