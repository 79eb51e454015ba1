/*
** model_tests.h: the bundled models' oracles. Each line pins a model's exit
** status, first finding kind and exact execution count under
** `weft check --json <args>`; WT_OUTCOMES pins the set of distinct outcomes.
** Every count is pinned under an explicit strategy: `--strategy dfs` (the
** naive, exhaustive DFS) where the search is small enough, otherwise
** `--strategy random --seed 1 --max-executions 10000`, whose verdict is
** "incomplete" (exit 0) unless it finds something. A line with a -D
** mutation (-DNO_LOCK, -DSLOTS=4, ...) shows that the model's oracle can
** fail. docs/models.md lists the models and what each line shows.
*/
WT_OUTCOMES(yes_no_outcomes, "models/yes_no.c", "", "no/yes|yes/no")

/* ---- Seeds: non-determinism, lost updates and locks */
WT_MODEL(yes_no, "models/yes_no.c", "--strategy dfs", 0, "", 69)
WT_MODEL(racy_total, "models/racy_total.c", "--strategy dfs -DN=2", 1, "data_race", 36)
WT_MODEL(racy_total_assert, "models/racy_total.c", "--strategy dfs -DN=2 --no-races", 1, "assertion", 36)
WT_OUTCOMES(racy_total_outcomes, "models/racy_total.c", "--strategy dfs -DN=2",
            "The total is: 0/[assertion]|"
            "The total is: 1")
WT_MODEL(total_spinlock, "models/total_spinlock.c", "--strategy dfs", 1, "data_race", 546)
WT_MODEL(total_spinlock_assert, "models/total_spinlock.c", "--strategy dfs --no-races", 1, "assertion", 546)
WT_OUTCOMES(total_spinlock_outcomes, "models/total_spinlock.c", "--strategy dfs -DN=2",
            "The total is: 0/[assertion]|"
            "The total is: 1")
WT_MODEL(total_lock, "models/total_lock.c", "--strategy dfs", 0, "", 308)
WT_OUTCOMES(total_lock_outcomes, "models/total_lock.c", "--strategy dfs", "The total is: 1")
WT_MODEL(counter_unsafe, "models/counter_unsafe.c", "--strategy dfs", 1, "data_race", 9)
WT_MODEL(counter_unsafe_assert, "models/counter_unsafe.c", "--strategy dfs --no-races", 1, "assertion", 9)
WT_OUTCOMES(counter_unsafe_outcomes, "models/counter_unsafe.c", "--strategy dfs",
            "2/[assertion]|"
            "3/[assertion]|"
            "4")
WT_MODEL(safe_counter, "models/safe_counter.c", "--strategy dfs", 0, "", 155075)
WT_OUTCOMES(safe_counter_outcomes, "models/safe_counter.c", "--strategy dfs", "4")
WT_MODEL(deposit_lock, "models/deposit_lock.c", "--strategy dfs", 0, "", 4052)
WT_OUTCOMES(deposit_lock_outcomes, "models/deposit_lock.c", "--strategy dfs", "100")
WT_MODEL(deposit_lock_no_lock, "models/deposit_lock.c", "--strategy dfs -DNO_LOCK", 1, "data_race", 29)
WT_MODEL(deposit_lock_no_lock_assert, "models/deposit_lock.c", "--strategy dfs -DNO_LOCK --no-races", 1, "assertion", 29)
WT_MODEL(value_no_lock, "models/value_no_lock.c", "--strategy dfs", 1, "assertion", 29)
WT_OUTCOMES(value_no_lock_outcomes, "models/value_no_lock.c", "--strategy dfs",
            "490/[assertion]|"
            "495/[assertion]|"
            "500|"
            "505/[assertion]|"
            "510/[assertion]")
WT_MODEL(value_lock, "models/value_lock.c", "--strategy dfs", 0, "", 4052)
WT_OUTCOMES(value_lock_outcomes, "models/value_lock.c", "--strategy dfs", "500")

/* ---- Seeds: RLock, deadlock and lock ordering */
WT_MODEL(safelist_rlock, "models/safelist_rlock.c", "--strategy dfs", 0, "", 76592)
WT_OUTCOMES(safelist_rlock_outcomes, "models/safelist_rlock.c", "--strategy dfs",
            "[1, 2, 3]|"
            "[3, 1, 2]")
WT_MODEL(safelist_lock, "models/safelist_lock.c", "--strategy dfs", 1, "deadlock", 1)
WT_MODEL(deadlock_ab_ba, "models/deadlock_ab_ba.c", "--strategy dfs", 1, "deadlock", 1929)
WT_MODEL(lock_order_global, "models/lock_order_global.c", "--strategy dfs", 0, "", 540)
WT_MODEL(lock_order_by_id, "models/lock_order_by_id.c", "--strategy dfs", 0, "", 540)
WT_MODEL(lock_order_by_id_no_sort, "models/lock_order_by_id.c", "--strategy dfs -DNO_SORT", 1, "deadlock", 101)
WT_MODEL(lock_timeout, "models/lock_timeout.c", "--strategy dfs", 0, "", 51761)
WT_OUTCOMES(lock_timeout_outcomes, "models/lock_timeout.c", "--strategy dfs",
            "ab: gave up/ba: gave up|"
            "ab: gave up/ba: transferred (attempt 1)|"
            "ab: gave up/ba: transferred (attempt 2)|"
            "ab: transferred (attempt 1)/ba: gave up|"
            "ab: transferred (attempt 1)/ba: transferred (attempt 1)|"
            "ab: transferred (attempt 1)/ba: transferred (attempt 2)|"
            "ab: transferred (attempt 2)/ba: gave up|"
            "ab: transferred (attempt 2)/ba: transferred (attempt 2)|"
            "ba: gave up/ab: gave up|"
            "ba: gave up/ab: transferred (attempt 1)|"
            "ba: gave up/ab: transferred (attempt 2)|"
            "ba: transferred (attempt 1)/ab: gave up|"
            "ba: transferred (attempt 1)/ab: transferred (attempt 1)|"
            "ba: transferred (attempt 1)/ab: transferred (attempt 2)|"
            "ba: transferred (attempt 2)/ab: gave up|"
            "ba: transferred (attempt 2)/ab: transferred (attempt 2)")

/* ---- Seeds: Event, Semaphore, BoundedSemaphore */
WT_MODEL(event_server_client, "models/event_server_client.c", "--strategy dfs", 0, "", 1015)
WT_OUTCOMES(event_server_client_outcomes, "models/event_server_client.c", "--strategy dfs",
            "Client waiting for server.../Server starting.../Server ready./Client proceeding.|"
            "Server starting.../Client waiting for server.../Server ready./Client proceeding.|"
            "Server starting.../Server ready./Client waiting for server.../Client proceeding.")
WT_MODEL(event_server_client_no_wait, "models/event_server_client.c", "--strategy dfs -DNO_WAIT", 1, "data_race", 127)
WT_MODEL(event_server_client_no_wait_assert, "models/event_server_client.c", "--strategy dfs -DNO_WAIT --no-races", 1, "assertion", 127)
WT_MODEL(sem_downloads, "models/sem_downloads.c", "--strategy random --seed 1 --max-executions 10000", 0, "", 10000)
WT_MODEL(sem_downloads_slots4, "models/sem_downloads.c", "--strategy random --seed 1 --max-executions 10000 -DSLOTS=4", 1, "assertion", 32)
WT_MODEL(bsem_server, "models/bsem_server.c", "--strategy dfs", 0, "", 17980)
WT_OUTCOMES(bsem_server_outcomes, "models/bsem_server.c", "--strategy dfs",
            "complete: 0/complete: 1|"
            "complete: 1/complete: 0")
WT_MODEL(bsem_server_release_twice, "models/bsem_server.c", "--strategy dfs -DRELEASE_TWICE", 1, "misuse", 1)
WT_MODEL(sem_my_fn, "models/sem_my_fn.c", "--strategy dfs", 0, "", 48619)
WT_OUTCOMES(sem_my_fn_outcomes, "models/sem_my_fn.c", "--strategy dfs",
            "my_fn#1 acquired, value 0/my_fn#1 released, value 1/my_fn#2 acquired, value 0/my_fn#2 released, value 2|"
            "my_fn#1 acquired, value 0/my_fn#1 released, value 1/my_fn#2 acquired, value 1/my_fn#2 released, value 2|"
            "my_fn#1 acquired, value 0/my_fn#2 acquired, value 0/my_fn#1 released, value 1/my_fn#2 released, value 2|"
            "my_fn#1 acquired, value 0/my_fn#2 acquired, value 0/my_fn#1 released, value 2/my_fn#2 released, value 1|"
            "my_fn#1 acquired, value 0/my_fn#2 acquired, value 0/my_fn#1 released, value 2/my_fn#2 released, value 2|"
            "my_fn#1 acquired, value 0/my_fn#2 acquired, value 0/my_fn#2 released, value 1/my_fn#1 released, value 2|"
            "my_fn#1 acquired, value 0/my_fn#2 acquired, value 0/my_fn#2 released, value 2/my_fn#1 released, value 1|"
            "my_fn#1 acquired, value 0/my_fn#2 acquired, value 0/my_fn#2 released, value 2/my_fn#1 released, value 2|"
            "my_fn#1 acquired, value 0/my_fn#2 acquired, value 1/my_fn#1 released, value 1/my_fn#2 released, value 2|"
            "my_fn#1 acquired, value 0/my_fn#2 acquired, value 1/my_fn#1 released, value 2/my_fn#2 released, value 1|"
            "my_fn#1 acquired, value 0/my_fn#2 acquired, value 1/my_fn#1 released, value 2/my_fn#2 released, value 2|"
            "my_fn#1 acquired, value 0/my_fn#2 acquired, value 1/my_fn#2 released, value 1/my_fn#1 released, value 2|"
            "my_fn#1 acquired, value 0/my_fn#2 acquired, value 1/my_fn#2 released, value 2/my_fn#1 released, value 1|"
            "my_fn#1 acquired, value 0/my_fn#2 acquired, value 1/my_fn#2 released, value 2/my_fn#1 released, value 2|"
            "my_fn#1 acquired, value 1/my_fn#1 released, value 1/my_fn#2 acquired, value 0/my_fn#2 released, value 2|"
            "my_fn#1 acquired, value 1/my_fn#1 released, value 1/my_fn#2 acquired, value 1/my_fn#2 released, value 2|"
            "my_fn#1 acquired, value 1/my_fn#1 released, value 2/my_fn#2 acquired, value 1/my_fn#2 released, value 2|"
            "my_fn#1 acquired, value 1/my_fn#2 acquired, value 0/my_fn#1 released, value 1/my_fn#2 released, value 2|"
            "my_fn#1 acquired, value 1/my_fn#2 acquired, value 0/my_fn#1 released, value 2/my_fn#2 released, value 1|"
            "my_fn#1 acquired, value 1/my_fn#2 acquired, value 0/my_fn#1 released, value 2/my_fn#2 released, value 2|"
            "my_fn#1 acquired, value 1/my_fn#2 acquired, value 0/my_fn#2 released, value 1/my_fn#1 released, value 2|"
            "my_fn#1 acquired, value 1/my_fn#2 acquired, value 0/my_fn#2 released, value 2/my_fn#1 released, value 1|"
            "my_fn#1 acquired, value 1/my_fn#2 acquired, value 0/my_fn#2 released, value 2/my_fn#1 released, value 2|"
            "my_fn#1 acquired, value 1/my_fn#2 acquired, value 1/my_fn#1 released, value 1/my_fn#2 released, value 2|"
            "my_fn#1 acquired, value 1/my_fn#2 acquired, value 1/my_fn#1 released, value 2/my_fn#2 released, value 2|"
            "my_fn#1 acquired, value 1/my_fn#2 acquired, value 1/my_fn#2 released, value 2/my_fn#1 released, value 1|"
            "my_fn#1 acquired, value 1/my_fn#2 acquired, value 1/my_fn#2 released, value 2/my_fn#1 released, value 2|"
            "my_fn#2 acquired, value 0/my_fn#1 acquired, value 0/my_fn#1 released, value 1/my_fn#2 released, value 2|"
            "my_fn#2 acquired, value 0/my_fn#1 acquired, value 0/my_fn#1 released, value 2/my_fn#2 released, value 1|"
            "my_fn#2 acquired, value 0/my_fn#1 acquired, value 0/my_fn#1 released, value 2/my_fn#2 released, value 2|"
            "my_fn#2 acquired, value 0/my_fn#1 acquired, value 0/my_fn#2 released, value 1/my_fn#1 released, value 2|"
            "my_fn#2 acquired, value 0/my_fn#1 acquired, value 0/my_fn#2 released, value 2/my_fn#1 released, value 1|"
            "my_fn#2 acquired, value 0/my_fn#1 acquired, value 0/my_fn#2 released, value 2/my_fn#1 released, value 2|"
            "my_fn#2 acquired, value 0/my_fn#1 acquired, value 1/my_fn#1 released, value 1/my_fn#2 released, value 2|"
            "my_fn#2 acquired, value 0/my_fn#1 acquired, value 1/my_fn#1 released, value 2/my_fn#2 released, value 1|"
            "my_fn#2 acquired, value 0/my_fn#1 acquired, value 1/my_fn#1 released, value 2/my_fn#2 released, value 2|"
            "my_fn#2 acquired, value 0/my_fn#1 acquired, value 1/my_fn#2 released, value 1/my_fn#1 released, value 2|"
            "my_fn#2 acquired, value 0/my_fn#1 acquired, value 1/my_fn#2 released, value 2/my_fn#1 released, value 1|"
            "my_fn#2 acquired, value 0/my_fn#1 acquired, value 1/my_fn#2 released, value 2/my_fn#1 released, value 2|"
            "my_fn#2 acquired, value 0/my_fn#2 released, value 1/my_fn#1 acquired, value 0/my_fn#1 released, value 2|"
            "my_fn#2 acquired, value 0/my_fn#2 released, value 1/my_fn#1 acquired, value 1/my_fn#1 released, value 2|"
            "my_fn#2 acquired, value 1/my_fn#1 acquired, value 0/my_fn#1 released, value 1/my_fn#2 released, value 2|"
            "my_fn#2 acquired, value 1/my_fn#1 acquired, value 0/my_fn#1 released, value 2/my_fn#2 released, value 1|"
            "my_fn#2 acquired, value 1/my_fn#1 acquired, value 0/my_fn#1 released, value 2/my_fn#2 released, value 2|"
            "my_fn#2 acquired, value 1/my_fn#1 acquired, value 0/my_fn#2 released, value 1/my_fn#1 released, value 2|"
            "my_fn#2 acquired, value 1/my_fn#1 acquired, value 0/my_fn#2 released, value 2/my_fn#1 released, value 1|"
            "my_fn#2 acquired, value 1/my_fn#1 acquired, value 0/my_fn#2 released, value 2/my_fn#1 released, value 2|"
            "my_fn#2 acquired, value 1/my_fn#1 acquired, value 1/my_fn#1 released, value 2/my_fn#2 released, value 1|"
            "my_fn#2 acquired, value 1/my_fn#1 acquired, value 1/my_fn#1 released, value 2/my_fn#2 released, value 2|"
            "my_fn#2 acquired, value 1/my_fn#1 acquired, value 1/my_fn#2 released, value 1/my_fn#1 released, value 2|"
            "my_fn#2 acquired, value 1/my_fn#1 acquired, value 1/my_fn#2 released, value 2/my_fn#1 released, value 2|"
            "my_fn#2 acquired, value 1/my_fn#2 released, value 1/my_fn#1 acquired, value 0/my_fn#1 released, value 2|"
            "my_fn#2 acquired, value 1/my_fn#2 released, value 1/my_fn#1 acquired, value 1/my_fn#1 released, value 2|"
            "my_fn#2 acquired, value 1/my_fn#2 released, value 2/my_fn#1 acquired, value 1/my_fn#1 released, value 2")

/* ---- Seeds: barriers */
WT_MODEL(barrier_phases, "models/barrier_phases.c", "--strategy dfs", 0, "", 8036)
WT_OUTCOMES(barrier_phases_outcomes, "models/barrier_phases.c", "--strategy dfs",
            "Worker 0: phase 1 complete/Worker 1: phase 1 complete/Worker 0: starting phase 2/Worker 1: starting phase 2|"
            "Worker 0: phase 1 complete/Worker 1: phase 1 complete/Worker 1: starting phase 2/Worker 0: starting phase 2|"
            "Worker 1: phase 1 complete/Worker 0: phase 1 complete/Worker 0: starting phase 2/Worker 1: starting phase 2|"
            "Worker 1: phase 1 complete/Worker 0: phase 1 complete/Worker 1: starting phase 2/Worker 0: starting phase 2")
WT_MODEL(barrier_phases_parties1, "models/barrier_phases.c", "--strategy dfs -DPARTIES=1", 1, "assertion", 1)
WT_MODEL(barrier_reuse, "models/barrier_reuse.c", "--strategy dfs", 0, "", 76400)
WT_OUTCOMES(barrier_reuse_outcomes, "models/barrier_reuse.c", "--strategy dfs",
            "P1 is waiting on barrier for 0-th time/P2 is waiting on barrier for 0-th time/P1 is waiting on barrier for 1-th time/P2 is waiting on barrier for 1-th time/P1 is finished/P2 is finished|"
            "P1 is waiting on barrier for 0-th time/P2 is waiting on barrier for 0-th time/P1 is waiting on barrier for 1-th time/P2 is waiting on barrier for 1-th time/P2 is finished/P1 is finished|"
            "P1 is waiting on barrier for 0-th time/P2 is waiting on barrier for 0-th time/P2 is waiting on barrier for 1-th time/P1 is waiting on barrier for 1-th time/P1 is finished/P2 is finished|"
            "P1 is waiting on barrier for 0-th time/P2 is waiting on barrier for 0-th time/P2 is waiting on barrier for 1-th time/P1 is waiting on barrier for 1-th time/P2 is finished/P1 is finished|"
            "P2 is waiting on barrier for 0-th time/P1 is waiting on barrier for 0-th time/P1 is waiting on barrier for 1-th time/P2 is waiting on barrier for 1-th time/P1 is finished/P2 is finished|"
            "P2 is waiting on barrier for 0-th time/P1 is waiting on barrier for 0-th time/P1 is waiting on barrier for 1-th time/P2 is waiting on barrier for 1-th time/P2 is finished/P1 is finished|"
            "P2 is waiting on barrier for 0-th time/P1 is waiting on barrier for 0-th time/P2 is waiting on barrier for 1-th time/P1 is waiting on barrier for 1-th time/P1 is finished/P2 is finished|"
            "P2 is waiting on barrier for 0-th time/P1 is waiting on barrier for 0-th time/P2 is waiting on barrier for 1-th time/P1 is waiting on barrier for 1-th time/P2 is finished/P1 is finished")
WT_MODEL(barrier_reuse_parties1, "models/barrier_reuse.c", "--strategy dfs -DPARTIES=1", 1, "assertion", 1)
WT_MODEL(two_phase_barrier_seed, "models/two_phase_barrier_seed.c", "--strategy dfs", 1, "crash", 1)
WT_MODEL(two_phase_barrier_seed_barrier2, "models/two_phase_barrier_seed.c", "--strategy dfs -DBARRIER2", 1, "deadlock", 1)
WT_MODEL(two_phase_barrier, "models/two_phase_barrier.c", "--strategy random --seed 1 --max-executions 10000", 0, "", 10000)
WT_MODEL(two_phase_barrier_no_turnstile2, "models/two_phase_barrier.c", "--strategy dfs -DNO_TURNSTILE2", 1, "assertion", 1)

/* ---- Seeds: Condition */
WT_MODEL(bbq, "models/bbq.c", "--strategy random --seed 1 --max-executions 10000", 0, "", 10000)
WT_MODEL(bbq_if, "models/bbq_if.c", "--strategy dfs", 1, "assertion", 1)
WT_MODEL(bbq_notify, "models/bbq_notify.c", "--strategy random --seed 1 --max-executions 10000", 1, "deadlock", 2)
WT_MODEL(cond_timeout0, "models/cond_timeout0.c", "--strategy dfs", 1, "data_race", 101343)
WT_OUTCOMES(cond_timeout0_outcomes, "models/cond_timeout0.c", "--strategy dfs",
            "Consumer got topics: [0]/Topic: 0 generated/Topic: 1 generated|"
            "Consumer got topics: []/Topic: 0 generated/Topic: 1 generated|"
            "Topic: 0 generated/Consumer got topics: [0, 0]/Topic: 1 generated|"
            "Topic: 0 generated/Consumer got topics: [0, 1]/Topic: 1 generated|"
            "Topic: 0 generated/Consumer got topics: [0]/Topic: 1 generated|"
            "Topic: 0 generated/Consumer got topics: []/Topic: 1 generated|"
            "Topic: 0 generated/Topic: 1 generated/Consumer got topics: [0, 0]|"
            "Topic: 0 generated/Topic: 1 generated/Consumer got topics: [0, 1]|"
            "Topic: 0 generated/Topic: 1 generated/Consumer got topics: [0]|"
            "Topic: 0 generated/Topic: 1 generated/Consumer got topics: []")
WT_MODEL(cond_timeout0_read_locked, "models/cond_timeout0.c", "--strategy dfs -DREAD_LOCKED", 0, "", 12028)
WT_OUTCOMES(cond_timeout0_read_locked_outcomes, "models/cond_timeout0.c", "--strategy dfs -DREAD_LOCKED",
            "Consumer got topics: []/Topic: 0 generated/Topic: 1 generated|"
            "Topic: 0 generated/Topic: 1 generated/Consumer got topics: [0, 1]")

/* ---- Seeds: queues, processes, pipes, pools, futures */
WT_MODEL(queue_sentinel, "models/queue_sentinel.c", "--strategy random --seed 1 --max-executions 10000", 0, "", 10000)
WT_MODEL(queue_sentinel_one_consumer, "models/queue_sentinel.c", "--strategy dfs -DCONSUMERS=1", 0, "", 1776)
WT_MODEL(queue_sentinel_join, "models/queue_sentinel.c", "--strategy dfs -DJOIN", 1, "deadlock", 1)
WT_MODEL(queue_join, "models/queue_join.c", "--strategy random --seed 1 --max-executions 10000", 0, "", 10000)
WT_MODEL(queue_join_one_consumer, "models/queue_join.c", "--strategy dfs -DCONSUMERS=1", 0, "", 4734)
WT_MODEL(queue_join_early, "models/queue_join.c", "--strategy dfs -DEARLY_JOIN", 1, "assertion", 1)
WT_MODEL(square_cube, "models/square_cube.c", "--strategy dfs", 0, "", 923)
WT_OUTCOMES(square_cube_outcomes, "models/square_cube.c", "--strategy dfs",
            "0/0/1/1/4/8|"
            "0/0/1/1/8/4|"
            "0/0/1/4/1/8|"
            "0/0/1/8/1/4|"
            "0/1/0/1/4/8|"
            "0/1/0/1/8/4|"
            "0/1/0/4/1/8|"
            "0/1/0/8/1/4|"
            "0/1/4/0/1/8|"
            "0/1/8/0/1/4")
WT_MODEL(pipe_reader_writer, "models/pipe_reader_writer.c", "--strategy dfs", 0, "", 96226)
WT_MODEL(pipe_reader_writer_no_done, "models/pipe_reader_writer.c", "--strategy dfs -DNO_DONE", 1, "deadlock", 1)
WT_MODEL(pool_sum_square, "models/pool_sum_square.c", "--strategy dfs", 0, "", 19428)
WT_OUTCOMES(pool_sum_square_outcomes, "models/pool_sum_square.c", "--strategy dfs",
            "sum_square(10) = 285/sum_square(11) = 385/sum_square(12) = 506")
WT_MODEL(futures_as_completed, "models/futures_as_completed.c", "--strategy dfs", 0, "", 102545)
WT_OUTCOMES(futures_as_completed_outcomes, "models/futures_as_completed.c", "--strategy dfs",
            "cache: Data from cache/db: Data from db|"
            "db: Data from db/cache: Data from cache")
WT_MODEL(futures_first_completed, "models/futures_first_completed.c", "--strategy dfs", 0, "", 1570)
WT_OUTCOMES(futures_first_completed_outcomes, "models/futures_first_completed.c", "--strategy dfs",
            "winner: Data from primary|"
            "winner: Data from primary/cancel fallback: False|"
            "winner: Data from primary/cancel fallback: True")

/* ---- Seeds: joining oneself; H2O */
WT_MODEL(join_self_thread, "models/join_self_thread.c", "--strategy dfs", 1, "deadlock", 1)
WT_MODEL(join_self_process, "models/join_self_process.c", "--strategy dfs", 1, "deadlock", 1)
WT_MODEL(h2o, "models/h2o.c", "--strategy random --seed 1 --max-executions 10000", 0, "", 10000)
WT_MODEL(h2o_no_semaphores, "models/h2o.c", "--strategy dfs -DNO_SEMAPHORES", 1, "assertion", 1)

/* ---- Classics */
WT_MODEL(peterson, "models/peterson.c", "--strategy dfs", 0, "", 33019)
WT_MODEL(peterson_swapped, "models/peterson_swapped.c", "--strategy dfs", 1, "assertion", 670)
WT_MODEL(dekker, "models/dekker.c", "--strategy dfs", 0, "", 95986)
WT_MODEL(dekker_no_backoff, "models/dekker.c", "--strategy dfs -DNO_BACKOFF", 1, "livelock", 272)
WT_MODEL(bakery, "models/bakery.c", "--strategy dfs", 0, "", 1773816)
WT_MODEL(bakery_no_choosing, "models/bakery.c", "--strategy dfs -DNO_CHOOSING", 1, "assertion", 525)
WT_MODEL(philosophers, "models/philosophers.c", "--strategy dfs", 1, "deadlock", 72458)
WT_MODEL(philosophers_ordered, "models/philosophers_ordered.c", "--strategy dfs -DN=2", 0, "", 1162)
WT_MODEL(philosophers_ordered_n3, "models/philosophers_ordered.c", "--strategy random --seed 1 --max-executions 10000", 0, "", 10000)
WT_MODEL(philosophers_waiter, "models/philosophers_waiter.c", "--strategy dfs -DN=2", 0, "", 8064)
WT_MODEL(philosophers_waiter_seats3, "models/philosophers_waiter.c", "--strategy random --seed 1 --max-executions 10000 -DSEATS=3", 1, "deadlock", 29)
WT_MODEL(readers_writers, "models/readers_writers.c", "--strategy random --seed 1 --max-executions 10000", 0, "", 10000)
WT_MODEL(readers_writers_one_reader, "models/readers_writers.c", "--strategy dfs -DREADERS=1", 0, "", 37678)
WT_MODEL(readers_writers_no_wrt, "models/readers_writers.c", "--strategy dfs -DREADERS=1 -DNO_WRT_FOR_READERS", 1, "data_race", 75582)
WT_MODEL(ticket_lock, "models/ticket_lock.c", "--strategy dfs", 0, "", 65272)
WT_MODEL(ticket_lock_split_take, "models/ticket_lock.c", "--strategy dfs -DSPLIT_TAKE", 1, "livelock", 13759)
WT_MODEL(ttas_lock, "models/ttas_lock.c", "--strategy dfs", 0, "", 31177)
WT_MODEL(ttas_lock_test_then_set, "models/ttas_lock.c", "--strategy dfs -DTEST_THEN_SET", 1, "assertion", 914)

/* ---- DPOR on parametric models (tests/dpor/): counts derived by hand.
   N threads on disjoint data: 1 execution. N readers and one writer of one
   variable: a trace is which readers read before the write, 2^N. N threads
   incrementing under one lock: the N! orders of the lock. */
WT_MODEL(dpor_disjoint_4, "tests/dpor/disjoint.c", "--strategy dpor -DN=4", 0, "", 1)
WT_MODEL(dpor_disjoint_8, "tests/dpor/disjoint.c", "--strategy dpor -DN=8", 0, "", 1)
WT_MODEL(dpor_readers_3, "tests/dpor/readers.c", "--strategy dpor --keep-going -DN=3", 1, "data_race", 8)
WT_MODEL(dpor_readers_5, "tests/dpor/readers.c", "--strategy dpor --keep-going -DN=5", 1, "data_race", 32)
WT_MODEL(dpor_lock_counter_3, "tests/dpor/lock_counter.c", "--strategy dpor -DN=3", 0, "", 6)
WT_MODEL(dpor_lock_counter_4, "tests/dpor/lock_counter.c", "--strategy dpor -DN=4", 0, "", 24)
