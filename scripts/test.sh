#!/usr/bin/env bash
# Run every test layer; exit non-zero if any fails.
#   1. native: the pathway model and the app's pure parts (cargo test --workspace)
#   2. browser: components and storage in headless Chromium (wasm-bindgen-test)
#   3. end-to-end: the (split) release build on 127.0.0.1 in headless Chromium (at / and under a sub-path)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/scripts/setup.sh" --browser
cd "$ROOT"

layer() { printf '\n=== %s ===\n' "$*"; }

layer "0/3 lints (clippy: no unwrap or expect outside tests; warnings are errors)"
cargo clippy --locked --workspace --lib --bins -- -D warnings
cargo clippy --locked --workspace --lib --bins --target wasm32-unknown-unknown -- -D warnings

layer "1/3 native tests"
# The app, the model (crates/pathway) and the department's data (crates/department):
# the two crates' tests build without Leptos.
cargo test --locked --workspace
# web/folder.js over in-memory handles (no browser; issue 25)
node --test tests/js/

layer "2/3 browser tests (headless Chromium)"
cargo test --locked --target wasm32-unknown-unknown --test browser

layer "3/3 end-to-end (release build, headless Chromium)"
# The release: the department view split into its own wasm chunk (README, "Release build").
scripts/build-split.sh dist
node --test --test-timeout=180000 tests/e2e/
