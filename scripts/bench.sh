#!/usr/bin/env bash
# Measure release size and model speed against budgets; exit 1 if over.
#   scripts/bench.sh            build the release, then measure
#   scripts/bench.sh --no-build measure the existing dist/
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

# Budgets (bytes, microseconds). Raise one only with a reason in the commit.
WASM_RAW_MAX=420000
WASM_GZIP_MAX=170000
JS_RAW_MAX=45000
JS_GZIP_MAX=10000
EVALUATE_US_MAX=50

if [ "${1:-}" != "--no-build" ]; then
  "$ROOT/scripts/setup.sh"
  trunk build --release --locked >/dev/null
fi

fail=0
check() { # name value max unit
  local verdict=ok
  if [ "$2" -gt "$3" ]; then verdict="OVER BUDGET"; fail=1; fi
  printf '%-22s %10s %s (budget %s) %s\n' "$1" "$2" "$4" "$3" "$verdict"
}
wasm=$(ls dist/*_bg.wasm); js=$(ls dist/cup-pathway-*.js)
check "wasm raw" "$(stat -c %s "$wasm")" $WASM_RAW_MAX bytes
check "wasm gzip -9" "$(gzip -9c "$wasm" | wc -c)" $WASM_GZIP_MAX bytes
check "js raw" "$(stat -c %s "$js")" $JS_RAW_MAX bytes
check "js gzip -9" "$(gzip -9c "$js" | wc -c)" $JS_GZIP_MAX bytes

line=$(cargo run --quiet --release --locked --example bench_evaluate -- 100000)
us=$(echo "$line" | awk '{ print $2 }')
check "evaluate (µs/case)" "$(printf '%.0f' "$us")" $EVALUATE_US_MAX µs
echo "$line"
exit $fail
