#!/usr/bin/env bash
# Regenerates the README example examples/clients.csv (200 clients, English headers) with the
# deterministic generator: the same bytes on every run.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${BUILD_DIR:-build}"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target generate_clients -j"$(nproc)"
"$build"/generate_clients --rows 200 --lang en -o examples/clients.csv
echo "Wrote examples/clients.csv"
