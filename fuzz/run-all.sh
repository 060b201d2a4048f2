#!/bin/bash
# Runs the fuzz targets one after another on one core (core 1), each for its
# own time budget: RUNS="yaml:600 markdown:600 when:600" by default.
# Crashing inputs are copied to regressions/<target>/, which
# tests/hardening.rs (fuzz_regressions_replay) replays on every `cargo test`.
cd "$(dirname "$0")"
mkdir -p logs
RUNS=${RUNS:-"yaml:600 markdown:600 when:600"}
# Wait for a build started elsewhere, if any.
while [ -n "$WAIT_PID" ] && kill -0 "$WAIT_PID" 2>/dev/null; do sleep 2; done
cargo +nightly fuzz build >> logs/build.log 2>&1 || { echo BUILD FAILED >> logs/build.log; exit 1; }
for run in $RUNS; do
  t=${run%%:*}; secs=${run##*:}
  mkdir -p regressions/$t corpus/$t
  echo "start $(date -u +%T) for ${secs}s" > logs/$t.log
  taskset -c 1 cargo +nightly fuzz run $t -- -max_total_time=$secs -rss_limit_mb=4096 -timeout=10 -print_final_stats=1 >> logs/$t.log 2>&1
  echo "exit $? at $(date -u +%T)" >> logs/$t.log
  for f in artifacts/$t/crash-* artifacts/$t/timeout-* artifacts/$t/oom-* artifacts/$t/leak-* artifacts/$t/slow-unit-*; do
    [ -e "$f" ] && cp "$f" regressions/$t/
  done
done
echo "ALL DONE $(date -u +%T)" > logs/done
