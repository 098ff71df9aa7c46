# Sourced by the project's scripts: the tool paths, in the order that matters.
# node_modules/.bin comes first so Trunk finds wasm-opt 132 (binaryen from npm),
# never Debian's wasm-opt 108, which silently breaks the release build.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
TRUNK_VERSION="0.21.14"
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
WASM_OPT_VERSION="132"
# The splitter behind the release build (scripts/build-split.sh, setup.sh installs it).
WASM_SPLIT_VERSION="0.2.4"
# The browser suite runs in one page; its default 20 s budget is too tight on
# a busy 2-core machine (the runner waits this long for the whole suite).
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-180}"
