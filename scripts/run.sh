#!/usr/bin/env bash
# Builds and starts Myochart on its SQLite database (in the OS app-data folder, or
# --db PATH / MYOCHART_DB). Extra arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  cat >&2 <<'TXT'
Myochart is a desktop app and there is no display here (DISPLAY and WAYLAND_DISPLAY are unset).
Run it on a desktop, or under a virtual display:
    Xvfb :99 -screen 0 1280x900x24 &  DISPLAY=:99 make run
and take a screenshot with:  DISPLAY=:99 import -window root shot.png
TXT
  exit 1
fi

(cd ui && npm run --silent build)
cargo build -p myochart-app -p myochart --bins
exec target/debug/myochart-app "$@"
