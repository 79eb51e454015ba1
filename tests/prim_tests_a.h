/* tests/prim_tests_a.h: model tests of lock.c, rlock.c, cond.c, sem.c,
   event.c, barrier.c, with.c and thread.c. Each execution count is the exact
   stats.executions of `weft check --json --strategy dfs`; for a model that
   stops at its first finding, the count at that finding. */

/* ---- Lock */
WT_MODEL(lock_counter, "tests/prim/lock_counter.c", "--strategy dfs", 0, "", 4099)
WT_MODEL(lock_reentry, "tests/prim/lock_reentry.c", "--strategy dfs", 1, "deadlock", 1)
WT_MODEL(lock_release_other, "tests/prim/lock_release_other.c", "--strategy dfs", 0, "", 17)
WT_MODEL(lock_release_unlocked, "tests/prim/lock_release_unlocked.c", "--strategy dfs", 1, "misuse", 1)
WT_MODEL(lock_spin_try, "tests/prim/lock_spin_try.c", "--strategy dfs", 0, "", 28)
WT_MODEL(lock_timeout, "tests/prim/lock_timeout.c", "--strategy dfs", 0, "", 15)
WT_OUTCOMES(lock_timeout_outcomes, "tests/prim/lock_timeout.c", "--strategy dfs",
            "outcome: acquired|outcome: timed out")
WT_MODEL(lock_try, "tests/prim/lock_try.c", "--strategy dfs", 0, "", 49)
WT_OUTCOMES(lock_try_outcomes, "tests/prim/lock_try.c", "--strategy dfs",
            "outcome: busy|outcome: got")

/* ---- RLock */
WT_MODEL(rlock_reentry, "tests/prim/rlock_reentry.c", "--strategy dfs", 0, "", 344)
WT_MODEL(rlock_release_other, "tests/prim/rlock_release_other.c", "--strategy dfs", 1, "misuse", 1)
WT_MODEL(rlock_release_unowned, "tests/prim/rlock_release_unowned.c", "--strategy dfs", 1, "misuse", 1)
WT_MODEL(rlock_try, "tests/prim/rlock_try.c", "--strategy dfs", 0, "", 2051)
WT_OUTCOMES(rlock_try_outcomes, "tests/prim/rlock_try.c", "--strategy dfs",
            "outcome: try 0, timeout 0|outcome: try 0, timeout 1|"
            "outcome: try 1, timeout 0|outcome: try 1, timeout 1")

/* ---- Condition */
WT_MODEL(cond_fifo, "tests/prim/cond_fifo.c", "--strategy dfs", 0, "", 100)
WT_MODEL(cond_lost_timeout, "tests/prim/cond_lost_timeout.c", "--strategy dfs", 1, "deadlock", 12931)
WT_MODEL(cond_no_loop, "tests/prim/cond_no_loop.c", "--strategy dfs", 1, "deadlock", 25)
WT_MODEL(cond_notify_unowned, "tests/prim/cond_notify_unowned.c", "--strategy dfs", 1, "misuse", 1)
WT_MODEL(cond_predicate, "tests/prim/cond_predicate.c", "--strategy dfs", 0, "", 218)
WT_MODEL(cond_rlock, "tests/prim/cond_rlock.c", "--strategy dfs", 0, "", 334)
WT_MODEL(cond_wait_for, "tests/prim/cond_wait_for.c", "--strategy dfs", 0, "", 1087)
WT_OUTCOMES(cond_wait_for_outcomes, "tests/prim/cond_wait_for.c", "--strategy dfs",
            "outcome: false|outcome: true")
WT_MODEL(cond_wait_timeout, "tests/prim/cond_wait_timeout.c", "--strategy dfs", 0, "", 194)
WT_OUTCOMES(cond_wait_timeout_outcomes, "tests/prim/cond_wait_timeout.c", "--strategy dfs",
            "outcome: notified|outcome: timed out")
WT_MODEL(cond_wait_unowned, "tests/prim/cond_wait_unowned.c", "--strategy dfs", 1, "misuse", 1)

/* ---- Semaphore, BoundedSemaphore */
WT_MODEL(sem_bounded_over, "tests/prim/sem_bounded_over.c", "--strategy dfs", 1, "misuse", 1)
WT_MODEL(sem_bounded_token, "tests/prim/sem_bounded_token.c", "--strategy dfs", 1, "misuse", 2)
WT_MODEL(sem_bounded_with, "tests/prim/sem_bounded_with.c", "--strategy dfs", 0, "", 57)
WT_MODEL(sem_limit, "tests/prim/sem_limit.c", "--strategy dfs", 0, "", 703549)
WT_MODEL(sem_limit_bug, "tests/prim/sem_limit_bug.c", "--strategy dfs", 1, "assertion", 25642)
WT_MODEL(sem_release_n, "tests/prim/sem_release_n.c", "--strategy dfs", 0, "", 2076)
WT_MODEL(sem_timeout, "tests/prim/sem_timeout.c", "--strategy dfs", 0, "", 62)
WT_OUTCOMES(sem_timeout_outcomes, "tests/prim/sem_timeout.c", "--strategy dfs",
            "outcome: try 0, timeout 0, left 1|outcome: try 0, timeout 1, left 0|"
            "outcome: try 1, timeout 0, left 0")
WT_MODEL(sem_unbounded_over, "tests/prim/sem_unbounded_over.c", "--strategy dfs", 0, "", 1)

/* ---- Event */
WT_MODEL(event_timeout, "tests/prim/event_timeout.c", "--strategy dfs", 0, "", 15)
WT_OUTCOMES(event_timeout_outcomes, "tests/prim/event_timeout.c", "--strategy dfs",
            "outcome: set|outcome: timed out")
WT_MODEL(event_wait, "tests/prim/event_wait.c", "--strategy dfs", 0, "", 7805)

/* ---- Barrier */
WT_MODEL(barrier_abort, "tests/prim/barrier_abort.c", "--strategy dfs", 0, "", 10)
WT_MODEL(barrier_action_abort, "tests/prim/barrier_action_abort.c", "--strategy dfs", 0, "", 15429)
WT_MODEL(barrier_indices, "tests/prim/barrier_indices.c", "--strategy dfs", 0, "", 264000)
WT_MODEL(barrier_phases, "tests/prim/barrier_phases.c", "--strategy dfs", 0, "", 23534)
WT_MODEL(barrier_reset, "tests/prim/barrier_reset.c", "--strategy dfs", 0, "", 858)
WT_MODEL(barrier_timeout, "tests/prim/barrier_timeout.c", "--strategy dfs", 0, "", 50)
WT_OUTCOMES(barrier_timeout_outcomes, "tests/prim/barrier_timeout.c", "--strategy dfs",
            "outcome: broken|outcome: passed")

/* ---- with */
WT_MODEL(with_all, "tests/prim/with_all.c", "--strategy dfs", 0, "", 1)
WT_MODEL(with_bad, "tests/prim/with_bad.c", "--strategy dfs", 1, "misuse", 1)
WT_MODEL(with_counter, "tests/prim/with_counter.c", "--strategy dfs", 0, "", 10)
WT_MODEL(with_unlocked_exit, "tests/prim/with_unlocked_exit.c", "--strategy dfs", 1, "misuse", 1)

/* ---- Thread */
WT_MODEL(thread_daemon, "tests/prim/thread_daemon.c", "--strategy dfs", 0, "", 3)
WT_MODEL(thread_join_self, "tests/prim/thread_join_self.c", "--strategy dfs", 1, "deadlock", 1)
WT_MODEL(thread_join_timeout, "tests/prim/thread_join_timeout.c", "--strategy dfs", 0, "", 3)
WT_OUTCOMES(thread_join_timeout_outcomes, "tests/prim/thread_join_timeout.c", "--strategy dfs",
            "outcome: finished|outcome: still running")
WT_MODEL(thread_nondaemon, "tests/prim/thread_nondaemon.c", "--strategy dfs", 1, "deadlock", 1)
