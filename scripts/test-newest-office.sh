#!/usr/bin/env bash
# The office tests, the sidebar test and the main command against the newest LibreOffice:
# 25.2 from Debian's bookworm-backports, in a Debian 12 chroot made with debootstrap from the
# Debian mirror apt uses here. The .oxt and the test programs are the ones built here against
# the LibreOffice 7.4 SDK (build/), run unchanged. The chroot is kept and reused
# (TRIAGE_NEWEST_CHROOT, default /var/cache/client-triage/bookworm-lo-backports); about 8
# minutes to make from nothing, seconds to reuse.
#
#   scripts/test-newest-office.sh           # after ./run-tests.sh (or a build in build/)
#   scripts/test-newest-office.sh sidebar   # one part: office, sidebar or example
# TRIAGE_KEEP_PROFILE=1 keeps the offices' folders (and their office.log) in the chroot's /tmp;
# GTEST_FILTER picks tests.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
work="$(dirname "$repo")" # the checkout and ../shared beside it
root="${TRIAGE_NEWEST_CHROOT:-/var/cache/client-triage/bookworm-lo-backports}"

sudo_if_needed() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# The Debian mirror of this machine's apt sources (deb822 or one-line), else Debian's own.
mirror="$(grep -hoE '^URIs: *[^ ]+/debian/?$' /etc/apt/sources.list.d/*.sources 2>/dev/null |
  head -n1 | sed -E 's/^URIs: *//')"
if [ -z "$mirror" ]; then
  mirror="$(grep -hoE '^deb +[^ ]+/debian/? ' /etc/apt/sources.list 2>/dev/null | head -n1 |
    awk '{print $2}')"
fi
mirror="${mirror:-http://deb.debian.org/debian}"

for tool in debootstrap; do
  command -v "$tool" >/dev/null || sudo_if_needed apt-get install -y --no-install-recommends "$tool"
done

mounted=()
unmount_all() {
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    sudo_if_needed umount -l "${mounted[$i]}" 2>/dev/null || true
  done
}
trap unmount_all EXIT
bind() { # bind DIR: the host's DIR at the same path inside the chroot
  sudo_if_needed mkdir -p "$root$1"
  sudo_if_needed mount --bind "$1" "$root$1"
  mounted+=("$root$1")
}

# What the tests need in the chroot: LibreOffice from backports (with the Russian and Finnish
# interface the localized tests use), a virtual display for the sidebar test.
backports=(libreoffice-calc libreoffice-core libreoffice-l10n-ru libreoffice-l10n-fi)
others=(xvfb xauth xdotool imagemagick fonts-dejavu-core ca-certificates zip unzip binutils)

if [ ! -f "$root/.client-triage-ready" ]; then
  echo "Making the chroot $root from $mirror (once; about 8 minutes)"
  sudo_if_needed rm -rf "$root"
  sudo_if_needed mkdir -p "$root"
  sudo_if_needed debootstrap --variant=minbase bookworm "$root" "$mirror"
  echo "deb $mirror bookworm-backports main" |
    sudo_if_needed tee "$root/etc/apt/sources.list.d/backports.list" >/dev/null
  sudo_if_needed touch "$root/.client-triage-ready"
fi
# Packages missing from the chroot (all of them the first time, new ones after a change here).
missing=()
for package in "${backports[@]}" "${others[@]}"; do
  sudo_if_needed chroot "$root" dpkg-query -W -f='${Status}' "$package" 2>/dev/null |
    grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing into the chroot: ${missing[*]}"
  bind /proc
  bind /dev
  bind /dev/pts
  sudo_if_needed chroot "$root" /usr/bin/env DEBIAN_FRONTEND=noninteractive bash -c "
    set -e
    apt-get update
    apt-get install -y --no-install-recommends -t bookworm-backports ${backports[*]}
    apt-get install -y --no-install-recommends ${others[*]}
    apt-get clean"
  unmount_all
  mounted=()
fi

version="$(sudo_if_needed chroot "$root" dpkg-query -W -f='${Version}' libreoffice-calc)"
echo "LibreOffice in the chroot: $version"

[ -x build/office_tests ] || { echo "build/office_tests is missing: run ./run-tests.sh first" >&2; exit 1; }
bind /proc
bind /dev
bind /dev/pts
bind /dev/shm
bind "$work" # the checkout (its build/) and ../shared, at the same paths
# ../shared may be a link (CI links it beside a fresh clone): its target at its own path too.
shared="$(readlink -f "$work/shared" 2>/dev/null || true)"
if [ -n "$shared" ] && [ -d "$shared" ] && [ "$shared" != "$work/shared" ]; then
  bind "$shared"
fi
sudo_if_needed mkdir -p "$root/tmp" && sudo_if_needed chmod 1777 "$root/tmp"

in_chroot() {
  sudo_if_needed chroot "$root" /usr/bin/env HOME=/root LANG=C.UTF-8 \
    TRIAGE_KEEP_PROFILE="${TRIAGE_KEEP_PROFILE:-}" GTEST_FILTER="${GTEST_FILTER:-*}" \
    bash -c "cd '$repo' && $1"
}
parts=("$@")
[ "${#parts[@]}" -gt 0 ] || parts=(office sidebar example)
status=0
for part in "${parts[@]}"; do
  case "$part" in
  office)
    echo "== office tests on LibreOffice $version"
    in_chroot "./build/office_tests" || status=1
    ;;
  sidebar)
    echo "== sidebar test on LibreOffice $version"
    in_chroot "xvfb-run -a -s '-screen 0 1280x800x24' ./build/sidebar_tests" || status=1
    ;;
  example)
    echo "== the main command on LibreOffice $version"
    in_chroot "mkdir -p out/newest &&
      ./build/run_example examples/clients.csv out/newest/example-segmented.ods &&
      ./build/run_example examples/orders.csv out/newest/orders-segmented.ods" || status=1
    ;;
  *)
    echo "unknown part $part (office, sidebar or example)" >&2
    status=2
    ;;
  esac
done
exit "$status"
