#!/usr/bin/env bash
# The editing loop of `afspraak serve` on a generated site (default 10,000
# questions): a browser (headless Chromium) has a question page open; the
# script saves an edit to that question's contract file and measures how long
# until the browser shows it, then a broken edit until the error overlay shows,
# then the fix. Target: an edit visible within 150 ms of the save.
#
#   benches/serve.sh                   # 10,000 questions
#   QUESTIONS=50000 benches/serve.sh
#
# Needs node with `npm ci` done, and /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

QUESTIONS=${QUESTIONS:-10000}
SITE=${SITE:-/tmp/afspraak-serve-bench-$QUESTIONS}
PORT=${PORT:-18181}

cargo build --release --quiet
cargo build --release --quiet --example generate_site
target/release/examples/generate_site --questions "$QUESTIONS" --out "$SITE" >/dev/null
contract=$(find "$SITE/content/contracts" -name '*.yaml' | sort | head -1)
neighbourhood=$(basename "$(dirname "$contract")")
year=$(basename "$contract" .yaml)
title=$(grep -m1 '^    title:' "$contract" | sed 's/^    title: //')

target/release/afspraak serve --root "$SITE" --port "$PORT" 2>/tmp/afspraak-serve-bench.log &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 200); do
    grep -q "serving the site" /tmp/afspraak-serve-bench.log && break
    sleep 0.1
done
echo "serve started: $(grep -c . /tmp/afspraak-serve-bench.log) log lines; site of $QUESTIONS questions"
for run in 1 2 3; do
    node tests/browser/serve.mjs "http://127.0.0.1:$PORT/wijken/$neighbourhood/$year/1/" "$contract" \
        "$title" "Bewerkte titel $run" | sed "s/^/run $run: /"
    title="Bewerkte titel $run"
done
echo "server log (rebuild times):"
grep -E "rebuilt|failed" /tmp/afspraak-serve-bench.log | sed 's/^/  /'
