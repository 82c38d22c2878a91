#!/usr/bin/env bash
# A long run of the crash test: a writer killed (SIGKILL) in the middle of its
# writes CRASH_ROUNDS times (2000 unless set) on one database file, checking
# after each kill that every write that returned is there and the file opens
# clean. `make test` runs 100 rounds.
set -euo pipefail
cd "$(dirname "$0")/.."
export CRASH_ROUNDS="${CRASH_ROUNDS:-2000}"
cargo test --release -p myochart --test core crash::every_write -- --nocapture
