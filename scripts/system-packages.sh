#!/usr/bin/env bash
# Checks the system packages the tests need and installs the missing ones from Debian's apt
# where this user can (root, or sudo without a password). Otherwise it says exactly what to
# install and exits non-zero. Usage: scripts/system-packages.sh [--run-only]
set -euo pipefail

# package : how we know it is there
checks=(
  "chromium:command -v chromium"
  "socat:command -v socat"
  "gcc-avr:command -v avr-gcc"
  "binutils-avr:command -v avr-objcopy"
  "avr-libc:test -f /usr/lib/avr/include/avr/io.h"
  "arduino-core-avr:test -f /usr/share/arduino/hardware/arduino/avr/bootloaders/optiboot/optiboot_atmega328.hex"
  "avrdude:command -v avrdude"
  # serialport lists Linux ports through udevadm; lab PCs have it (tests also hide it on purpose)
  "udev:command -v udevadm"
  # the central tracker's tests start real PostgreSQL 15 servers (initdb + pg_ctl in a temp folder)
  "postgresql-15:test -x /usr/lib/postgresql/15/bin/initdb"
)

# Citus (distributed PostgreSQL) for the tracker's Citus tests. Debian has no package, so it is
# built from the source tarball kept beside the repository: ../shared/tools/install-citus.sh, looked
# for beside each parent folder too (CHISPA_CITUS_INSTALLER to point elsewhere). Without it the Citus tests skip, saying why (and
# a skip fails the run under CI=true).
install_citus() {
  local pg_config=/usr/lib/postgresql/15/bin/pg_config repo installer
  [ -x "$pg_config" ] || return 0
  if [ -f "$("$pg_config" --pkglibdir)/citus.so" ]; then
    echo "citus: present in $("$pg_config" --pkglibdir)"
    return 0
  fi
  repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  installer=${CHISPA_CITUS_INSTALLER:-}
  if [ -z "$installer" ]; then
    # shared/tools/install-citus.sh beside the repository or beside one of its parent folders
    # (a worktree or clone may sit one level deeper than the main checkout).
    local dir=$repo
    while [ "$dir" != / ] && [ -z "$installer" ]; do
      dir=$(dirname "$dir")
      [ -f "$dir/shared/tools/install-citus.sh" ] && installer=$dir/shared/tools/install-citus.sh
    done
  fi
  if [ -z "$installer" ] || [ ! -f "$installer" ]; then
    echo "citus: not installed, and no shared/tools/install-citus.sh found beside this repository or its parents (set CHISPA_CITUS_INSTALLER to its path)." >&2
    if [ "${CI:-}" = true ]; then
      echo "citus: CI must run the tracker's Citus tests: stopping here." >&2
      exit 1
    fi
    echo "citus: the tracker's Citus tests will skip, saying why." >&2
    return 0
  fi
  echo "citus: building and installing with $installer (a few minutes)"
  if [ "$(id -u)" -eq 0 ]; then
    bash "$installer"
  elif sudo -n true >/dev/null 2>&1; then
    sudo -n bash "$installer"
  else
    echo "citus: not installed. Run once as an administrator: sudo bash $installer" >&2
  fi
}

missing=()
for entry in "${checks[@]}"; do
  package="${entry%%:*}"
  check="${entry#*:}"
  if ! bash -c "$check" >/dev/null 2>&1; then missing+=("$package"); fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present (${#checks[@]} checked)"
  install_citus
  exit 0
fi

echo "system packages missing: ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Chispa's tests need these Debian/Ubuntu packages: ${missing[*]}. This system has no apt-get; install their equivalents by hand and run again." >&2
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif sudo -n true >/dev/null 2>&1; then
  SUDO="sudo -n"
else
  echo "Chispa's tests need: sudo apt-get install -y ${missing[*]} — run that once (it needs an administrator), then run the tests again." >&2
  exit 1
fi
echo "installing with apt-get: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
if ! $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/chispa-apt.log 2>&1; then
  tail -20 /tmp/chispa-apt.log >&2
  echo "Could not install ${missing[*]} with apt-get (see /tmp/chispa-apt.log)." >&2
  exit 1
fi
echo "system packages: installed ${missing[*]}"
install_citus
