/*
** jobs_tests.h: --jobs, the DFS on several processes (checker/parallel.c).
** Helpers only run ahead of the worker, which counts what they ran and
** runs every execution that shows something itself: each count, verdict
** and kind here is the one --jobs 1 gives (tests/model_tests.h,
** bench_tests.h pin the same models alone), whatever the helpers managed.
** cond_timeout0.c's race comes at execution 101,343, after many plain ones
** a helper may have run; dekker.c's search completes; philosophers.c takes
** two locks (helpers leave the executions with orders the lock-order graph
** has not seen to the worker, which records them); tiny.c
** is cut by --max-executions, which may fall inside a helper's share.
*/
WT_MODEL(jobs_cond_timeout0, "models/cond_timeout0.c", "--strategy dfs --jobs 2", 1, "data_race", 101343)
WT_MODEL(jobs_dekker, "models/dekker.c", "--strategy dfs --jobs 2", 0, "", 95986)
WT_MODEL(jobs_philosophers, "models/philosophers.c", "--strategy dfs --jobs 2", 1, "deadlock", 72458)
WT_MODEL(jobs_tiny_capped, "tests/bench/tiny.c", "--strategy dfs -j 2 --max-executions 77777", 0, "", 77777)
WT_MODEL(jobs_counter_lock_3, "tests/bench/counter_lock.c", "--strategy dfs -DN=2 --jobs 3", 0, "", 139567)
WT_MODEL(jobs_lock_order_held_sets, "tests/findings/lock_order_held_sets.c",
         "--strategy dfs --jobs 2 --keep-going --max-executions 50000", 1, "lock_order", 50000)
