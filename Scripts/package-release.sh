#!/usr/bin/env bash
# Makes tacet-VERSION-linux-ARCH.tar.gz: the layout Scripts/install.sh writes (bin/, share/) at the
# archive's top, so that it can be extracted straight into a prefix (`tar -C /usr/local -xzf ...`).
# tacet and the consent-coverage plugin are linked with the Swift runtime static (--static-swift-stdlib),
# so the archive runs on a Linux machine with no Swift toolchain: it needs glibc, libstdc++/libgcc_s,
# libyaml and COIN-OR CBC with the libraries it builds on (libCbcSolver, libCbc, libCgl, libClp, libOsi,
# libCoinUtils; on Debian/Ubuntu `apt-get install libyaml-0-2 coinor-libcbc-dev` pulls them). The script
# refuses to package an executable that ldd shows linking a libswift, or missing a library.
#
#   Scripts/package-release.sh [--output DIR]
#
# --output DIR  where to write the archive (default: dist/ in the source tree)
set -euo pipefail

program="package-release.sh"
fail() { echo "$program: $*" >&2; exit 1; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
output="$root/dist"
while [ $# -gt 0 ]; do
    case "$1" in
        --output) [ $# -ge 2 ] || fail "--output needs a folder"; output="$2"; shift 2 ;;
        -h|--help) sed -n '10,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) fail "unknown argument '$1'" ;;
    esac
done
[ "$(uname -s)" = "Linux" ] || fail "this makes a Linux archive; run it on Linux"
command -v ldd >/dev/null || fail "ldd is needed to check the archive's libraries"

echo "$program: building release binaries with the Swift runtime linked statically; this takes a while"
build=(swift build -c release --static-swift-stdlib)
(cd "$root" && "${build[@]}") || fail "${build[*]} failed (output above)"
bin="$(cd "$root" && "${build[@]}" --show-bin-path)"

version="$("$bin/tacet" --version)" || fail "$bin/tacet does not run"
arch="$(uname -m)"
name="tacet-$version-linux-$arch"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
"$root/Scripts/install.sh" --prefix "$stage/$name" --from-build "$bin" > "$stage/install.log" \
    || { cat "$stage/install.log" >&2; fail "installing into the staging folder failed"; }

executables=(bin/tacet share/tacet/plugins/consent-coverage/consent-coverage)
# Symbols are a third of the statically linked binaries' size and nothing at run time needs them.
if command -v strip >/dev/null; then
    for executable in "${executables[@]}"; do strip "$stage/$name/$executable" || fail "strip $executable failed"; done
else
    echo "$program: no strip on PATH; the executables keep their symbols" >&2
fi
for executable in "${executables[@]}"; do
    if ldd "$stage/$name/$executable" | grep -q libswift; then
        ldd "$stage/$name/$executable" >&2
        fail "$executable still links a Swift runtime library (above)"
    fi
    if ldd "$stage/$name/$executable" | grep -q "not found"; then
        ldd "$stage/$name/$executable" >&2
        fail "$executable needs a library this machine lacks (above); for CBC: apt-get install coinor-libcbc-dev"
    fi
done

mkdir -p "$output" || fail "cannot create $output"
output="$(cd "$output" && pwd)"
archive="$output/$name.tar.gz"
tar -C "$stage/$name" --owner=0 --group=0 -czf "$archive.partial" bin share || fail "tar failed"
mv -f "$archive.partial" "$archive"

echo "$program: wrote $archive ($(du -h "$archive" | cut -f1))"
echo "libraries bin/tacet needs (ldd):"
ldd "$stage/$name/bin/tacet" | sed 's/^/  /'
