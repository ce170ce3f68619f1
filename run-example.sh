#!/usr/bin/env bash
# Main command: installs what is missing, builds client-triage.oxt, installs it into a
# throwaway LibreOffice profile and evaluates the example client table in a headless office.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target oxt run_example
./build/run_example examples/clients.csv out/example-segmented.ods
echo "Extension: $(pwd)/build/client-triage.oxt"
