/* Two threads that hand a token back and forth forever: every execution is
   endless, so --max-steps reports a livelock. */
#include <weft.h>
int turn;
static void player(int me)
{
    for (;;) {
        while (turn != me)
            weft_yield();
        turn = 1 - me;
    }
}
int main(void)
{
    weft_spawn(player, "i", 0);
    weft_spawn(player, "i", 1);
    return 0;
}
