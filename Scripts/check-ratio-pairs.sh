#!/usr/bin/env bash
# Compares two release builds of Benchmarks' CheckRatio (say, the last build before a change and the build after it)
# one run after the other, pair by pair, keeping only pairs during which the machine was otherwise idle.
#
#   Scripts/check-ratio-pairs.sh BEFORE AFTER [PAIRS] [TRIES]
#
# BEFORE and AFTER are CheckRatio executables (build each with `cd Benchmarks && swift build -c release --product
# CheckRatio` in its own checkout). Each run is `CheckRatio 4 2000 compliant`. Before a pair the script waits until
# other processes use under a tenth of a core; after it, it keeps the pair only when other processes used under 3%
# of a core during each run (the machine's busy time from /proc/stat less the run's own CPU): on a shared 2-core
# machine another tenant's build moves CheckRatio by 20% or more, far more than the changes it is meant to show.
# Prints one line a pair ("KEPT" or "drop") with each side's check time and ratio; stops after PAIRS kept pairs
# (default 4) or TRIES pairs in all (default 10). Linux only (/proc/stat, GNU time).
set -euo pipefail

if [ $# -lt 2 ] || [ ! -x "$1" ] || [ ! -x "$2" ]; then
  echo "usage: Scripts/check-ratio-pairs.sh BEFORE AFTER [PAIRS] [TRIES]  (two CheckRatio executables)" >&2
  exit 2
fi
before="$1"
after="$2"
want="${3:-4}"
tries="${4:-10}"
if [ ! -r /proc/stat ] || [ ! -x /usr/bin/time ]; then
  echo "check-ratio-pairs.sh: needs /proc/stat and /usr/bin/time (Linux)" >&2
  exit 2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Jiffies (hundredths of a second) the whole machine has spent busy so far.
busy() { awk '/^cpu /{ print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }

# Runs CheckRatio $1 with its output in $2; prints the share of a core other processes used meanwhile.
run() {
  local b0 b1 s0 s1
  b0=$(busy); s0=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$work/own" "$1" 4 2000 compliant >"$2" 2>/dev/null
  b1=$(busy); s1=$(date +%s.%N)
  awk -v b0="$b0" -v b1="$b1" -v s0="$s0" -v s1="$s1" -v own="$(cat "$work/own")" \
    'BEGIN { split(own, t, " "); printf "%.3f", ((b1 - b0) - (t[1] + t[2]) * 100) / ((s1 - s0) * 100) }'
}

summary() { grep 'tacet check' "$1" | awk '{ print $(NF-2) " ms " $NF }'; }

kept=0
for ((try = 1; try <= tries && kept < want; try++)); do
  for _ in $(seq 1 60); do
    b0=$(busy); sleep 5; b1=$(busy)
    [ $((b1 - b0)) -lt 50 ] && break
  done
  others_before=$(run "$before" "$work/before")
  others_after=$(run "$after" "$work/after")
  line="before $(summary "$work/before") | after $(summary "$work/after") | other processes $others_before, $others_after of a core"
  if awk -v a="$others_before" -v b="$others_after" 'BEGIN { exit !(a < 0.03 && b < 0.03) }'; then
    kept=$((kept + 1))
    echo "KEPT $line"
  else
    echo "drop $line"
  fi
done
[ "$kept" -ge "$want" ]
