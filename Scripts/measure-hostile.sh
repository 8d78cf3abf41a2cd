#!/usr/bin/env bash
# Runs `tacet validate` on every hostile YAML case and checks the issue's targets: exit status 2 with
# a file:line:column message, within 2 s and 300 MB each. Prints one line per case.
# Usage: Scripts/measure-hostile.sh [path/to/tacet]   (default: builds and uses .build/release/tacet)
set -euo pipefail
cd "$(dirname "$0")/.."
tacet=${1:-}
if [ -z "$tacet" ]; then
  swift build -c release --product tacet >/dev/null
  tacet=.build/release/tacet
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 Scripts/make-hostile-yaml.py "$dir"
failed=0
printf '%-20s %6s %8s %4s  %s\n' case seconds MB exit message
while read -r name code; do
  file="$dir/$name.yaml"
  set +e
  /usr/bin/time -f '%e %M' -o "$dir/time" "$tacet" validate "$file" >/dev/null 2>"$dir/err"
  status=$?
  set -e
  read -r seconds kb < <(tail -n 1 "$dir/time")
  mb=$((kb / 1024))
  first=$(head -n 1 "$dir/err")
  ok=yes
  [ "$status" -eq 2 ] || ok=no
  grep -qE "^$file:[0-9]+:[0-9]+: error: .*\[$code\]" "$dir/err" || ok=no
  awk -v s="$seconds" 'BEGIN { exit !(s < 2.0) }' || ok=no
  [ "$mb" -lt 300 ] || ok=no
  [ "$ok" = yes ] || failed=1
  printf '%-20s %6s %8s %4s  %s\n' "$name" "$seconds" "$mb" "$status" "${first#"$dir/"}"
done <"$dir/expected-codes.txt"
exit $failed
