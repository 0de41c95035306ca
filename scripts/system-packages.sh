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

missing=()
for entry in "${checks[@]}"; do
  package="${entry%%:*}"
  check="${entry#*:}"
  if ! bash -c "$check" >/dev/null 2>&1; then missing+=("$package"); fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present (${#checks[@]} checked)"
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
