#!/bin/bash
# THE release build (test.sh and bench.sh build it; README): the department
# view is split into its own wasm chunk, fetched when first opened.
# cargo links through scripts/split-link.sh (rust-lld, then wasm-split-cli in
# place); Trunk then runs wasm-bindgen and wasm-opt on the main module, and
# its post_build hook (stamp-sw.mjs) copies the chunk and its loader in.
# Usage: scripts/build-split.sh [dist-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$PWD/scripts/split-link.sh"
export WASM_SPLIT_OUT="$CARGO_TARGET_DIR/wasm-split"
export WASM_SPLIT_CLI="${WASM_SPLIT_CLI:-wasm-split-cli}"  # scripts/setup.sh installs it (crates.io, pinned)
export WASM_SPLIT_LOG="$CARGO_TARGET_DIR/wasm-split.log"
command -v "$WASM_SPLIT_CLI" >/dev/null || { echo "error: $WASM_SPLIT_CLI is missing: run scripts/setup.sh" >&2; exit 1; }
trunk build --release --locked --features split --dist "${1:-dist}"
