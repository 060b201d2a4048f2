#!/usr/bin/env bash
# Whole-process benchmark of `afspraak check` and `afspraak build` on generated
# sites, with the floor measured in the same run: the time a trivial program
# takes to write the same files to the same folder.
#
#   benches/build.sh                          # 1,000, 10,000, 50,000 and 100,000 questions
#   SIZES="1000 10000" RUNS=1 benches/build.sh
#
# Per size it prints wall and CPU time and peak memory of check and build
# (output on the ordinary disk and on /dev/shm), pages per second, the time of
# each stage (load, validate, render, write) and the floor. Best of RUNS runs.
# Then, per size, on /dev/shm: the same site in two languages (and the ratio to
# one), and a rebuild without changes (and how many files it rewrote).
# Needs GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000 10000 50000 100000"}
RUNS=${RUNS:-3}
DISK_DIR=${DISK_DIR:-/tmp/afspraak-bench}
SHM_DIR=${SHM_DIR:-/dev/shm/afspraak-bench}
BIN=target/release/afspraak

cargo build --release --quiet
cargo build --release --quiet --example generate_site
cargo build --release --quiet --example write_floor
GENERATE=target/release/examples/generate_site
FLOOR=target/release/examples/write_floor
mkdir -p "$DISK_DIR" "$SHM_DIR"

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

printf '%-8s %-7s %-10s %8s %8s %9s %10s\n' questions stage target wall_s cpu_s peak_MiB pages/s
for n in $SIZES; do
    site="$DISK_DIR/site-$n"
    "$GENERATE" --questions "$n" --out "$site" >/dev/null
    read -r wall cpu kb <<<"$(measure "$BIN" check --root "$site")"
    printf '%-8s %-7s %-10s %8s %8s %9d\n' "$n" check - "$wall" "$cpu" $((kb / 1024))
    for target in disk shm; do
        if [ $target = disk ]; then out="$DISK_DIR/out-$n"; else out="$SHM_DIR/out-$n"; fi
        rm -rf "$out"
        read -r wall cpu kb <<<"$(measure "$BIN" build --root "$site" --output "$out" --allow-dropped-urls)"
        pages=$(find "$out" -name '*.html' | wc -l)
        pps=$(awk "BEGIN { printf \"%d\", $pages / ($wall > 0 ? $wall : 0.01) }")
        printf '%-8s %-7s %-10s %8s %8s %9d %10s\n' "$n" build "$target" "$wall" "$cpu" $((kb / 1024)) "$pps"
        best_floor=""
        for _ in $(seq "$RUNS"); do
            f=$("$FLOOR" "$out" "$out-floor" 2>/dev/null)
            if [ -z "$best_floor" ] || awk "BEGIN { exit !($f < $best_floor) }"; then best_floor=$f; fi
        done
        printf '%-8s %-7s %-10s %8s\n' "$n" floor "$target" "$best_floor"
        rm -rf "$out-floor"
    done
    echo "stages ($n questions, /dev/shm; render includes writing each file as it is made,"
    echo "        write is the time spent writing, summed over threads, plus the swap):"
    rm -rf "$SHM_DIR/stages"
    "$BIN" build --root "$site" --output "$SHM_DIR/stages" --timings 2>&1 | grep -E '^ +(load|validate|render|write):' | sed 's/^/  /'

    # Nothing changed: no file may be rewritten (each keeps its modification time).
    marker="$SHM_DIR/before-rebuild"
    touch "$marker"
    sleep 1
    read -r wall cpu kb <<<"$(measure "$BIN" build --root "$site" --output "$SHM_DIR/stages")"
    rewritten=$(find "$SHM_DIR/stages" -type f -newer "$marker" | wc -l)
    total=$(find "$SHM_DIR/stages" -type f | wc -l)
    printf '%-8s %-7s %-10s %8s %8s %9d   %s of %s files rewritten\n' "$n" rebuild shm "$wall" "$cpu" $((kb / 1024)) "$rewritten" "$total"
    rm -rf "$SHM_DIR/stages" "$marker"

    # Both languages against one.
    two="$DISK_DIR/site-$n-2l"
    rm -rf "$two"
    cp -r "$site" "$two"
    sed -i 's/^base_url.*/&\nlanguages = ["nl", "en"]/' "$two/site.toml"
    rm -rf "$SHM_DIR/out-$n"
    read -r one_wall _ _ <<<"$(measure "$BIN" build --root "$site" --output "$SHM_DIR/out-$n" --allow-dropped-urls)"
    rm -rf "$SHM_DIR/out-$n"
    read -r wall cpu kb <<<"$(measure "$BIN" build --root "$two" --output "$SHM_DIR/out-$n" --allow-dropped-urls)"
    ratio=$(awk "BEGIN { printf \"%.2f\", $wall / $one_wall }")
    printf '%-8s %-7s %-10s %8s %8s %9d   %sx one language (%s s)\n' "$n" nl+en shm "$wall" "$cpu" $((kb / 1024)) "$ratio" "$one_wall"
    rm -rf "$two" "$DISK_DIR/out-$n" "$SHM_DIR/out-$n"
done
