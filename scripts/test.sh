#!/usr/bin/env bash
# The whole test suite from a fresh machine: system packages, npm dependencies, then lint,
# format check, typecheck, build, firmware rebuild check, unit/integration and end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-packages.sh
bash scripts/install-deps.sh
npm test
