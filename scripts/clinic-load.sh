#!/usr/bin/env bash
# The issue's minute: 20 writers on one clinic for 60 seconds
# (tests/core/clinic_load.rs), against a throwaway PostgreSQL server
# (scripts/with-postgres.sh). `make test` runs the same test for 5 seconds.
# MYOCHART_LOAD_SECONDS overrides the length. Prints what the writers did.
set -euo pipefail
cd "$(dirname "$0")/.."
export MYOCHART_LOAD_SECONDS="${MYOCHART_LOAD_SECONDS:-60}"
scripts/with-postgres.sh cargo test -p myochart --locked --test core clinic_load -- --nocapture
