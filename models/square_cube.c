/*
** square_cube.c: square() and cube() of seeds/001_0008dd9dc5b18ccf.txt
** ("4. Queue | multiprocessing.Queue", usage): two processes put the
** squares and the cubes of range(K) into one multiprocessing Queue; main
** joins both, then prints what it gets while the queue is not empty.
** "elements get added in the queue in random order by both functions":
** each process's items keep their order, the two sequences interleave.
** Expected: ok. `weft outcomes` lists every interleaving that prints
** differently (items equal in both sequences, like 0 and 1, make some
** interleavings print the same).
** Size: -DK=<numbers per process> (default 3; the seed has 5).
*/
#include <stdio.h>
#include <weft.h>

#ifndef K
#define K 3
#endif

static void square(weft_queue *queue)
{
    for (long i = 0; i < K; i++)
        weft_queue_put(queue, i * i);
}

static void cube(weft_queue *queue)
{
    for (long i = 0; i < K; i++)
        weft_queue_put(queue, i * i * i);
}

int main(void)
{
    weft_queue *queue = weft_queue_new(0, "queue");
    weft_process *square_process = weft_process_new(square, "p", queue);
    weft_process *cube_process = weft_process_new(cube, "p", queue);
    weft_process_start(square_process);
    weft_process_start(cube_process);
    weft_process_join(square_process);
    weft_process_join(cube_process);
    while (!weft_queue_empty(queue))
        printf("%ld\n", weft_queue_get(queue));
    return 0;
}
