/*
** strategy_tests.h: the counts of the bounded and pct strategies.
** bounded --no-dpor (every schedule), derived by hand (docs/cli.md walks
** through them): yes_no.c has 3
** schedules without preemptions and 9 with exactly one (3 + 9 = 12), and
** all 69 of the DFS within 5; deadlock_ab_ba.c has 3 without preemptions
** (none deadlocks, but the lock-order detector sees the inversion), and its
** deadlock is the 19th one-preemption schedule in DFS order: 3 + 19 = 22.
** bounded (with DPOR, the default): yes_no.c's two traces both have a
** schedule without preemptions, and level 0 runs exactly those 2; each
** higher level then counts the runs with exactly that many preemptions,
** which BPOR's conservative branches make. Level 1 runs 3: a repeat of
** level 0 (not counted), one cut short (its thread's traces were all run
** from an uncut branch: asleep), and one with a preemption (a trace seen
** already), 3 in all; nothing was cut, so no trace needs more and the
** search ends there, whatever the bound. deadlock_ab_ba.c: the 2 traces
** without preemptions, then at level 1 a repeat, two runs cut short, and
** the deadlock, the 3rd counted. tests/runner.c's bpor_generated checks
** BPOR's traces against the oracle's on generated programs.
** pct: fixed seeds; with --depth 1 (no change points) the deadlock, which
** needs a preemption, is never found (tests/strategy_units.h).
*/
WT_MODEL(bounded_yes_no_0, "models/yes_no.c", "--strategy bounded --no-dpor --preemption-bound 0", 0, "", 3)
WT_MODEL(bounded_yes_no_1, "models/yes_no.c", "--strategy bounded --no-dpor --preemption-bound 1", 0, "", 12)
WT_MODEL(bounded_yes_no_all, "models/yes_no.c", "--strategy bounded --no-dpor --preemption-bound 5", 0, "", 69)
WT_MODEL(bounded_deadlock, "models/deadlock_ab_ba.c", "--strategy bounded --no-dpor", 1, "deadlock", 22)
WT_MODEL(bounded_deadlock_0, "models/deadlock_ab_ba.c", "--strategy bounded --no-dpor --preemption-bound 0", 1, "lock_order", 3)
WT_MODEL(bpor_yes_no_0, "models/yes_no.c", "--strategy bounded --preemption-bound 0", 0, "", 2)
WT_MODEL(bpor_yes_no_1, "models/yes_no.c", "--strategy bounded --preemption-bound 1", 0, "", 3)
WT_MODEL(bpor_yes_no_all, "models/yes_no.c", "--strategy bounded --preemption-bound 5", 0, "", 3)
WT_MODEL(bpor_deadlock, "models/deadlock_ab_ba.c", "--strategy bounded", 1, "deadlock", 3)
WT_MODEL(bpor_deadlock_0, "models/deadlock_ab_ba.c", "--strategy bounded --preemption-bound 0", 1, "lock_order", 2)
WT_MODEL(pct_deadlock_d2, "models/deadlock_ab_ba.c", "--strategy pct --depth 2 --seed 1 --max-executions 2000", 1, "deadlock", 13)
WT_MODEL(pct_deadlock_d2_s2, "models/deadlock_ab_ba.c", "--strategy pct --depth 2 --seed 2 --max-executions 2000", 1, "deadlock", 2)
