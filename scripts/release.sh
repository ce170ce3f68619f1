#!/usr/bin/env bash
# The release package: client-triage.oxt from a Release build (the component stripped), copied
# to dist/client-triage-<version>.oxt with the release notes beside it. Installs what is
# missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DTRIAGE_BUILD_BENCH=OFF >/dev/null
cmake --build build-release -j"$(nproc)" --target oxt
version="$(sed -n 's/^project(ClientTriage VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)"
mkdir -p dist
cp build-release/client-triage.oxt "dist/client-triage-$version.oxt"
cp RELEASE-NOTES.md "dist/RELEASE-NOTES.md"
ls -l "dist/client-triage-$version.oxt"
