#!/usr/bin/env bash
# Install whatever is missing to build the app; with --browser also what the
# tests need. Idempotent: with everything in place it only checks versions.
# Only package registries are used (crates.io, npm, Debian); nothing else is downloaded.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

say() { printf '==> %s\n' "$*"; }
have_version() { # have_version CMD EXPECTED-FIRST-LINE
  [ "$("$1" --version 2>/dev/null | head -n 1)" = "$2" ]
}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
APT_UPDATED=""
apt_install() {
  [ -n "$APT_UPDATED" ] || { as_root apt-get update -qq; APT_UPDATED=1; }
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! have_version trunk "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (a few minutes, once)"
  cargo install --locked --force trunk --version "$TRUNK_VERSION"
fi

if [ -z "$WASM_BINDGEN_VERSION" ]; then
  echo "error: no wasm-bindgen version in Cargo.lock" >&2; exit 1
fi
if ! have_version wasm-bindgen "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: one of its locked dependencies is no longer on crates.io.
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if ! command -v npm >/dev/null; then
  say "installing Node.js and npm (Debian)"
  apt_install nodejs npm
fi
LOCK_SUM="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "$(cat node_modules/.lock-sha256 2>/dev/null)" != "$LOCK_SUM" ]; then
  say "installing npm tools from package-lock.json (wasm-opt, playwright-core)"
  npm ci --no-audit --no-fund
  echo "$LOCK_SUM" > node_modules/.lock-sha256
fi
if ! have_version wasm-opt "wasm-opt version $WASM_OPT_VERSION (version_$WASM_OPT_VERSION)"; then
  echo "error: wasm-opt on PATH is not version $WASM_OPT_VERSION: $(command -v wasm-opt)" >&2; exit 1
fi

if [ "${1:-}" = "--browser" ]; then
  if [ ! -x "$CHROMIUM" ] || [ ! -x "$CHROMEDRIVER" ]; then
    say "installing Chromium and ChromeDriver (Debian)"
    apt_install chromium chromium-driver
  fi
  if ! command -v pdftotext >/dev/null; then
    say "installing poppler-utils (Debian): pdftotext reads the printed PDF in the e2e tests"
    apt_install poppler-utils
  fi
  browser="$("$CHROMIUM" --version | grep -o '[0-9]\+\.[0-9.]\+' | head -n 1)"
  driver="$("$CHROMEDRIVER" --version | grep -o '[0-9]\+\.[0-9.]\+' | head -n 1)"
  if [ "${browser%%.*}" != "${driver%%.*}" ]; then
    echo "error: Chromium $browser and ChromeDriver $driver differ" >&2; exit 1
  fi
fi
say "tools ready: $(trunk --version), wasm-bindgen $WASM_BINDGEN_VERSION, wasm-opt $WASM_OPT_VERSION"
