#!/usr/bin/env bash
# Install what serving needs (no npm, no browser), then serve the app on
# http://127.0.0.1:8080 with auto-reload (a debug build).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/scripts/setup.sh" --serve
cd "$ROOT"
echo "==> building and serving on http://127.0.0.1:8080 (the first build compiles the app: about 2 minutes)"
exec trunk serve "$@"
