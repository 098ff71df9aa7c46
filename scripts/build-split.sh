#!/bin/bash
# Spike: release build with the department view split into its own wasm chunk.
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
export WASM_SPLIT_CLI="${WASM_SPLIT_CLI:-$PWD/.tools/bin/wasm-split-cli}"
export WASM_SPLIT_LOG="$CARGO_TARGET_DIR/wasm-split.log"
trunk build --release --features split --dist "${1:-dist}"
