/*
** bench_tests.h: the benchmark models' oracles (docs/bench.md derives each
** count): the naive DFS where it completes, and DPOR's count, which must
** equal the number of Mazurkiewicz traces.
*/
WT_MODEL(bench_counter_lock_dfs, "tests/bench/counter_lock.c", "--strategy dfs -DN=2", 0, "", 139567)
WT_MODEL(bench_counter_lock_dpor, "tests/bench/counter_lock.c", "--strategy dpor -DN=2", 0, "", 2)
WT_MODEL(bench_counter_lock_3x3_dpor, "tests/bench/counter_lock.c", "--strategy dpor -DN=3 -DITERS=3", 0, "", 1680)
WT_MODEL(bench_readers_writer_dpor, "tests/bench/readers_writer.c", "--strategy dpor -DN=8", 0, "", 256)
WT_MODEL(bench_philosophers_dpor, "tests/bench/philosophers.c", "--strategy dpor -DN=3", 0, "", 6)
WT_MODEL(bench_fib_dfs, "tests/bench/fib.c", "--strategy dfs -DNUM=2", 0, "", 48619)
WT_MODEL(bench_fib_dpor, "tests/bench/fib.c", "--strategy dpor -DNUM=2", 0, "", 19)
WT_MODEL(bench_indexer_dpor, "tests/bench/indexer.c", "--strategy dpor -DN=2", 0, "", 1)
WT_MODEL(bench_indexer_13_dpor, "tests/bench/indexer.c", "--strategy dpor -DN=13", 0, "", 64)
