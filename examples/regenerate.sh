#!/usr/bin/env bash
# Regenerates the README examples examples/clients.csv (200 clients, English headers) and
# examples/orders.csv (their order lines) with the deterministic generator: the same bytes on
# every run.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${BUILD_DIR:-build}"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target generate_clients -j"$(nproc)"
"$build"/generate_clients --rows 200 --lang en -o examples/clients.csv
"$build"/generate_clients --rows 200 --lang en --orders -o examples/orders.csv
echo "Wrote examples/clients.csv and examples/orders.csv"
