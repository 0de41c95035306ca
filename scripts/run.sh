#!/usr/bin/env bash
# Sets up and runs Chispa with the virtual board and the embedded database: Electron where its
# binary is installed, otherwise browser mode (open the printed http://127.0.0.1 address).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
if node scripts/start-electron.mjs --check >/dev/null 2>&1; then
  exec npm start
fi
echo "Chispa: Electron is not installed here; starting browser mode."
exec npm run start:web
