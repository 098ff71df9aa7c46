#!/usr/bin/env bash
# Install whatever is missing, then check versions. Idempotent: with
# everything in place it only checks. Only package registries are used
# (crates.io, npm, Debian); nothing else is downloaded.
#   setup.sh            what a release build needs (serve's tools + npm: wasm-opt; wasm-split-cli)
#   setup.sh --serve    only what `trunk serve` needs (no npm, no browser)
#   setup.sh --browser  everything the tests need (+ Chromium, ChromeDriver, poppler-utils)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
MODE="${1:-}"

started=$SECONDS
say() { printf '==> [%3ss] %s\n' "$((SECONDS - started))" "$*"; }
have_version() { # have_version CMD EXPECTED-FIRST-LINE
  [ "$("$1" --version 2>/dev/null | head -n 1)" = "$2" ]
}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
APT_UPDATED=""
apt_install() {
  [ -n "$APT_UPDATED" ] || { as_root apt-get update -qq; APT_UPDATED=1; }
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@"
}

# The build tools are compiled once; a quick profile (no LTO, many codegen
# units, opt-level 1) instead of their own fat-LTO release profile takes a
# fraction of the time on a 2-core machine and makes no difference to what they build.
fast_install() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_DEBUG=0 \
    cargo install --quiet "$@"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target (about 30 s)"
  rustup target add wasm32-unknown-unknown
fi

if [ -z "$WASM_BINDGEN_VERSION" ]; then
  echo "error: no wasm-bindgen version in Cargo.lock" >&2; exit 1
fi
need_trunk=""; need_bindgen=""
have_version trunk "trunk $TRUNK_VERSION" || need_trunk=1
have_version wasm-bindgen "wasm-bindgen $WASM_BINDGEN_VERSION" || need_bindgen=1
if [ -n "$need_trunk" ] && [ -n "$need_bindgen" ]; then
  say "compiling trunk $TRUNK_VERSION and wasm-bindgen-cli $WASM_BINDGEN_VERSION side by side (once; about 6 minutes on 2 cores)"
  # wasm-bindgen-cli: not --locked, one of its locked dependencies is no longer on crates.io.
  fast_install --locked --force trunk --version "$TRUNK_VERSION" &
  trunk_pid=$!
  fast_install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  wait "$trunk_pid"
elif [ -n "$need_trunk" ]; then
  say "compiling trunk $TRUNK_VERSION (once; about 4 minutes on 2 cores)"
  fast_install --locked --force trunk --version "$TRUNK_VERSION"
elif [ -n "$need_bindgen" ]; then
  say "compiling wasm-bindgen-cli $WASM_BINDGEN_VERSION (once; about 2 minutes on 2 cores)"
  fast_install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# The release build splits the department view into its own wasm chunk
# (scripts/build-split.sh): the splitter's command-line tool, a prototype,
# pinned exactly (its output format and the loader it writes are what
# scripts/stamp-sw.mjs rewrites). Not needed by `trunk serve`.
if [ "$MODE" != "--serve" ] && ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "compiling wasm-split-cli $WASM_SPLIT_VERSION (once; about 2 minutes on 2 cores)"
  fast_install --locked --force wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  say "installing Node.js and npm (Debian; about 1 minute): the build hook and the tests use them"
  apt_install nodejs npm
fi

if [ "$MODE" != "--serve" ]; then
  LOCK_SUM="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [ "$(cat node_modules/.lock-sha256 2>/dev/null)" != "$LOCK_SUM" ]; then
    say "installing npm tools from package-lock.json (wasm-opt 132, playwright-core, axe-core, ical.js, lighthouse; under a minute)"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$LOCK_SUM" > node_modules/.lock-sha256
  fi
  if ! have_version wasm-opt "wasm-opt version $WASM_OPT_VERSION (version_$WASM_OPT_VERSION)"; then
    echo "error: wasm-opt on PATH is not version $WASM_OPT_VERSION: $(command -v wasm-opt)" >&2; exit 1
  fi
fi

if [ "$MODE" = "--browser" ]; then
  if [ ! -x "$CHROMIUM" ] || [ ! -x "$CHROMEDRIVER" ]; then
    say "installing Chromium and ChromeDriver (Debian; about 1 minute)"
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
say "tools ready: $(trunk --version), wasm-bindgen $WASM_BINDGEN_VERSION$([ "$MODE" != "--serve" ] && echo ", wasm-opt $WASM_OPT_VERSION, wasm-split-cli $WASM_SPLIT_VERSION")"
