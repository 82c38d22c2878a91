#!/usr/bin/env bash
# Builds the .deb of the debug build (scripts/package.sh --debug) and tries it on this machine as a user
# would: installs it with its dependencies, runs the installed CLI and window
# (tests/package/, under Xvfb through tauri-driver), then removes it and checks
# that every file it installed is gone. Needs root, or sudo.
set -euo pipefail
cd "$(dirname "$0")/.."
package=myochart
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
as_root() { DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" "$@"; }

if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "installed"; then
  echo "$package is installed on this machine; this test would remove it. Remove it first: apt-get remove $package" >&2
  exit 1
fi

# The debug build the other tests use: the same package, minutes sooner.
scripts/package.sh --debug
debs=("${CARGO_TARGET_DIR:-target}"/debug/bundle/deb/*.deb)
installed=$(mktemp)
trap 'rm -f "$installed"; dpkg-query -W "$package" >/dev/null 2>&1 && as_root apt-get remove --purge -y -qq "$package"' EXIT

printf '\n== installing %s\n' "${debs[0]}"
# dpkg leaves the package unconfigured if a dependency is missing; apt then
# installs the dependencies and finishes it.
as_root dpkg -i "${debs[0]}" || { as_root apt-get update -qq && as_root apt-get install -f -y -qq; }
dpkg-query -W -f='${Status}\n' "$package" | grep -qx "install ok installed"
dpkg -L "$package" >"$installed"

printf '\n== the installed CLI and window\n'
want=$(cargo metadata --no-deps --format-version 1 --locked |
  node -e 'const m = JSON.parse(require("fs").readFileSync(0)); console.log(m.packages.find((p) => p.name === "myochart").version)')
got=$(/usr/bin/myochart --version)
[ "$got" = "myochart $want" ] || { echo "myochart --version says \"$got\", Cargo.toml says $want" >&2; exit 1; }
echo "$got"
MYOCHART_APP=/usr/bin/myochart-app MYOCHART_CLI=/usr/bin/myochart node --test tests/package/

printf '\n== removing it\n'
as_root apt-get remove --purge -y -qq "$package"
# What it installed is gone; a folder may stay only when another package owns it.
left=0
while read -r path; do
  [ "$path" = /. ] && continue
  if [ -e "$path" ] && ! { [ -d "$path" ] && dpkg -S "$path" >/dev/null 2>&1; }; then
    echo "left behind: $path" >&2
    left=1
  fi
done <"$installed"
if [ "$left" = 1 ]; then exit 1; fi
echo "removed: nothing it installed is left"
