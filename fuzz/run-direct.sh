#!/bin/bash
# Runs already-built fuzz binaries one after another on core 1, without
# rebuilding (use when src/ changes under a long run). Build first with
# `cargo +nightly fuzz build` or build-stable.sh. RUNS="yaml:600 markdown:600 when:600";
# FLAGS adds libFuzzer flags (a later flag wins: FLAGS=-rss_limit_mb=512).
cd "$(dirname "$0")"
mkdir -p logs
BIN=target/x86_64-unknown-linux-gnu/release
for run in ${RUNS:-"yaml:600 markdown:600 when:600"}; do
  t=${run%%:*}; secs=${run##*:}
  mkdir -p regressions/$t corpus/$t artifacts/$t
  echo "start $(date -u +%T) for ${secs}s" > logs/$t.log
  ASAN_OPTIONS=detect_odr_violation=0 taskset -c 1 $BIN/$t -artifact_prefix=artifacts/$t/ \
    -max_total_time=$secs -rss_limit_mb=4096 -timeout=10 -print_final_stats=1 $FLAGS corpus/$t >> logs/$t.log 2>&1
  echo "exit $? at $(date -u +%T)" >> logs/$t.log
  for f in artifacts/$t/*; do
    [ -e "$f" ] && cp "$f" regressions/$t/
  done
done
echo "ALL DONE $(date -u +%T)" > logs/done
