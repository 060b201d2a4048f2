#!/usr/bin/env bash
# Times `afspraak check` (release build) on generated sites of 10,000 and
# 100,000 questions: wall-clock time and peak memory, best of RUNS runs.
# Target: 10,000 questions in under 1 s on 2 cores.
#
#   benches/check.sh                 # 10k and 100k
#   SIZES="10000" RUNS=5 benches/check.sh
#
# Needs GNU time (/usr/bin/time). Sites go to $BENCH_DIR (/tmp).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"10000 100000"}
RUNS=${RUNS:-3}
BENCH_DIR=${BENCH_DIR:-/tmp}
BIN=target/release/afspraak

cargo build --release --quiet
cargo build --release --quiet --example generate_site

# Two cores, as in the target, where taskset is available.
pin=()
if command -v taskset >/dev/null && [ "$(nproc)" -gt 2 ]; then
    pin=(taskset -c 0,1)
fi

rows=()
for n in $SIZES; do
    site="$BENCH_DIR/afspraak-bench-$n"
    target/release/examples/generate_site --questions "$n" --out "$site" >/dev/null
    files=$(find "$site/content" -type f | wc -l)
    size=$(du -sm "$site/content" | cut -f1)
    best_wall="" best_rss=""
    for _ in $(seq "$RUNS"); do
        log=$(mktemp)
        status=0
        "${pin[@]}" /usr/bin/time -v "$BIN" check --root "$site" --format json \
            >/dev/null 2>"$log" || status=$?
        if [ "$status" -ne 0 ]; then
            echo "check failed on $site (exit $status):" >&2
            "$BIN" check --root "$site" | head -40 >&2 || true
            exit 1
        fi
        # "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:00.42"
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" |
            awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }')
        rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log")
        rm -f "$log"
        if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then
            best_wall=$wall
        fi
        if [ -z "$best_rss" ] || [ "$rss" -lt "$best_rss" ]; then
            best_rss=$rss
        fi
    done
    rows+=("$(printf '| %9s | %6s | %7s | %7s | %8s |' "$n" "$files" "$size MB" "$best_wall s" "$best_rss MB")")
done

echo
echo "afspraak check, release build, $(nproc) cores available${pin:+, pinned to 2}, best of $RUNS"
echo
echo "| questions |  files | content |    wall | peak RSS |"
echo "|----------:|-------:|--------:|--------:|---------:|"
printf '%s\n' "${rows[@]}"
