#!/usr/bin/env bash
# Install what serving needs (no npm, no browser), then serve the app on
# http://127.0.0.1:8080 with auto-reload (a debug build).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# Development only (a debug build, not split). The release is
# scripts/build-split.sh: `trunk serve --release` would build a release
# without the department view's chunk, which is not what ships.
for a in "$@"; do
  case "$a" in --release|-r) echo "error: serve.sh serves the debug build; the release is scripts/build-split.sh (then any static server on dist/)" >&2; exit 2 ;; esac
done
"$ROOT/scripts/setup.sh" --serve
cd "$ROOT"
echo "==> building and serving on http://127.0.0.1:8080 (the first build compiles the app: about 2 minutes)"
exec trunk serve "$@"
