#!/usr/bin/env bash
# Long runs of the generated-input tests (plugin readers, the anonymiser, the
# form parsers: each an ignored test named
# `fuzz_for_a_while`): FUZZ_SECONDS each (600 unless set). A failure prints its
# seed; FUZZ_SEED=<seed> scripts/fuzz.sh replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
export FUZZ_SECONDS="${FUZZ_SECONDS:-600}"
cargo test --release -p myochart --lib --test core fuzz_for_a_while -- --ignored --nocapture --test-threads 1
