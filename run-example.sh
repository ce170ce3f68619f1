#!/usr/bin/env bash
# Main command: installs what is missing, builds client-triage.oxt, installs it into a
# throwaway LibreOffice profile and segments the example client table and the example order
# export (examples/orders.csv: the same clients' order lines) in a headless office.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target oxt run_example
./build/run_example examples/clients.csv out/example-segmented.ods
./build/run_example examples/orders.csv out/orders-segmented.ods
echo "Extension: $(pwd)/build/client-triage.oxt"
