/*
** cond_timeout0.c: generator and consumer of seeds/001_0008dd9dc5b18ccf.txt
** ("5. Condition", "Code: Condition"): the generator appends TOPICS topics
** to a list while holding the Condition, then notify()s; the consumer
** acquires the Condition, calls wait(timeout=0), releases it and prints the
** list. A wait with timeout 0 does not wait for anything: if the consumer
** gets the Condition first, it times out at once and prints an empty list.
** The seed's run, where the consumer got all six topics, is one schedule
** among several. And the consumer reads the list after releasing the
** Condition, while the generator may be appending to it.
** Expected: bug. First a data_race (the consumer's unlocked read of the list
** against the generator's appends). `weft outcomes` shows that the consumer
** can get every topic, none of them, or (the race) only some, even a topic
** twice: it can read the new length before the new item. Build with
** -DREAD_LOCKED to print the list before releasing the Condition: no race,
** and exactly two outcomes are left, all the topics or none.
** Size: -DTOPICS=<topics> (default 2; the seed has 6).
*/
#include <stdio.h>
#include <weft.h>

#ifndef TOPICS
#define TOPICS 2
#endif

int topics[TOPICS];
int ntopics;

static void generator(weft_cond *cv)
{
    weft_cond_acquire(cv);
    for (int i = 0; i < TOPICS; i++) {
        topics[ntopics++] = i;
        printf("Topic: %d generated\n", i);
    }
    weft_cond_notify(cv, 1);   /* the seed: "better use notifyAll() if multiple consumers" */
    weft_cond_release(cv);
}

static void print_topics(void)
{
    char buf[256];
    int len = snprintf(buf, sizeof buf, "Consumer got topics: [");
    for (int i = 0; i < ntopics; i++)
        len += snprintf(buf + len, sizeof buf - (size_t)len, i ? ", %d" : "%d", topics[i]);
    printf("%s]\n", buf);
}

static void consumer(weft_cond *cv)
{
    weft_cond_acquire(cv);
    weft_cond_wait_timeout(cv, 0);   /* cv.wait(timeout=0) */
#ifdef READ_LOCKED
    print_topics();
    weft_cond_release(cv);
#else
    weft_cond_release(cv);
    print_topics();                  /* as in the seed: after the release */
#endif
}

int main(void)
{
    weft_cond *cv = weft_cond_new(NULL, "cv");
    weft_thread *gen_th = weft_spawn(generator, "p", cv);
    weft_thread *consu_th = weft_spawn(consumer, "p", cv);
    weft_join(gen_th);
    weft_join(consu_th);
    return 0;
}
