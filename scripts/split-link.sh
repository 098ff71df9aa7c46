#!/bin/bash
# Linker wrapper for wasm32-unknown-unknown (the release build): links with rust-lld
# (keeping relocations), then, for the app's binary only, splits the linked
# module in place at its split points (#[wasm_split], src/app.rs) with wasm-split-cli. The chunks
# and the loader (__wasm_split.js) go to $WASM_SPLIT_OUT; the main module
# replaces the linker's output, so Trunk's wasm-bindgen and wasm-opt see it.
# Used only through CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER (scripts/build-split.sh).
set -euo pipefail
LLD="$(rustc --print sysroot)/lib/rustlib/$(rustc -vV | sed -n "s/^host: //p")/bin/rust-lld"
args=("$@")
if [ "${1:-}" != "-flavor" ]; then args=(-flavor wasm "$@"); fi
out=""
prev=""
for a in "$@"; do
  if [ "$prev" = "-o" ]; then out="$a"; fi
  prev="$a"
done
echo "split-link: $*" >> "${WASM_SPLIT_LOG:-/dev/null}"
case "$(basename "$out")" in
  cup_pathway*.wasm|cup-pathway*.wasm) split=1 ;;
  *) split=0 ;;
esac
if [ "$split" = 1 ] && [ -n "${WASM_SPLIT_OUT:-}" ]; then
  "$LLD" "${args[@]}" --emit-relocs
  rm -rf "$WASM_SPLIT_OUT" && mkdir -p "$WASM_SPLIT_OUT"
  cp "$out" "$WASM_SPLIT_OUT/linked.wasm.orig"  # the unsplit input, for wasm-split-cli -v
  "${WASM_SPLIT_CLI:-wasm-split-cli}" "$out" "$WASM_SPLIT_OUT" --target web --out-name main >&2
  # wasm-bindgen drops the __indirect_function_table export the chunks need:
  # export the table a second time, under a name it keeps.
  node "$(dirname "$0")/wasm-export-alias.mjs" "$WASM_SPLIT_OUT/main.wasm" >&2
  mv "$WASM_SPLIT_OUT/main.wasm" "$out"
  ls -l "$WASM_SPLIT_OUT" >> "${WASM_SPLIT_LOG:-/dev/null}"
else
  exec "$LLD" "${args[@]}"
fi
