/*
** event_server_client.c: the server and client of
** seeds/002_897fcf942ac2d54e.txt ("threading.Event"): the server prints
** that it starts, gets ready and sets ready_event; the client prints that
** it waits, waits on the event and proceeds. The server also fills in a
** plain global (`port`) before it sets the event, and the client reads it
** after the wait: the Event orders the two accesses, so that is no race.
** (The seed's time.sleep(1) is left out: weft tries every interleaving
** anyway, the sleep only changes which one a real run is likely to show.)
** Expected: ok. `weft outcomes` shows each way the four lines can
** interleave, and "Client proceeding." always comes after "Server ready.".
** Build with -DNO_WAIT to skip the wait: a data race on `port`, and the
** client can proceed before the server is ready.
*/
#include <stdio.h>
#include <weft.h>

int port = 0;

static void server(weft_event *ready_event)
{
    printf("Server starting...\n");
    port = 8080;
    printf("Server ready.\n");
    weft_event_set(ready_event);   /* signal that the server is ready */
}

static void client(weft_event *ready_event)
{
    printf("Client waiting for server...\n");
#ifndef NO_WAIT
    weft_event_wait(ready_event);  /* blocks until the event is set */
#endif
    weft_assert(port == 8080, "the client proceeds before the server is ready");
    printf("Client proceeding.\n");
}

int main(void)
{
    weft_event *ready_event = weft_event_new("ready_event");
    weft_thread *s = weft_spawn(server, "p", ready_event);
    weft_thread *c = weft_spawn(client, "p", ready_event);
    weft_join(s);
    weft_join(c);
    return 0;
}
