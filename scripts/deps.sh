#!/usr/bin/env bash
# Installs the Debian packages Client Triage needs to build and test, when any is missing.
# Sourced or run by run-example.sh, run-tests.sh and .ci/run.
set -euo pipefail

packages=(
  cmake g++ make zip unzip binutils pkg-config debootstrap
  libgtest-dev libgmock-dev libbenchmark-dev nlohmann-json3-dev libboost-dev libnlopt-dev libnlopt-cxx-dev
  libreoffice-calc libreoffice-dev libreoffice-l10n-ru libreoffice-l10n-fi
  clang libclang-rt-14-dev
  xvfb xauth imagemagick xdotool
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing missing packages: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
