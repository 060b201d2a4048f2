#!/bin/bash
# Builds the fuzz targets with the stable toolchain, as `cargo fuzz build`
# would but without AddressSanitizer (which needs nightly; the crate forbids
# unsafe code, so it finds little here): libFuzzer's coverage
# instrumentation only. The binaries land where run-direct.sh looks.
cd "$(dirname "$0")"
RUSTFLAGS="--cfg fuzzing -Cpasses=sancov-module \
 -Cllvm-args=-sanitizer-coverage-level=4 \
 -Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
 -Cllvm-args=-sanitizer-coverage-pc-table \
 -Cllvm-args=-sanitizer-coverage-trace-compares \
 -Cdebug-assertions -Coverflow-checks" \
  cargo build --release --target x86_64-unknown-linux-gnu --bins "$@"
