#!/usr/bin/env bash
# Installs the npm dependencies as locked: the app's, then the central tracker's own (tracker/
# has its own package.json and lock, so the desktop installer ships none of them). The Electron
# binary is not downloaded: its download host is blocked on many networks and browser mode needs
# no Electron.
# Why `npm install` and not `npm ci`: the registry mirror here lacks some platform packages that
# rollup lists as optional (e.g. @rollup/rollup-android-arm-eabi); npm install skips a missing
# optional package, while npm ci calls the lock "out of sync" and stops.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.chispa-installed
if [ -f "$stamp" ] && [ "$stamp" -nt package-lock.json ] && [ "$stamp" -nt tracker/package-lock.json ] &&
  [ -d tracker/node_modules ] && [ "${1:-}" != "--force" ]; then
  echo "npm dependencies: up to date"
  exit 0
fi
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
npm install --no-audit --no-fund --loglevel=error
npm install --prefix tracker --no-audit --no-fund --loglevel=error
touch "$stamp"
