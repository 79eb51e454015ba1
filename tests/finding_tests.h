/* filled by its area's tests: WT_MODEL / WT_OUTCOMES lines */

/* ---- lock_order (checker/lockorder.c). Each count is the exact
   stats.executions of `weft check --json ARGS FILE`. A budget
   (--max-executions) stops the search before the deadlock: the inversion
   is then the finding; the whole search finds the deadlock itself and
   reports no lock_order for the same locks. The models that must not be
   findings run with a budget too, so that their rule (gate lock, one
   thread, try, a thread alone), not a complete search, rules them out. */
WT_MODEL(lock_order_ab_ba, "tests/findings/lock_order_ab_ba.c",
         "--strategy dfs --max-executions 1", 1, "lock_order", 1)
WT_MODEL(lock_order_ab_ba_whole, "tests/findings/lock_order_ab_ba.c", "--strategy dfs", 1,
         "deadlock", 1929)
WT_MODEL(lock_order_gated, "tests/findings/lock_order_gated.c", "--strategy dfs", 0, "", 54351)
WT_MODEL(lock_order_gated_budget, "tests/findings/lock_order_gated.c",
         "--strategy dfs --max-executions 1", 0, "", 1)
WT_MODEL(lock_order_three, "tests/findings/lock_order_three.c",
         "--strategy dfs --max-executions 1", 1, "lock_order", 1)
WT_MODEL(lock_order_same_thread, "tests/findings/lock_order_same_thread.c",
         "--strategy dfs --max-executions 1", 0, "", 1)
WT_MODEL(lock_order_try, "tests/findings/lock_order_try.c",
         "--strategy dfs --max-executions 1", 0, "", 1)
WT_MODEL(lock_order_alone, "tests/findings/lock_order_alone.c",
         "--strategy dfs --max-executions 1", 0, "", 1)
WT_MODEL(lock_order_across, "tests/findings/lock_order_across.c",
         "--strategy dfs --max-executions 100", 1, "lock_order", 100)
WT_MODEL(lock_order_across_whole, "tests/findings/lock_order_across.c", "--strategy dfs", 1,
         "deadlock", 754)
WT_MODEL(lock_order_cond_wait, "tests/findings/lock_order_cond_wait.c",
         "--strategy dfs --max-executions 1", 1, "lock_order", 1)
/* A Semaphore held around both orders is a gate when only holders release
   it: at most its initial value of threads are inside, fewer than the cycle
   needs. Released by a non-holder (a signal), it is no gate. And the
   dining philosophers with a waiter (Semaphore(N-1)) at N=3 under a random
   budget: this used to be a false lock_order. */
WT_MODEL(lock_order_sem_gate, "tests/findings/lock_order_sem_gate.c",
         "--strategy dfs --max-executions 1", 0, "", 1)
WT_MODEL(lock_order_sem_signal, "tests/findings/lock_order_sem_gate.c",
         "--strategy dfs --max-executions 1 -DSIGNAL", 1, "lock_order", 1)
WT_MODEL(lock_order_waiter_random, "models/philosophers_waiter.c",
         "--strategy random --seed 1 --max-executions 2000 -DN=3", 0, "", 2000)
WT_MODEL(lock_order_waiter_all_seats, "models/philosophers_waiter.c",
         "--strategy dfs --max-executions 1 -DN=3 -DSEATS=3", 1, "lock_order", 1)
WT_MODEL(lock_order_cond_wait_whole, "tests/findings/lock_order_cond_wait.c", "--strategy dfs", 1,
         "deadlock", 3862)

/* ---- spin detection (checker/sched.c): loops that wait are parked, loops
   that end by themselves are not. Each of these used to end in a false
   livelock (the first two at --max-steps, the third parked in a bounded
   loop). */
WT_MODEL(spin_atomic_load, "tests/findings/spin_atomic_load.c", "--strategy dfs", 0, "", 360)
WT_MODEL(spin_two_vars, "tests/findings/spin_two_vars.c", "--strategy dfs --no-races", 0, "", 7)
WT_MODEL(spin_bounded, "tests/findings/spin_bounded.c", "--strategy dfs", 0, "", 1)
WT_MODEL(livelock_pointer, "tests/findings/livelock_pointer.c", "--strategy dfs", 1, "livelock", 1)

/* ---- data races and the Queue: put happens before the get that takes the
   item. Only through the queue: no race; one read moved before the get: a
   race on that read. */
WT_MODEL(race_queue, "tests/findings/race_queue.c", "--strategy dfs", 0, "", 112)
WT_MODEL(race_queue_outside, "tests/findings/race_queue.c", "--strategy dfs -DOUTSIDE", 1,
         "data_race", 308)
