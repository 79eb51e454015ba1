#!/bin/sh
# The benchmark tables: figures measured side by side in one run, never
# assertions. Markdown, to paste into docs/bench.md.
# Usage: sh tests/bench.sh BUILD_DIR
#   BENCH_CAP      cap on the executions of one run (default 500000)
#   BENCH_MEMORY   the DPOR memory series' sizes (default "10000 100000 1000000")
set -e
B=${1:-build}
CAP=${BENCH_CAP:-500000}
MEMORY=${BENCH_MEMORY:-"10000 100000 1000000"}
TINY=${BENCH_EXECUTIONS:-200000}
json_num() { sed -n "s/.*\"$1\": \([0-9.]*\).*/\1/p"; }
json_str() { sed -n "s/.*\"$1\": \"\([a-z_]*\)\".*/\1/p"; }

# run BIN STRATEGY CAP MODEL ARGS...: one JSON object
run() {
    bin=$1 strat=$2 cap=$3
    shift 3
    "$bin" check --json --strategy "$strat" --max-executions "$cap" "$@" 2>/dev/null || true
}

# ratio BASE_JSON JSON: how the search of JSON compares with the baseline's
# on the same model, two cells: "Nx fewer" executions (">= Nx fewer" where
# the baseline was capped and JSON's search was not: the baseline's count
# is then a lower bound; "-" where both were capped), and the cost of one
# execution against one of the baseline's (the ratio of their executions/s;
# "-" below 1000 executions, where the worker's start is most of the time).
ratio() {
    b_ex=$(echo "$1" | json_num executions)
    b_eps=$(echo "$1" | json_num executions_per_second)
    ex=$(echo "$2" | json_num executions)
    eps=$(echo "$2" | json_num executions_per_second)
    awk -v bex="$b_ex" -v ex="$ex" -v cap="$CAP" -v beps="$b_eps" -v eps="$eps" 'BEGIN {
        if (ex > 0 && bex < cap) f = sprintf("%.0fx fewer", bex / ex)
        else if (ex > 0 && ex < cap) f = sprintf(">= %.0fx fewer", bex / ex)
        else f = "-"
        if (ex >= 1000 && bex >= 1000 && eps > 0) c = sprintf("%.2fx", beps / eps)
        else c = "-"
        printf "%s | %s", f, c }'
}

row() {   # row LABEL STRATEGY JSON [BASE_JSON]
    out=$3
    ex=$(echo "$out" | json_num executions)
    verdict=$(echo "$out" | json_str verdict)
    kind=$(echo "$out" | sed -n 's/.*"findings": \[{"kind": "\([a-z_]*\)".*/\1/p')
    if [ "$verdict" = incomplete ] && [ "$ex" = "$CAP" ]; then
        state="capped at $CAP"
    elif [ "$verdict" = bug ]; then
        state="bug: $kind"
    else
        state=$verdict
    fi
    if [ -n "$4" ]; then vs=$(ratio "$4" "$out"); else vs="- | -"; fi
    printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n" "$1" "$2" "$ex" "$state" \
        "$(echo "$out" | json_num seconds)" "$(echo "$out" | json_num executions_per_second)" \
        "$(echo "$out" | json_num events_per_second)" "$(echo "$out" | json_num peak_rss_kib)" "$vs"
}

echo "## weft benchmark ($(nproc) cores, $(date -u +%Y-%m-%d), $("$B/weft" --version))"
echo
echo "Executions per model and strategy, capped at $CAP executions per run."
echo "peak KiB: the worker process's peak resident memory. vs dfs: DPOR's"
echo "executions against the DFS's, and what one of its executions costs"
echo "against one of the DFS's (their executions/s)."
echo
echo "| model | strategy | executions | verdict | seconds | executions/s | events/s | peak KiB | executions vs dfs | cost per execution vs dfs |"
echo "|---|---|---:|---|---:|---:|---:|---:|---:|---:|"
while read -r label args; do
    [ -n "$label" ] || continue
    # shellcheck disable=SC2086
    dfs=$(run "$B/weft" dfs "$CAP" $args)
    row "$label" dfs "$dfs"
    # shellcheck disable=SC2086
    row "$label" dpor "$(run "$B/weft" dpor "$CAP" $args)" "$dfs"
done <<EOF
counter_lock(N=2) tests/bench/counter_lock.c -DN=2
counter_lock(N=3,ITERS=3) tests/bench/counter_lock.c -DN=3 -DITERS=3
readers_writer(N=2) tests/bench/readers_writer.c -DN=2
readers_writer(N=8) tests/bench/readers_writer.c -DN=8
philosophers(N=3) tests/bench/philosophers.c -DN=3
fib(NUM=2) tests/bench/fib.c -DNUM=2
fib(NUM=5) tests/bench/fib.c -DNUM=5
indexer(N=2) tests/bench/indexer.c -DN=2
indexer(N=13) tests/bench/indexer.c -DN=13
tiny tests/bench/tiny.c
events100 tests/bench/events100.c
EOF

echo
echo "Bounded search, --preemption-bound 2: every schedule within the bound"
echo "(--no-dpor) and bounded partial-order reduction (the default):"
echo
echo "| model | search | executions | verdict | seconds | executions/s | events/s | peak KiB | executions vs --no-dpor | cost per execution vs --no-dpor |"
echo "|---|---|---:|---|---:|---:|---:|---:|---:|---:|"
while read -r label args; do
    [ -n "$label" ] || continue
    # shellcheck disable=SC2086
    all=$(run "$B/weft" bounded "$CAP" --no-dpor --preemption-bound 2 $args)
    row "$label" "bounded --no-dpor" "$all"
    # shellcheck disable=SC2086
    row "$label" "bounded" "$(run "$B/weft" bounded "$CAP" --preemption-bound 2 $args)" "$all"
done <<EOF
counter_lock(N=3,ITERS=3) tests/bench/counter_lock.c -DN=3 -DITERS=3
readers_writer(N=8) tests/bench/readers_writer.c -DN=8
philosophers(N=3) tests/bench/philosophers.c -DN=3
fib(NUM=5) tests/bench/fib.c -DNUM=5
indexer(N=13) tests/bench/indexer.c -DN=13
EOF

echo
echo "The DFS on several processes (--jobs): the same executions and the same"
echo "output as one process, on $(nproc) cores. speedup: against --jobs 1 on the"
echo "same model; helpers ran: the executions the helpers ran (the worker ran"
echo "the rest), which depends on timing."
echo
echo "| model | jobs | executions | verdict | seconds | executions/s | speedup | helpers ran |"
echo "|---|---:|---:|---|---:|---:|---:|---:|"
JOBS="1 2"
[ "$(nproc)" -gt 2 ] && JOBS="$JOBS $(nproc)"
while read -r label cap args; do
    [ -n "$label" ] || continue
    base=
    for j in $JOBS; do
        # shellcheck disable=SC2086
        out=$("$B/weft" check --json --strategy dfs --max-executions "$cap" --jobs "$j" -v $args \
              2>"$B/bench-jobs.err" || true)
        helped=$(sed -n 's/.*the helpers ran \([0-9]*\) of.*/\1/p' "$B/bench-jobs.err")
        eps=$(echo "$out" | json_num executions_per_second)
        [ -n "$base" ] || base=$eps
        ex=$(echo "$out" | json_num executions)
        verdict=$(echo "$out" | json_str verdict)
        [ "$verdict" = incomplete ] && [ "$ex" = "$cap" ] && verdict="capped at $cap"
        printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n" "$label" "$j" "$ex" "$verdict" \
            "$(echo "$out" | json_num seconds)" "$eps" \
            "$(awk -v a="$eps" -v b="$base" 'BEGIN { if (b > 0) printf "%.2fx", a / b }')" \
            "${helped:-0}"
    done
done <<EOF
tiny $CAP tests/bench/tiny.c
events100 $CAP tests/bench/events100.c
counter_lock(N=2) $CAP tests/bench/counter_lock.c -DN=2
fib(NUM=2) $CAP tests/bench/fib.c -DNUM=2
readers_writer(N=8) $CAP tests/bench/readers_writer.c -DN=8
philosophers(N=3) $CAP tests/bench/philosophers.c -DN=3
EOF
rm -f "$B/bench-jobs.err"

echo
echo "DPOR's peak memory against the number of executions (events100):"
echo
echo "| executions | seconds | peak KiB |"
echo "|---:|---:|---:|"
for n in $MEMORY; do
    out=$(run "$B/weft" dpor "$n" tests/bench/events100.c)
    printf "| %s | %s | %s |\n" "$(echo "$out" | json_num executions)" \
        "$(echo "$out" | json_num seconds)" "$(echo "$out" | json_num peak_rss_kib)"
done

echo
echo "Coroutine backends: a context switch (ping-pong, median of 3), and the"
echo "tiny model under dfs, $TINY executions:"
echo
echo "| backend | ns/switch | tiny executions/s | tiny events/s | tiny --no-races executions/s | tiny_tls --no-races executions/s |"
echo "|---|---:|---:|---:|---:|---:|"
ratios=
for pair in "$B/bench-switch $B/weft" "$B/ucontext/bench-switch $B/weft-ucontext"; do
    set -- $pair
    runs=$("$1"; "$1"; "$1")
    name=$(echo "$runs" | head -1 | cut -d' ' -f1)
    ns=$(echo "$runs" | cut -d' ' -f2 | sort -n | sed -n 2p)
    out=$(run "$2" dfs "$TINY" tests/bench/tiny.c)
    nr=$(run "$2" dfs "$TINY" tests/bench/tiny.c --no-races)
    tls=$(run "$2" dfs "$TINY" tests/bench/tiny_tls.c --no-races)
    printf "| %s | %s | %s | %s | %s | %s |\n" "$name" "$ns" \
        "$(echo "$out" | json_num executions_per_second)" "$(echo "$out" | json_num events_per_second)" \
        "$(echo "$nr" | json_num executions_per_second)" "$(echo "$tls" | json_num executions_per_second)"
    ratios="$ratios $ns $(echo "$out" | json_num executions_per_second)"
done
# shellcheck disable=SC2086
set -- $ratios
awk -v ns1="$1" -v e1="$2" -v ns2="$3" -v e2="$4" 'BEGIN {
    if (ns1 > 0 && e2 > 0)
        printf "| ucontext against asm | %.1fx | %.2fx fewer | | | |\n", ns2 / ns1, e1 / e2 }'
