#!/bin/sh
# The benchmark table: figures measured side by side in one run, never
# assertions. Usage: sh tests/bench.sh BUILD_DIR
set -e
B=${1:-build}
N=${BENCH_EXECUTIONS:-200000}
json_num() { sed -n "s/.*\"$1\": \([0-9.]*\).*/\1/p"; }
echo "weft benchmark ($(nproc) cores, $(date -u +%Y-%m-%d))"
echo
echo "coroutine switch (ping-pong, median of 3):"
for bin in "$B/bench-switch" "$B/ucontext/bench-switch"; do
    runs=$("$bin"; "$bin"; "$bin")
    name=$(echo "$runs" | head -1 | cut -d' ' -f1)
    ns=$(echo "$runs" | cut -d' ' -f2 | sort -n | sed -n 2p)
    printf "  %-12s %8s ns/switch\n" "$name" "$ns"
done
echo
printf "%-28s %-12s %10s %8s %12s\n" model backend executions seconds "exec/s"
for model in "tests/bench/tiny.c --no-races" "tests/bench/tiny.c" "tests/bench/tiny_tls.c --no-races"; do
    for bin in "$B/weft" "$B/weft-ucontext"; do
        backend=$("$bin" --version | sed 's/.*coroutines: \(.*\))/\1/')
        out=$("$bin" check --json --max-executions "$N" $model 2>/dev/null || true)
        ex=$(echo "$out" | json_num executions)
        s=$(echo "$out" | json_num seconds)
        rate=$(echo "$out" | json_num executions_per_second)
        label=$(echo "$model" | sed 's|tests/bench/||')
        printf "%-28s %-12s %10s %8s %12s\n" "$label" "$backend" "$ex" "$s" "$rate"
    done
done
