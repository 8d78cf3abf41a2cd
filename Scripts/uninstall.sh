#!/usr/bin/env bash
# Removes what Scripts/install.sh installed under a prefix: exactly the files listed in
# PREFIX/share/tacet/installed-files.txt, then the folders of share/tacet and share/doc/tacet left empty.
# Nothing else is touched (bin/, share/man/man1 and the completion folders stay, minus tacet's files).
#
#   uninstall.sh [--prefix DIR]
#
# --prefix DIR  the prefix install.sh was given; default: the prefix this copy is installed in
#               (PREFIX/share/tacet/uninstall.sh), else /usr/local
set -euo pipefail

program="uninstall.sh"
fail() { echo "$program: $*" >&2; exit 1; }
usage() { sed -n '6,9p' "$0" | sed 's/^# \{0,1\}//'; }

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
case "$here" in
    */share/tacet) prefix="${here%/share/tacet}" ;;
    *) prefix="/usr/local" ;;
esac
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || fail "--prefix needs a folder"; prefix="$2"; shift 2 ;;
        --prefix=*) prefix="${1#--prefix=}"; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; fail "unknown argument '$1'" ;;
    esac
done

manifest="$prefix/share/tacet/installed-files.txt"
[ -f "$manifest" ] || fail "$manifest not found: Scripts/install.sh installed nothing under '$prefix'"

# Read the whole list first: the manifest itself is on it.
files=()
while IFS= read -r file; do
    case "$file" in
        "") continue ;;
        /*|..|../*|*/..|*/../*) fail "$manifest lists '$file', which is not inside the prefix; nothing removed" ;;
    esac
    files+=("$file")
done < "$manifest"

removed=0
for file in "${files[@]}"; do
    if [ -f "$prefix/$file" ] || [ -L "$prefix/$file" ]; then
        rm -f "$prefix/$file" || fail "cannot remove $prefix/$file"
        removed=$((removed + 1))
    fi
done
for folder in "$prefix/share/tacet" "$prefix/share/doc/tacet"; do
    if [ -d "$folder" ]; then find "$folder" -depth -type d -empty -delete; fi
done
echo "removed tacet from $prefix: $removed of the ${#files[@]} files it installed"
if [ -d "$prefix/share/tacet" ]; then
    echo "note: $prefix/share/tacet still holds files tacet did not install; left alone"
fi
