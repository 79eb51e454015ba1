/* tests/prim_tests_b.h: model tests of queue.c, pipe.c, value.c, process.c,
   pool.c and future.c, and the examples of docs/primitives.md. Each
   execution count is the exact stats.executions of
   `weft check --json --strategy dfs` (the default strategy). */

/* ---- Queue, LifoQueue, PriorityQueue, SimpleQueue */
WT_MODEL(queue_bounded, "tests/prim/queue_bounded.c", "", 0, "", 1)
WT_MODEL(queue_fifo, "tests/prim/queue_fifo.c", "", 0, "", 84)
WT_MODEL(queue_get_deadlock, "tests/prim/queue_get_deadlock.c", "", 1, "deadlock", 1)
WT_MODEL(queue_join, "tests/prim/queue_join.c", "", 0, "", 3)
WT_MODEL(queue_kinds, "tests/prim/queue_kinds.c", "", 0, "", 1)
WT_MODEL(queue_nowait_retry, "tests/prim/queue_nowait_retry.c", "", 0, "", 4)
WT_MODEL(queue_order, "tests/prim/queue_order.c", "", 0, "", 4)
WT_OUTCOMES(queue_order_outcomes, "tests/prim/queue_order.c", "", "outcome: 1 2|outcome: 2 1")
WT_MODEL(queue_simple_join_misuse, "tests/prim/queue_simple_join_misuse.c", "", 1, "misuse", 1)
WT_MODEL(queue_task_done_misuse, "tests/prim/queue_task_done_misuse.c", "", 1, "misuse", 1)
WT_MODEL(queue_timeout, "tests/prim/queue_timeout.c", "", 0, "", 2)
WT_OUTCOMES(queue_timeout_outcomes, "tests/prim/queue_timeout.c", "", "outcome: got 5|outcome: timeout")

/* ---- Pipe */
WT_MODEL(pipe_broken_misuse, "tests/prim/pipe_broken_misuse.c", "", 1, "misuse", 1)
WT_MODEL(pipe_closed_misuse, "tests/prim/pipe_closed_misuse.c", "", 1, "misuse", 1)
WT_MODEL(pipe_duplex, "tests/prim/pipe_duplex.c", "", 0, "", 30)
WT_MODEL(pipe_eof, "tests/prim/pipe_eof.c", "", 0, "", 56)
WT_MODEL(pipe_exit_closes, "tests/prim/pipe_exit_closes.c", "", 0, "", 5)
WT_MODEL(pipe_poll, "tests/prim/pipe_poll.c", "", 0, "", 2)
WT_OUTCOMES(pipe_poll_outcomes, "tests/prim/pipe_poll.c", "", "outcome: poll 0|outcome: poll 1")
WT_MODEL(pipe_reader_hangs, "tests/prim/pipe_reader_hangs.c", "", 1, "deadlock", 1)
WT_MODEL(pipe_readonly_misuse, "tests/prim/pipe_readonly_misuse.c", "", 1, "misuse", 1)
WT_MODEL(pipe_seed_reader, "tests/prim/pipe_seed_reader.c", "", 0, "", 75)
WT_MODEL(pipe_writeonly_poll_misuse, "tests/prim/pipe_writeonly_poll_misuse.c", "", 1, "misuse", 1)

/* ---- Value and Array */
WT_MODEL(value_array, "tests/prim/value_array.c", "", 0, "", 1)
WT_MODEL(value_array_index_misuse, "tests/prim/value_array_index_misuse.c", "", 1, "misuse", 1)
WT_MODEL(value_lock, "tests/prim/value_lock.c", "", 0, "", 2)
WT_OUTCOMES(value_lock_outcomes, "tests/prim/value_lock.c", "", "outcome: 500")
WT_MODEL(value_nolock, "tests/prim/value_nolock.c", "", 0, "", 4)
WT_OUTCOMES(value_nolock_outcomes, "tests/prim/value_nolock.c", "", "outcome: 495|outcome: 500|outcome: 505")
WT_MODEL(value_nolock_assert, "tests/prim/value_nolock_assert.c", "", 1, "assertion", 2)

/* ---- Process */
WT_MODEL(process_alive, "tests/prim/process_alive.c", "", 0, "", 4)
WT_OUTCOMES(process_alive_outcomes, "tests/prim/process_alive.c", "", "outcome: alive=0 joined=1|outcome: alive=1 joined=0|outcome: alive=1 joined=1")
/* races on: each process's copy of a global is its own memory to the
   race detector, so the child's write does not race with main's. */
WT_MODEL(process_globals, "tests/prim/process_globals.c", "", 0, "", 1)
WT_MODEL(process_join_self, "tests/prim/process_join_self.c", "", 1, "deadlock", 1)
WT_MODEL(process_join_unstarted, "tests/prim/process_join_unstarted.c", "", 1, "misuse", 1)
WT_MODEL(process_queue, "tests/prim/process_queue.c", "", 0, "", 6)
WT_OUTCOMES(process_queue_outcomes, "tests/prim/process_queue.c", "", "outcome: 1 4 8 27|outcome: 1 8 27 4|outcome: 1 8 4 27|outcome: 8 1 27 4|outcome: 8 1 4 27|outcome: 8 27 1 4")
WT_MODEL(process_start_twice, "tests/prim/process_start_twice.c", "", 1, "misuse", 1)

/* ---- Pool */
WT_MODEL(pool_apply_closed, "tests/prim/pool_apply_closed.c", "", 1, "misuse", 1)
WT_MODEL(pool_globals, "tests/prim/pool_globals.c", "", 0, "", 18)
WT_MODEL(pool_idle, "tests/prim/pool_idle.c", "", 0, "", 4)
WT_MODEL(pool_join_running, "tests/prim/pool_join_running.c", "", 1, "misuse", 1)
WT_MODEL(pool_map, "tests/prim/pool_map.c", "", 0, "", 48)
WT_MODEL(pool_map_chunks, "tests/prim/pool_map_chunks.c", "", 0, "", 2)
WT_MODEL(pool_map_order, "tests/prim/pool_map_order.c", "--strategy dfs", 0, "", 41928)
WT_OUTCOMES(pool_map_order_outcomes, "tests/prim/pool_map_order.c", "--strategy dfs",
            "outcome: input 2 ran last|outcome: input 3 ran last")

/* ---- Executor, Future, as_completed, wait */
WT_MODEL(future_as_completed, "tests/prim/future_as_completed.c", "", 0, "", 90)
WT_OUTCOMES(future_as_completed_outcomes, "tests/prim/future_as_completed.c", "", "outcome: 1 2|outcome: 2 1")
WT_MODEL(future_cancel, "tests/prim/future_cancel.c", "", 0, "", 8)
WT_OUTCOMES(future_cancel_outcomes, "tests/prim/future_cancel.c", "", "outcome: cancelled|outcome: ran")
WT_MODEL(future_cancel_notified, "tests/prim/future_cancel_notified.c", "", 0, "", 25)
WT_OUTCOMES(future_cancel_notified_outcomes, "tests/prim/future_cancel_notified.c", "", "outcome: cancelled 0|outcome: cancelled 1")
WT_MODEL(future_cancelled_result, "tests/prim/future_cancelled_result.c", "", 1, "misuse", 1)
WT_MODEL(future_first_completed, "tests/prim/future_first_completed.c", "", 0, "", 42)
WT_OUTCOMES(future_first_completed_outcomes, "tests/prim/future_first_completed.c", "", "outcome: winner 1, 0 pending, 0 cancelled|outcome: winner 1, 1 pending, 0 cancelled|outcome: winner 1, 1 pending, 1 cancelled")
WT_MODEL(future_first_winner, "tests/prim/future_first_winner.c", "", 0, "", 140)
WT_OUTCOMES(future_first_winner_outcomes, "tests/prim/future_first_winner.c", "", "outcome: both|outcome: winner 1|outcome: winner 2")
WT_MODEL(future_race, "tests/prim/future_race.c", "", 1, "data_race", 5)
WT_MODEL(future_result_hb, "tests/prim/future_result_hb.c", "", 0, "", 18)
WT_MODEL(future_submit_after_shutdown, "tests/prim/future_submit_after_shutdown.c", "", 1, "misuse", 1)
WT_MODEL(future_timeout, "tests/prim/future_timeout.c", "", 0, "", 7)
WT_OUTCOMES(future_timeout_outcomes, "tests/prim/future_timeout.c", "", "outcome: got 3|outcome: timeout")

/* ---- The examples of docs/primitives.md, one model per section
   (tests/prim/doc/), each using its section's example as written. */
WT_MODEL(doc_thread, "tests/prim/doc/thread.c", "--strategy dfs", 0, "", 1)
WT_MODEL(doc_lock, "tests/prim/doc/lock.c", "--strategy dfs", 0, "", 77)
WT_MODEL(doc_rlock, "tests/prim/doc/rlock.c", "--strategy dfs", 0, "", 301)
WT_MODEL(doc_cond, "tests/prim/doc/cond.c", "--strategy dfs", 0, "", 151)
WT_MODEL(doc_sem, "tests/prim/doc/sem.c", "--strategy dfs", 0, "", 26)
WT_MODEL(doc_bsem, "tests/prim/doc/bsem.c", "--strategy dfs", 1, "misuse", 1)
WT_MODEL(doc_event, "tests/prim/doc/event.c", "--strategy dfs", 0, "", 16)
WT_MODEL(doc_barrier, "tests/prim/doc/barrier.c", "--strategy dfs", 0, "", 21810)
WT_MODEL(doc_queue, "tests/prim/doc/queue.c", "--strategy dfs", 0, "", 142)
WT_MODEL(doc_pipe, "tests/prim/doc/pipe.c", "--strategy dfs", 0, "", 406)
WT_MODEL(doc_value, "tests/prim/doc/value.c", "--strategy dfs", 0, "", 10)
WT_MODEL(doc_process, "tests/prim/doc/process.c", "--strategy dfs", 0, "", 1)
WT_MODEL(doc_pool, "tests/prim/doc/pool.c", "--strategy dfs", 0, "", 5388)
WT_MODEL(doc_future, "tests/prim/doc/future.c", "--strategy dfs", 0, "", 1)
WT_MODEL(doc_future_cancel, "tests/prim/doc/future_cancel.c", "--strategy dfs", 0, "", 276)
WT_OUTCOMES(doc_future_cancel_outcomes, "tests/prim/doc/future_cancel.c", "--strategy dfs",
            "outcome: cancelled|outcome: ran")
WT_MODEL(doc_future_wait, "tests/prim/doc/future_wait.c", "--strategy dfs", 0, "", 74180)
WT_OUTCOMES(doc_future_wait_outcomes, "tests/prim/doc/future_wait.c", "--strategy dfs",
            "outcome: first: 1 done|outcome: first: 2 done")
/* a data race does not end the search: the count is the whole search's */
WT_MODEL(doc_sleep, "tests/prim/doc/sleep.c", "--strategy dfs", 1, "data_race", 7)
WT_MODEL(doc_with, "tests/prim/doc/with.c", "--strategy dfs", 0, "", 77)
