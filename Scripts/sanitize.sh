#!/usr/bin/env bash
# The whole test suite under a sanitizer: AddressSanitizer (memory errors: overflows, use after free) and
# ThreadSanitizer (data races). Too slow for CI (each is a full build of its own and a slower run); run it before
# resolving a change to concurrency, the YAML layer or anything that touches unsafe pointers.
#
#   Scripts/sanitize.sh address        swift test --sanitize=address
#   Scripts/sanitize.sh thread         swift test --sanitize=thread
#   Scripts/sanitize.sh all            both, one after the other (the default)
#   Scripts/sanitize.sh thread --filter PluginHostTests    extra arguments go to `swift test`
#
# Each sanitizer builds into its own scratch directory (.build-asan, .build-tsan), so the ordinary .build is left
# alone and a second run is incremental. The log of each run is kept in SCRATCH/test.log. The script fails when the
# build fails, when a test fails, or when the sanitizer reported anything, even in a test that passed (ThreadSanitizer
# only changes the exit status at the end, and a child process's report would otherwise be lost in its stderr).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

usage() {
  echo "usage: Scripts/sanitize.sh [address|thread|all] [swift test arguments...]" >&2
  exit 2
}

which_ones=all
if [ $# -gt 0 ]; then
  case "$1" in
    address|thread|all) which_ones="$1"; shift ;;
    -h|--help) usage ;;
    -*) ;;
    *) usage ;;
  esac
fi

# Swift's own backtracer and the sanitizers' signal handlers fight over the same signals; the sanitizer's report is
# the one wanted here.
export SWIFT_BACKTRACE=enable=no

run_one() {
  local sanitizer="$1"; shift
  # slowdown: how many times slower than a plain debug build the tests may run; tests with a wall-clock limit (the
  # planner's time limit, waits for a language server's answer or a process) stretch it by TACET_TEST_SLOWDOWN
  # instead of failing for speed. ThreadSanitizer instruments every memory access, AddressSanitizer far fewer.
  local scratch log slowdown
  case "$sanitizer" in
    address) scratch="$root/.build-asan"; slowdown=4 ;;
    thread) scratch="$root/.build-tsan"; slowdown=10 ;;
  esac
  mkdir -p "$scratch"
  log="$scratch/test.log"
  echo "== $sanitizer: building into ${scratch#"$root"/} (a first build takes several minutes)" >&2
  if ! swift build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch" >"$scratch/build.log" 2>&1; then
    tail -n 20 "$scratch/build.log" >&2
    echo "== $sanitizer: build failed; log in ${scratch#"$root"/}/build.log" >&2
    return 1
  fi
  echo "== $sanitizer: running the tests; log in ${log#"$root"/}" >&2
  # The shipped consent-coverage plugin starts the binary SwiftPM built beside tacet, looking in .build and then
  # on PATH: a checkout with only this sanitizer build must find it there.
  local PATH="$scratch/debug:$PATH"
  local status=0
  # detect_leaks=0: the Swift runtime keeps its metadata caches for the life of the process, which LeakSanitizer
  # reports as leaks in every test binary; the fuzz targets (Scripts/fuzz.sh) check for leaks per input instead.
  # halt_on_error=0 for ThreadSanitizer so one race does not hide the next; the log is scanned below.
  TACET_TEST_SLOWDOWN="${TACET_TEST_SLOWDOWN:-$slowdown}" \
  ASAN_OPTIONS="detect_leaks=0:abort_on_error=0:${ASAN_OPTIONS:-}" \
  TSAN_OPTIONS="halt_on_error=0:second_deadlock_stack=1:${TSAN_OPTIONS:-}" \
    swift test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch" "$@" >"$log" 2>&1 || status=$?
  tail -n 3 "$log" >&2
  local reports
  reports=$(grep -c -E '^(==[0-9]+==ERROR: AddressSanitizer|WARNING: ThreadSanitizer|SUMMARY: (Address|Thread|UndefinedBehavior)Sanitizer)' "$log" || true)
  if [ "$status" -ne 0 ] || [ "$reports" -ne 0 ]; then
    echo "== $sanitizer: FAILED (swift test status $status, $reports sanitizer report lines; see ${log#"$root"/})" >&2
    return 1
  fi
  echo "== $sanitizer: clean" >&2
}

failed=0
case "$which_ones" in
  all)
    run_one address "$@" || failed=1
    run_one thread "$@" || failed=1
    ;;
  *) run_one "$which_ones" "$@" || failed=1 ;;
esac
exit "$failed"
