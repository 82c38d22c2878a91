#!/usr/bin/env bash
# Installs what this machine is missing to run Myochart (`setup.sh run`) or to run
# every test (`setup.sh test`): Debian packages, the UI's npm packages, and for
# tests tauri-driver. Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
purpose=${1:-run}

# Building and running a Tauri v2 app on Debian 12; the Noto fonts print the scripts
# the app doesn't bundle (Bengali, Tamil, Chinese, Japanese, Korean...).
packages=(build-essential pkg-config file libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev
  libayatana-appindicator3-dev libxdo-dev libssl-dev fonts-noto-core fonts-noto-cjk)
if [ "$purpose" = test ]; then
  # Headless window, its WebDriver, screenshots and PDF tools, sqlite3 (to show
  # an encrypted database is unreadable to it), and X11 for
  # Python (tests/e2e/close-window.py presses the window's close button), and
  # the PostgreSQL server the clinic tests start, with a TLS certificate made
  # by openssl (scripts/with-postgres.sh).
  packages+=(xvfb webkit2gtk-driver imagemagick poppler-utils python3-xlib sqlite3 postgresql
    openssl)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
fi

# The UI's packages, exactly as locked.
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  (cd ui && npm ci --no-audit --no-fund)
fi

if [ "$purpose" = test ] && ! command -v tauri-driver >/dev/null; then
  cargo install tauri-driver --locked --version '^2'
fi
