/*
** pthread_tests.h: unmodified C programs (tests/pthread/): POSIX threads,
** C11 threads and atomics, and the SV-COMP conventions. Each execution
** count is the exact stats.executions of `weft check --json <args>`; for a
** model that stops at its first finding, the count at that finding (a data
** race does not stop the search: it goes on to the first finding that ends
** an execution, or to the end).
*/

/* ---- mutexes */
WT_MODEL(pthread_mutex_counter, "tests/pthread/mutex_counter.c", "--strategy dfs", 0, "", 12283)
WT_MODEL(pthread_racy_counter, "tests/pthread/racy_counter.c", "--strategy dfs", 1, "data_race", 36)
WT_MODEL(pthread_racy_counter_lost_update, "tests/pthread/racy_counter.c",
         "--strategy dfs --no-races", 1, "assertion", 36)
WT_MODEL(pthread_deadlock_ab_ba, "tests/pthread/deadlock_ab_ba.c", "--strategy dfs", 1, "deadlock", 267)
WT_MODEL(pthread_mutex_unlock_other, "tests/pthread/mutex_unlock_other.c", "--strategy dfs", 1,
         "misuse", 1)
WT_MODEL(pthread_mutex_errorcheck, "tests/pthread/mutex_errorcheck.c", "--strategy dfs", 1, "misuse", 1)
WT_MODEL(pthread_mutex_recursive, "tests/pthread/mutex_recursive.c", "--strategy dfs", 0, "", 122)
WT_MODEL(pthread_mutex_trylock, "tests/pthread/mutex_trylock.c", "--strategy dfs", 0, "", 28)
WT_OUTCOMES(pthread_mutex_trylock_outcomes, "tests/pthread/mutex_trylock.c", "--strategy dfs", "busy|got")
WT_MODEL(pthread_spin_lock, "tests/pthread/spin_lock.c", "--strategy dfs", 0, "", 37)

/* ---- condition variables: spurious wakeups are explored */
WT_MODEL(pthread_cond_no_loop, "tests/pthread/cond_no_loop.c", "--strategy dfs", 1, "assertion", 31)
/* --no-spurious: without spurious wakeups the missing loop is harmless here */
WT_MODEL(pthread_cond_no_loop_no_spurious, "tests/pthread/cond_no_loop.c",
         "--strategy dfs --no-spurious", 0, "", 36)
WT_MODEL(pthread_cond_loop, "tests/pthread/cond_loop.c", "--strategy dfs", 0, "", 49)
/* a wait's steps touch its mutex (weft__op_touches), for DPOR: both
   strategies must see the worker wake before and after main's section */
WT_MODEL(pthread_cond_wait_mutex_dpor, "tests/pthread/cond_wait_mutex_dpor.c", "--strategy dpor", 1,
         "deadlock", 1)
WT_OUTCOMES(pthread_cond_wait_mutex_outcomes, "tests/pthread/cond_wait_mutex_dpor.c",
            "--strategy dfs", "[deadlock]|saw 0|saw 1")
WT_OUTCOMES(pthread_cond_wait_mutex_outcomes_dpor, "tests/pthread/cond_wait_mutex_dpor.c",
            "--strategy dpor", "[deadlock]|saw 0|saw 1")
WT_MODEL(pthread_cond_missed_signal, "tests/pthread/cond_missed_signal.c", "--strategy dfs", 1,
         "deadlock", 1)
WT_MODEL(pthread_cond_wait_unlocked, "tests/pthread/cond_wait_unlocked.c", "--strategy dfs", 1,
         "misuse", 1)
WT_MODEL(pthread_cond_timedwait, "tests/pthread/cond_timedwait.c", "--strategy dfs", 0, "", 215)
WT_OUTCOMES(pthread_cond_timedwait_outcomes, "tests/pthread/cond_timedwait.c", "--strategy dfs",
            "signalled|timed out")

/* ---- rwlocks, barriers, semaphores */
WT_MODEL(pthread_rwlock_mix, "tests/pthread/rwlock_mix.c", "--strategy dfs", 0, "", 50161)
WT_MODEL(pthread_rwlock_write_under_read, "tests/pthread/rwlock_write_under_read.c",
         "--strategy dfs", 1, "data_race", 67219)
WT_MODEL(pthread_barrier, "tests/pthread/barrier.c", "--strategy dfs", 0, "", 1740)
WT_MODEL(pthread_sem_handoff, "tests/pthread/sem_handoff.c", "--strategy dfs", 0, "", 7)
WT_OUTCOMES(pthread_sem_trywait_outcomes, "tests/pthread/sem_trywait.c", "--strategy dfs",
            "EAGAIN ETIMEDOUT|EAGAIN got|got -")

/* ---- threads: keys, once, exit rules, cleanup handlers, sleep */
WT_MODEL(pthread_key_destructor, "tests/pthread/key_destructor.c", "--strategy dfs", 0, "", 8)
WT_MODEL(pthread_once, "tests/pthread/once.c", "--strategy dfs", 0, "", 75)
WT_MODEL(pthread_main_returns, "tests/pthread/main_returns.c", "--strategy dfs", 0, "", 1)
/* --keep-threads: main's return no longer ends the program; the thread
   blocked on the mutex main never unlocked is a deadlock */
WT_MODEL(pthread_main_returns_keep_threads, "tests/pthread/main_returns.c",
         "--strategy dfs --keep-threads", 1, "deadlock", 1)
WT_MODEL(pthread_main_pthread_exit, "tests/pthread/main_pthread_exit.c", "--strategy dfs", 1,
         "assertion", 1)
WT_MODEL(pthread_join_detached, "tests/pthread/join_detached.c", "--strategy dfs", 1, "misuse", 1)
WT_MODEL(pthread_cleanup_exit, "tests/pthread/cleanup_exit.c", "--strategy dfs", 0, "", 7)
WT_MODEL(pthread_sleep_is_not_sync, "tests/pthread/sleep_is_not_sync.c", "--strategy dfs", 1,
         "data_race", 21)

/* ---- thread-local storage: a copy per thread (-DSHARED: one global) */
WT_MODEL(pthread_tls_counter, "tests/pthread/tls_counter.c", "--strategy dfs", 0, "", 67219)
WT_MODEL(pthread_tls_counter_shared, "tests/pthread/tls_counter.c", "--strategy dfs -DSHARED", 1,
         "data_race", 1)
WT_MODEL(pthread_tls_counter_shared_lost, "tests/pthread/tls_counter.c",
         "--strategy dfs -DSHARED --no-races", 1, "assertion", 1)
WT_OUTCOMES(pthread_tls_counter_outcomes, "tests/pthread/tls_counter.c", "--strategy dfs", "main 10")

/* ---- atomics: Peterson's lock. The correct one is too large for the naive
   DFS to finish (every atomic access is a step): a budget, a seeded random
   search, and DPOR, which completes. */
WT_MODEL(pthread_peterson_c11_dfs, "tests/pthread/peterson_c11.c",
         "--strategy dfs --max-executions 100000", 0, "", 100000)
WT_MODEL(pthread_peterson_c11_random, "tests/pthread/peterson_c11.c",
         "--strategy random --seed 1 --max-executions 20000", 0, "", 20000)
/* DPOR finishes it: correct, in 16 executions (and 16 redundant partial runs) */
WT_MODEL(pthread_peterson_c11_dpor, "tests/pthread/peterson_c11.c", "--strategy dpor", 0, "", 40)
WT_MODEL(pthread_peterson_swapped, "tests/pthread/peterson_swapped.c", "--strategy dfs", 1,
         "data_race", 29191)
WT_MODEL(pthread_peterson_swapped_no_races, "tests/pthread/peterson_swapped.c",
         "--strategy dfs --no-races", 1, "assertion", 29191)

/* ---- C11 <threads.h> */
WT_MODEL(pthread_c11_threads, "tests/pthread/c11_threads.c", "--strategy dfs", 0, "", 95)
WT_MODEL(pthread_c11_misc, "tests/pthread/c11_misc.c", "--strategy dfs", 0, "", 315)

/* ---- verification conventions */
WT_MODEL(pthread_nondet_value, "tests/pthread/nondet_value.c", "--strategy dfs", 1, "assertion", 15)
/* --nondet-domain 2: only 0 and 1, which the bug does not need */
WT_MODEL(pthread_nondet_value_domain2, "tests/pthread/nondet_value.c",
         "--strategy dfs --nondet-domain 2", 0, "", 10)
WT_MODEL(pthread_nondet_value_domain5, "tests/pthread/nondet_value.c",
         "--strategy dfs --nondet-domain 5", 1, "assertion", 15)
/* a failed assumption discards the execution: not in stats.executions
   (cli_assume_discarded checks stats.discarded), not an outcome; every
   strategy goes on after one */
WT_MODEL(pthread_verifier_assume, "tests/pthread/verifier_assume.c", "--strategy dfs", 0, "", 2)
WT_MODEL(pthread_assume_threads, "tests/pthread/assume_threads.c", "--strategy dfs", 0, "", 36)
WT_MODEL(pthread_assume_threads_dpor, "tests/pthread/assume_threads.c", "--strategy dpor", 0, "", 4)
WT_MODEL(pthread_assume_threads_random, "tests/pthread/assume_threads.c",
         "--strategy random --seed 3 --max-executions 3000", 0, "", 4)
WT_OUTCOMES(pthread_assume_threads_outcomes, "tests/pthread/assume_threads.c", "--strategy dfs",
            "seen -1|seen 0|seen 1|seen 2")
/* atomic sections: beginning one is a step (so DPOR sees two sections
   conflict); inside, the thread runs whenever it can */
WT_MODEL(pthread_verifier_atomic, "tests/pthread/verifier_atomic.c", "--strategy dfs", 0, "", 594)
WT_MODEL(pthread_verifier_atomic_dpor, "tests/pthread/verifier_atomic.c", "--strategy dpor", 0, "", 2)
WT_MODEL(pthread_atomic_function, "tests/pthread/atomic_function.c", "--strategy dfs", 0, "", 594)
WT_MODEL(pthread_atomic_function_dpor, "tests/pthread/atomic_function.c", "--strategy dpor", 0, "",
         2)
WT_MODEL(pthread_atomic_function_plain, "tests/pthread/atomic_function.c", "--strategy dfs -DPLAIN",
         1, "data_race", 36)
WT_MODEL(pthread_atomic_function_plain_lost, "tests/pthread/atomic_function.c",
         "--strategy dfs -DPLAIN --no-races", 1, "assertion", 36)
WT_MODEL(pthread_atomic_blocks, "tests/pthread/atomic_blocks.c", "--strategy dfs", 0, "", 31)
WT_MODEL(pthread_atomic_end_alone, "tests/pthread/atomic_end_alone.c", "--strategy dfs", 1,
         "misuse", 1)
WT_MODEL(pthread_reach_error, "tests/pthread/reach_error.c", "--strategy dfs --no-races", 1,
         "assertion", 36)
/* pct draws execution k's randomness from k counting discarded executions
   too, so a discarded one is not run again under the next number */
WT_MODEL(pthread_assume_pct, "tests/pthread/assume_threads.c",
         "--strategy pct --depth 2 --max-executions 300", 0, "", 34)
