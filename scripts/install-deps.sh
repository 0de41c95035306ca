#!/usr/bin/env bash
# Installs the npm dependencies exactly as locked. The Electron binary is not downloaded:
# its download host is blocked on many networks and browser mode needs no Electron.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.chispa-installed
if [ -f "$stamp" ] && [ "$stamp" -nt package-lock.json ] && [ "${1:-}" != "--force" ]; then
  echo "npm dependencies: up to date"
  exit 0
fi
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
npm ci --no-audit --no-fund --loglevel=error
touch "$stamp"
