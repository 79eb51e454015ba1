/*
** lib_check.c: weft_check() from a user's own C test program, as a test
** suite would use it. The models live in this program; it is compiled with
** -fsanitize=thread (memory visible to weft) and linked against libweft.so
** without it. Prints one line per check; the runner compares them.
*/
#include <stdio.h>
#include <string.h>
#include <weft.h>

static int total;

static void add(int n)
{
    int t = total;
    total = t + n;
}

static int racy_model(void)
{
    total = 0;   /* with the static library, globals are the model's to reset */
    weft_thread *a = weft_spawn(add, "i", 1), *b = weft_spawn(add, "i", 2);
    weft_join(a);
    weft_join(b);
    weft_assert(total == 3, "total is %d", total);
    return 0;
}

int __VERIFIER_nondet_int(void);

/* the bug needs the nondet value 2, which --nondet-domain 2 leaves out */
static int nondet_model(void)
{
    int v = __VERIFIER_nondet_int();
    weft_assert(v != 2, "v is %d", v);
    return 0;
}

static int locked_model(void)
{
    weft_lock *l = weft_lock_new("l");
    weft_lock_acquire(l);
    weft_lock_release(l);
    return 0;
}

int main(void)
{
    weft_result r;
    int v = weft_check(racy_model, "--no-races", &r);
    printf("racy: verdict=%d kind=%s executions=%ld token=%s\n", v, r.kind, r.executions,
           (strncmp(r.schedule, "w1.", 3) == 0 || strncmp(r.schedule, "w2.", 3) == 0) ? "yes" : "no");
    char opts[4200];
    snprintf(opts, sizeof opts, "--replay %s", r.schedule);
    v = weft_check(racy_model, opts, &r);
    printf("replay: verdict=%d kind=%s\n", v, r.kind);
    v = weft_check(locked_model, "", &r);
    printf("locked: verdict=%d executions=%ld complete=%d\n", v, r.executions, r.complete);
    v = weft_check(nondet_model, "", &r);
    printf("nondet: verdict=%d kind=%s executions=%ld\n", v, r.kind, r.executions);
    v = weft_check(nondet_model, "--nondet-domain 2", &r);
    printf("nondet domain 2: verdict=%d executions=%ld\n", v, r.executions);
    v = weft_check(nondet_model, "--nondet-domain two", &r);
    printf("nondet domain two: verdict=%d\n", v);
    /* bounded runs DPOR (its schedules ignore fairness: the token says so) */
    v = weft_check(racy_model, "--no-races --strategy bounded --preemption-bound 1", &r);
    printf("bounded: verdict=%d kind=%s executions=%ld token=%.3s\n", v, r.kind, r.executions,
           r.schedule);
    snprintf(opts, sizeof opts, "--replay %s", r.schedule);
    v = weft_check(racy_model, opts, &r);
    printf("bounded replay: verdict=%d kind=%s\n", v, r.kind);
    /* --jobs: the helpers are processes too, forked from this program */
    v = weft_check(racy_model, "--no-races --strategy dfs", &r);
    printf("dfs: verdict=%d kind=%s executions=%ld\n", v, r.kind, r.executions);
    v = weft_check(racy_model, "--no-races --strategy dfs --jobs 2", &r);
    printf("dfs --jobs 2: verdict=%d kind=%s executions=%ld\n", v, r.kind, r.executions);
    v = weft_check(racy_model, "--jobs 2", &r);
    printf("dpor --jobs 2: verdict=%d message=%s\n", v, r.message);
    v = weft_check(locked_model, "--bogus", &r);
    printf("bad option: verdict=%d message=%s\n", v, r.message);
    return 0;
}
