#!/usr/bin/env bash
# Measure speed and size against budgets and print one table; exit 1 if a
# budget is missed. Not a test: run it by hand after UI or dependency changes.
#   scripts/bench.sh            build the release and the empty baseline app, then measure
#   scripts/bench.sh --no-build measure the existing builds
#   scripts/bench.sh --stats-only  only the department view's rows, on the existing release build
# Budgets live in scripts/bench.mjs; raise one only with a reason in the commit.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/scripts/setup.sh" --browser >/dev/null
cd "$ROOT"
if [ "${1:-}" = "--stats-only" ]; then
  exec node scripts/bench-stats.mjs dist
fi
if [ "${1:-}" != "--no-build" ]; then
  trunk build --release --locked >/dev/null
  trunk build bench/empty.html --release --locked --dist target/bench-empty >/dev/null
fi
line=$(cargo run --quiet --release --locked --example bench_evaluate -- 100000)
us=$(echo "$line" | awk '{ print $2 }')
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); Chromium $("$CHROMIUM" --version 2>/dev/null | grep -o '[0-9.]\+' | head -n1)"
node scripts/bench.mjs dist target/bench-empty "$us"
