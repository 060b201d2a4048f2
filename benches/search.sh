#!/usr/bin/env bash
# Search at scale, in one run: on generated sites built on /dev/shm, the build
# (wall time, CPU, peak memory), the search index alone and its share of the
# build (examples/search_index.rs), the index's files, and in headless Chromium
# the bytes a first and a second query fetch and the time from Enter to
# results (benches/search.mjs), with the site served by a plain static server
# that compresses nothing.
#
#   benches/search.sh                                  # 10,000 and 100,000 questions
#   SIZES=10000 RUNS=1 benches/search.sh
#   BASELINE_BIN=/path/to/older/afspraak benches/search.sh   # also time that build
#
# Needs GNU time, python3, node with playwright-core (npm ci) and chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"10000 100000"}
RUNS=${RUNS:-3}
SHM_DIR=${SHM_DIR:-/dev/shm/afspraak-search-bench}
PORT=${PORT:-8741}
FIRST=${FIRST:-bomen}
SECOND=${SECOND:-lantaarnpaal wijkagent}
BIN=target/release/afspraak

cargo build --release --quiet
cargo build --release --quiet --example generate_site --example search_index
mkdir -p "$SHM_DIR"

# Runs a command RUNS times; prints "wall user+sys peak_kb" of the fastest run.
measure() {
    local best="" line
    for _ in $(seq "$RUNS"); do
        line=$( (/usr/bin/time -f "TIME %e %U %S %M" "$@" >/dev/null) 2>&1 | grep '^TIME' | tail -1)
        read -r _ wall user sys kb <<<"$line"
        cpu=$(awk "BEGIN { print $user + $sys }")
        if [ -z "$best" ] || awk "BEGIN { exit !($wall < ${best%% *}) }"; then
            best="$wall $cpu $kb"
        fi
    done
    echo "$best"
}

for n in $SIZES; do
    site="$SHM_DIR/site-$n"
    out="$SHM_DIR/out-$n"
    target/release/examples/generate_site --questions "$n" --out "$site" >/dev/null
    if [ -n "${BASELINE_BIN:-}" ]; then
        rm -rf "$out"
        read -r wall cpu kb <<<"$(measure "$BASELINE_BIN" build --root "$site" --output "$out" --allow-dropped-urls)"
        printf '%-8s build (baseline %s): %s s wall, %s s CPU, %d MiB peak\n' "$n" "$BASELINE_BIN" "$wall" "$cpu" $((kb / 1024))
    fi
    rm -rf "$out"
    read -r wall cpu kb <<<"$(measure "$BIN" build --root "$site" --output "$out" --allow-dropped-urls)"
    printf '%-8s build: %s s wall, %s s CPU, %d MiB peak\n' "$n" "$wall" "$cpu" $((kb / 1024))
    index=$(target/release/examples/search_index "$site" "$RUNS")
    secs=${index%% s*}
    printf '%-8s search index alone: %s (%s %% of the build)\n' "$n" "$index" \
        "$(awk "BEGIN { printf \"%.1f\", 100 * $secs / $wall }")"
    files=$(find "$out/zoeken/index" -type f | wc -l)
    bytes=$(du -sb "$out/zoeken/index" | cut -f1)
    largest=$(find "$out/zoeken/index" -type f -printf '%s\n' | sort -n | tail -1)
    printf '%-8s index files: %s, %s bytes in all, the largest %s bytes\n' "$n" "$files" "$bytes" "$largest"
    python3 -m http.server "$PORT" --bind 127.0.0.1 -d "$out" >/dev/null 2>&1 &
    server=$!
    sleep 1
    for _ in $(seq "$RUNS"); do
        node benches/search.mjs "http://127.0.0.1:$PORT" "$FIRST" "$SECOND" | sed "s/^/$n  /"
    done
    kill "$server"
    wait "$server" 2>/dev/null || true
done
