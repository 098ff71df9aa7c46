#!/usr/bin/env bash
# Measure release size and model speed against budgets; exit 1 if over.
#   scripts/bench.sh            build the release, then measure
#   scripts/bench.sh --no-build measure the existing dist/
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

# Budgets (bytes, microseconds). Raise one only with a reason in the commit.
# All-in: every file of the first load (wasm + js + css + html), gzip -9.
ALL_IN_GZIP_MAX=150000
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

printf '%-34s %10s %10s\n' "first-load file" "raw" "gzip -9"
total_raw=0; total_gz=0
for f in dist/index.html dist/*.js dist/*_bg.wasm dist/*.css; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-34s %10s %10s\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-34s %10s %10s\n' "total" "$total_raw" "$total_gz"
check "all-in gzip -9" "$total_gz" $ALL_IN_GZIP_MAX bytes

line=$(cargo run --quiet --release --locked --example bench_evaluate -- 100000)
us=$(echo "$line" | awk '{ print $2 }')
check "evaluate (µs/case)" "$(printf '%.0f' "$us")" $EVALUATE_US_MAX µs
echo "$line"
exit $fail
