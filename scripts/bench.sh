#!/usr/bin/env bash
# Measure speed and size against budgets and print one table; exit 1 if a
# budget is missed. Not a test: run it by hand after UI or dependency changes.
#   scripts/bench.sh               build the release and the empty baseline app, then measure
#   scripts/bench.sh --no-build    measure the existing builds
#   scripts/bench.sh --bytes-only  only where the release wasm's bytes go, on the existing build
#   scripts/bench.sh --stats-only  only the department view's rows, on the existing release build
# Budgets live in scripts/bench.mjs; raise one only with a reason in the commit.
# The byte breakdown (scripts/wasm-bytes.mjs) re-runs wasm-bindgen and
# wasm-opt -g on the release build for names (target/bench-bytes, cached).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/scripts/setup.sh" --browser >/dev/null
cd "$ROOT"
case "${1:-}" in
  --stats-only) exec node scripts/bench-stats.mjs dist ;;
  --bytes-only) exec node scripts/wasm-bytes.mjs dist ;;
  --no-build|"") ;;
  *) echo "usage: $0 [--no-build | --bytes-only | --stats-only]" >&2; exit 2 ;;
esac
if [ "${1:-}" != "--no-build" ]; then
  scripts/build-split.sh dist >/dev/null  # the release: four screens chunks of their own
  trunk build bench/empty.html --release --locked --dist target/bench-empty >/dev/null
fi
line=$(cargo run --quiet --release --locked --example bench_evaluate -- 100000)
us=$(echo "$line" | awk '{ print $2 }')
journal_us=$(echo "$line" | awk '{ for (i = 1; i < NF; i++) if ($i == "journal_us_per_case") print $(i + 1) }')
merge=$(cargo run --quiet --release --locked --example bench_merge -- 1000)
merge_all=$(echo "$merge" | awk '{ print $2 }')
merge_one=$(echo "$merge" | awk '{ print $3 }')
growth=$(cargo run --quiet --release --locked --example bench_growth)  # a simulated year of a team's use
per_case=$(echo "$growth" | awk '{ print $5 }')
per_deletion=$(echo "$growth" | awk '{ print $11 }')
deletions=$(echo "$growth" | awk '{ print $9 }')
sync=$(cargo run --quiet --release --locked --example bench_sync -- 1000)  # issue 25: folder rounds, native
sync_cold=$(echo "$sync" | awk '{ print $3 }')
sync_steady=$(echo "$sync" | awk '{ print $7 }')
sync_bytes=$(echo "$sync" | awk '{ print $11 }')
node scripts/wasm-bytes.mjs dist || echo "(no byte breakdown: see the error above)"
echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); Chromium $("$CHROMIUM" --version 2>/dev/null | grep -o '[0-9.]\+' | head -n1)"
node scripts/bench.mjs dist target/bench-empty "$us" "$journal_us" "$merge_all" "$merge_one" "$per_case" "$per_deletion" "$deletions" "$sync_cold" "$sync_steady" "$sync_bytes"
