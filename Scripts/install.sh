#!/usr/bin/env bash
# Installs tacet under a prefix: bin/tacet; share/tacet/ with the default policy, its policy tests, the
# curricula, the shipped plugins (the Swift one as its built executable) and the JSON Schemas; the man
# page; bash, zsh and fish completions; LICENSE and CHANGELOG in share/doc/tacet. Every file written is
# listed in share/tacet/installed-files.txt, which share/tacet/uninstall.sh (Scripts/uninstall.sh) reads.
#
#   Scripts/install.sh [--prefix DIR] [--from-build DIR]
#
# --prefix DIR      where to install (default /usr/local)
# --from-build DIR  install the executables already built in DIR (e.g. .build/debug) instead of running
#                   `swift build -c release`; Scripts/package-release.sh and the tests use it
#
# Running it again over an installation replaces it, and removes the files the previous one listed that
# this one no longer writes.
set -euo pipefail

program="install.sh"
fail() { echo "$program: $*" >&2; exit 1; }
usage() { sed -n '7,11p' "$0" | sed 's/^# \{0,1\}//'; }

prefix="/usr/local"
from_build=""
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || fail "--prefix needs a folder"; prefix="$2"; shift 2 ;;
        --prefix=*) prefix="${1#--prefix=}"; shift ;;
        --from-build) [ $# -ge 2 ] || fail "--from-build needs a build folder"; from_build="$2"; shift 2 ;;
        --from-build=*) from_build="${1#--from-build=}"; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; fail "unknown argument '$1'" ;;
    esac
done
[ -n "$prefix" ] || fail "--prefix is empty"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ -f "$root/Package.swift" ] && [ -f "$root/Policies/music-therapy-ai-use.yaml" ] \
    || fail "$root is not a Tacet source tree (no Package.swift or Policies/music-therapy-ai-use.yaml)"

if [ -z "$from_build" ]; then
    echo "$program: building a release binary (swift build -c release); this takes a few minutes"
    (cd "$root" && swift build -c release) || fail "swift build -c release failed (output above)"
    from_build="$(cd "$root" && swift build -c release --show-bin-path)"
fi
[ -d "$from_build" ] || fail "build folder '$from_build' does not exist"
from_build="$(cd "$from_build" && pwd)"
for product in tacet consent-coverage; do
    [ -f "$from_build/$product" ] && [ -x "$from_build/$product" ] \
        || fail "no executable '$product' in $from_build: run 'swift build' (or 'swift build -c release') in $root first"
done
version="$("$from_build/tacet" --version)" || fail "$from_build/tacet does not run (tacet --version failed)"

if [ -e "$prefix" ] && [ ! -d "$prefix" ]; then fail "prefix '$prefix' exists and is not a folder"; fi
mkdir -p "$prefix" || fail "cannot create the prefix folder '$prefix'"
[ -w "$prefix" ] || fail "cannot write to '$prefix' (run as a user who can, or choose another --prefix)"
prefix="$(cd "$prefix" && pwd)"

share="share/tacet"
manifest="$share/installed-files.txt"
written=()
# The same list as a set: membership is a lookup, not a `grep -q` in a pipeline, which under `pipefail`
# can fail when grep exits before printf has written everything (SIGPIPE) and so called a file stale.
declare -A is_written=()

# put MODE SOURCE RELATIVE-DESTINATION: one file, written through a temporary name so that a running
# tacet is never half-replaced.
# The temporary name is unique (mktemp), so two installs into one prefix never write through the same one.
put() {
    local mode="$1" source="$2" destination="$prefix/$3" scratch
    [ -f "$source" ] || fail "missing source file $source"
    mkdir -p "$(dirname "$destination")" || fail "cannot create $(dirname "$destination")"
    scratch="$(mktemp "$destination.XXXXXX.installing")" || fail "cannot write in $(dirname "$destination")"
    cp "$source" "$scratch" || { rm -f "$scratch"; fail "cannot write $scratch"; }
    chmod "$mode" "$scratch"
    mv -f "$scratch" "$destination" || { rm -f "$scratch"; fail "cannot replace $destination"; }
    if [ -z "${is_written[$3]:-}" ]; then written+=("$3"); is_written[$3]=1; fi
}

# put_tree SOURCE-FOLDER RELATIVE-DESTINATION: every file below the folder, keeping sub-folders;
# executables stay executable.
put_tree() {
    local source="$1" destination="$2" file relative
    while IFS= read -r file; do
        relative="${file#"$source"/}"
        if [ -x "$file" ]; then put 755 "$file" "$destination/$relative"; else put 644 "$file" "$destination/$relative"; fi
    done < <(find "$source" -type f ! -name '*.pyc' ! -path '*/__pycache__/*' | LC_ALL=C sort)
}

# generated RELATIVE-DESTINATION COMMAND...: a file holding COMMAND's standard output.
generated() {
    local destination="$1" scratch
    shift
    scratch="$(mktemp)"
    "$@" > "$scratch" || { rm -f "$scratch"; fail "could not generate $destination ($* failed)"; }
    put 644 "$scratch" "$destination"
    rm -f "$scratch"
}

previous=""
if [ -f "$prefix/$manifest" ]; then previous="$(cat "$prefix/$manifest")"; fi

# write_manifest: every file this run wrote, and, until the run completes, every file the previous one
# listed too, so that an install that fails half-way leaves nothing uninstall.sh does not know of.
completed=0
write_manifest() {
    local scratch
    mkdir -p "$prefix/$share" || return 1
    scratch="$(mktemp "$prefix/$manifest.XXXXXX.installing")" || return 1
    {
        printf '%s\n' "${written[@]}"
        if [ "$completed" -eq 0 ] && [ -n "$previous" ]; then
            while IFS= read -r old; do
                [ -n "$old" ] && [ "$old" != "$manifest" ] && [ -z "${is_written[$old]:-}" ] && printf '%s\n' "$old"
            done <<< "$previous"
        fi
        printf '%s\n' "$manifest"
    } > "$scratch" && mv -f "$scratch" "$prefix/$manifest"
}
trap '[ "$completed" -eq 1 ] || [ ${#written[@]} -eq 0 ] || write_manifest || true' EXIT

put 755 "$from_build/tacet" "bin/tacet"

# The default policy only: a team layer is the clinic's own (tacet init writes one). Its policy tests
# go beside it, not inside policies/, so that loading the policies folder never loads the tests' inputs
# (workflows that break the policy on purpose) as a team's documents.
put 644 "$root/Policies/music-therapy-ai-use.yaml" "$share/policies/music-therapy-ai-use.yaml"
for test_file in music-therapy-ai-use.yaml tasks.yaml; do
    put 644 "$root/Policies/tests/$test_file" "$share/policy-tests/$test_file"
done
put_tree "$root/Policies/tests/inputs" "$share/policy-tests/inputs"

put_tree "$root/Curricula" "$share/curricula"

for schema in "$root"/docs/schemas/*.schema.json; do
    put 644 "$schema" "$share/schemas/$(basename "$schema")"
done
# The code reference, which `tacet lsp` links each diagnostic's code to.
put 644 "$root/docs/codes.md" "$share/docs/codes.md"

# A plugin written in Swift (a folder with Sources/) is installed as its built executable with a
# manifest whose command names it: no run script, no .build lookup. Any other plugin is copied as is.
for plugin in "$root"/Plugins/*/; do
    plugin="${plugin%/}"
    name="$(basename "$plugin")"
    [ -f "$plugin/plugin.yaml" ] || continue
    if [ -d "$plugin/Sources" ]; then
        put 755 "$from_build/$name" "$share/plugins/$name/$name"
        scratch="$(mktemp)"
        awk -v name="$name" '
            /^command:/ { print "command: [./" name "]"; replaced = 1; next }
            /^# .*`run`/ { print "# Installed by Scripts/install.sh: the command is the built executable beside this manifest."; next }
            { print }
            END { if (!replaced) exit 1 }
        ' "$plugin/plugin.yaml" > "$scratch" || { rm -f "$scratch"; fail "$plugin/plugin.yaml has no 'command:' line to point at the executable"; }
        put 644 "$scratch" "$share/plugins/$name/plugin.yaml"
        rm -f "$scratch"
    else
        put_tree "$plugin" "$share/plugins/$name"
    fi
done

put 755 "$root/Scripts/uninstall.sh" "$share/uninstall.sh"
put 644 "$root/docs/man/tacet.1" "share/man/man1/tacet.1"
generated "share/bash-completion/completions/tacet" "$from_build/tacet" --generate-completion-script bash
generated "share/zsh/site-functions/_tacet" "$from_build/tacet" --generate-completion-script zsh
generated "share/fish/vendor_completions.d/tacet.fish" "$from_build/tacet" --generate-completion-script fish
put 644 "$root/LICENSE" "share/doc/tacet/LICENSE"
put 644 "$root/CHANGELOG.md" "share/doc/tacet/CHANGELOG.md"

# The manifest lists itself last, so that uninstall removes it last.
completed=1
write_manifest || fail "cannot write $prefix/$manifest"
written+=("$manifest")
is_written[$manifest]=1

# What the previous installation wrote and this one did not: left over, so removed.
stale=0
if [ -n "$previous" ]; then
    while IFS= read -r old; do
        case "$old" in ""|/*|..|../*|*/..|*/../*) continue ;; esac
        if [ -z "${is_written[$old]:-}" ] && [ -f "$prefix/$old" ]; then
            rm -f "$prefix/$old"
            stale=$((stale + 1))
        fi
    done <<< "$previous"
    find "$prefix/$share" -depth -type d -empty -delete
fi

count() { printf '%s\n' "${written[@]}" | grep -c "^$1" || true; }
echo "installed tacet $version into $prefix (${#written[@]} files, listed in $prefix/$manifest):"
echo "  bin/tacet"
echo "  $share/policies/      the default policy music-therapy-ai-use"
echo "  $share/policy-tests/  its policy tests ($(count "$share/policy-tests/") files): tacet test $prefix/$share/policies $prefix/$share/policy-tests"
echo "  $share/curricula/     framework, catalog and requirements ($(count "$share/curricula/") files)"
echo "  $share/plugins/       $(cd "$prefix/$share/plugins" && ls | paste -sd ' ' -)"
echo "  $share/schemas/       JSON Schemas ($(count "$share/schemas/") files)"
echo "  share/man/man1/tacet.1, completions for bash, zsh and fish, share/doc/tacet/ (LICENSE, CHANGELOG.md)"
[ "$stale" -eq 0 ] || echo "  removed $stale file(s) the previous installation wrote and this one does not"
echo "uninstall: $prefix/$share/uninstall.sh"
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "note: $prefix/bin is not on PATH" ;;
esac
