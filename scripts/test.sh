#!/usr/bin/env bash
# Every check and test: formatting, clippy, the Rust tests (which also regenerate the
# TypeScript bindings), the UI's type-check and unit tests, and the end-to-end suite
# in the real window under Xvfb, and the .deb installed, tried and removed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

# A full disk shows up much later as a linker "Bus error"; say up front how much is free.
step "free disk space"
df -h . | tail -n 1

step "format"
cargo fmt --all --check

step "front end build (the app embeds ui/dist)"
(cd ui && npm run --silent build)

step "clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Rust tests (the clinic's against a throwaway PostgreSQL server)"
scripts/with-postgres.sh cargo test --workspace --locked

step "TypeScript bindings are the ones the Rust types generate"
if git rev-parse --git-dir >/dev/null 2>&1; then
  if [ -n "$(git status --porcelain -- ui/src/bindings)" ]; then
    git status --short -- ui/src/bindings
    echo "ui/src/bindings differ from the Rust types: commit the regenerated files." >&2
    exit 1
  fi
fi

step "UI type-check"
(cd ui && npm run --silent check)

step "UI unit tests"
(cd ui && npm test --silent)

step "end-to-end (real app, Xvfb, tauri-driver)"
cargo build -p myochart-app -p myochart -p myochart-plugin-hand-detail -p myochart-plugin-met-rom --bins --lib --locked
# The clinic test needs a PostgreSQL server.
scripts/with-postgres.sh node --test --test-concurrency=1 tests/e2e/

step "packages: the .deb installs, its CLI and window work, and it removes cleanly"
scripts/package-test.sh
