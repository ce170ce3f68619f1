#!/usr/bin/env bash
# Runs every test: unit tests of the core, the office tests (a real headless LibreOffice with
# the built .oxt installed) and a bounded fuzz run. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/deps.sh
jobs="$(nproc)"

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j1)

# The core and its unit tests under AddressSanitizer + UndefinedBehaviorSanitizer: any
# finding aborts the test that hit it.
cmake -S . -B build-asan -DTRIAGE_SANITIZE=ON -DTRIAGE_BUILD_UNO=OFF -DTRIAGE_BUILD_BENCH=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-asan -j"$jobs"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j"$jobs")

# The segmentation failing on purpose half way (TRIAGE_FAIL_AT in the office's environment):
# a run that fails must leave the document exactly as it was.
cmake -S . -B build-faults -DTRIAGE_FAULT_INJECTION=ON -DTRIAGE_BUILD_BENCH=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-faults -j"$jobs" --target office_tests
./build-faults/office_tests --gtest_filter='HostileSegmentFault*'

# Fuzz targets (libFuzzer with ASan and UBSan), each for a bounded time.
fuzz_seconds="${TRIAGE_FUZZ_SECONDS:-20}"
if compgen -G "fuzz/*.cpp" >/dev/null; then
  cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DTRIAGE_FUZZ=ON \
    -DTRIAGE_BUILD_UNO=OFF -DTRIAGE_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  for src in fuzz/*.cpp; do
    name="$(basename "$src" .cpp)"
    cmake --build build-fuzz -j"$jobs" --target "$name"
    echo "fuzzing $name for ${fuzz_seconds}s"
    ./build-fuzz/"$name" -max_total_time="$fuzz_seconds" -print_final_stats=0 2>&1 | tail -n 2
  done
fi

# The same office tests, the sidebar test and the main command on the newest LibreOffice
# (25.2 from bookworm-backports) in a Debian 12 chroot, with the .oxt and test programs built
# above against the 7.4 SDK (scripts/test-newest-office.sh; the chroot is made once and
# reused). TRIAGE_SKIP_NEWEST=1 leaves it out.
if [ "${TRIAGE_SKIP_NEWEST:-0}" != 1 ]; then
  bash scripts/test-newest-office.sh
fi
