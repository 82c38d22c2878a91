#!/usr/bin/env bash
# Builds Myochart's release packages with the Tauri bundler (the npm package
# @tauri-apps/cli, a devDependency of ui/, so no `cargo install`): the UI, the
# app, the `myochart` CLI and the example plugins in release, then the bundles
# src-tauri/tauri.conf.json describes. On Linux a .deb, and an AppImage when
# github.com can be reached (the bundler downloads linuxdeploy from there).
# Prints where the packages are and their sizes.
#
# `--debug` packages debug builds instead (no AppImage): what the package test
# in `make test` installs, since the other tests have built them already and a
# release build would add many minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run
started=$SECONDS
target=${CARGO_TARGET_DIR:-target}
profile=release
cargo_profile=(--release)
bundle_profile=()
if [ "${1:-}" = --debug ]; then
  profile=debug
  cargo_profile=()
  bundle_profile=(--debug)
fi
shopt -s nullglob

(cd ui && npm run --silent build)

# The example plugins: each folder of plugins/ that holds a plugin.toml.
plugins=()
for toml in plugins/*/plugin.toml; do
  plugins+=("$(basename "$(dirname "$toml")")")
done
crates=(-p myochart-app -p myochart)
for name in "${plugins[@]}"; do crates+=(-p "myochart-plugin-$name"); done
cargo build "${cargo_profile[@]}" --locked "${crates[@]}" --bins --lib

# What tauri.conf.json's `files` install besides the app: the CLI, and one
# folder per plugin with its plugin.toml and library.
staged=src-tauri/gen/package
rm -rf "$staged"
mkdir -p "$staged/plugins"
cp "$target/$profile/myochart" "$staged/"
for name in "${plugins[@]}"; do
  mkdir "$staged/plugins/$name"
  cp "plugins/$name/plugin.toml" "$staged/plugins/$name/"
  cp "$target/$profile/libmyochart_plugin_${name//-/_}.so" "$staged/plugins/$name/"
done

tauri() { (cd src-tauri && ../ui/node_modules/.bin/tauri "$@"); }
rm -rf "$target/$profile/bundle"
tauri bundle --ci "${bundle_profile[@]}" --bundles deb
if [ "$profile" = release ]; then
  if curl -fsS --max-time 10 -o /dev/null https://github.com; then
    tauri bundle --ci --bundles appimage
  else
    echo "No AppImage: the bundler downloads linuxdeploy from github.com, which this machine can't reach." >&2
  fi
fi

printf '\nPackages (built in %d s):\n' $((SECONDS - started))
for package in "$target"/$profile/bundle/*/*.{deb,AppImage}; do
  printf '  %s  %s\n' "$(du -h "$package" | cut -f1)" "$package"
done
debs=("$target"/$profile/bundle/deb/*.deb)
printf '  installed size of the .deb: %s KiB\n' "$(dpkg-deb -f "${debs[0]}" Installed-Size)"
printf '  app %s, CLI %s\n' "$(du -h "$target/$profile/myochart-app" | cut -f1)" "$(du -h "$target/$profile/myochart" | cut -f1)"
