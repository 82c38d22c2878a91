#!/usr/bin/env bash
# `make bench-app`: Myochart's start-up and memory against a bare Tauri v2
# window (benches/bare-window), both built in release here, launched in turn
# under one Xvfb; scripts/bench-app.py makes the databases, measures and
# prints the table. BENCH_RUNS launches of each (default 15). A benchmark, not a
# test: it asserts nothing and `make test` doesn't run it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export PATH="$HOME/.cargo/bin:$PATH"
target="${CARGO_TARGET_DIR:-$PWD/target}"
export CARGO_TARGET_DIR="$target"

# The yardstick must be the app's own tauri.
tauri_of() { grep -A1 '^name = "tauri"$' "$1" | sed -n 's/^version = //p'; }
if [ "$(tauri_of Cargo.lock)" != "$(tauri_of benches/bare-window/Cargo.lock)" ]; then
  echo "benches/bare-window is on tauri $(tauri_of benches/bare-window/Cargo.lock), the app on" \
    "$(tauri_of Cargo.lock): run \`cargo update -p tauri --precise ...\` in benches/bare-window" >&2
  exit 1
fi

(cd ui && npm run --silent build)
cargo build --release --locked -p myochart-app -p myochart --bins
cargo build --release --locked --manifest-path benches/bare-window/Cargo.toml

work="$target/bench-app"
mkdir -p "$work"
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb"' EXIT
sleep 1
DISPLAY="$display" python3 scripts/bench-app.py --runs "${BENCH_RUNS:-15}" --work "$work" \
  --app "$target/release/myochart-app" --cli "$target/release/myochart" \
  --bare "$target/release/bare-window"
