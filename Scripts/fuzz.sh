#!/usr/bin/env bash
# Coverage-guided fuzzing of Tacet's parsers with libFuzzer (README, "Fuzzing", says what each target covers).
#
#   Scripts/fuzz.sh --list            the targets, one a line
#   Scripts/fuzz.sh TARGET SECONDS    build TARGET if needed and fuzz it for SECONDS seconds
#   Scripts/fuzz.sh --build [TARGET]  build one target, or all, without running
#
# SwiftPM cannot build a libFuzzer entry point, so the library's modules are compiled here with swiftc into
# .build-fuzz (optimised, AddressSanitizer, libFuzzer's coverage instrumentation) and each target's
# Fuzz/TARGET/main.swift is linked against them. A crash, leak, timeout or memory blow-up stops the run with a
# non-zero status and leaves the input in .build-fuzz/artifacts/TARGET/; replay it with
#   .build-fuzz/bin/TARGET .build-fuzz/artifacts/TARGET/crash-...
# The corpus grows in .build-fuzz/corpus/TARGET between runs; seeds are made afresh each run from the
# shipped files (Scripts/make-fuzz-seeds.py) and Fuzz/seeds/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
out="$root/.build-fuzz"

targets=(yaml-parse documents workspace conditions json-schema plugin-answer lsp-frames)

# -max_len per target. The production byte limit (16 MiB, YAMLLimits.maxInputBytes and the plugin stdout cap)
# is far beyond what mutation explores usefully; these lengths hold every shipped document (the longest
# workspace seed, a policy with its layer, the roster, catalog and a plan, is about 50 KiB) and reach every
# other production limit: nesting deeper than maxDepth (256) takes 257 bytes, an alias expansion past
# maxAliasExpansion (100,000 nodes) a few hundred. Only maxNodes (250,000 nodes, 500 KB at least) and
# maxInputBytes are out of reach; Tests/TacetToolTests/HostileYAMLTests.swift covers those two.
max_len() {
  case "$1" in
    workspace) echo 131072 ;;
    conditions) echo 16384 ;;
    *) echo 65536 ;;
  esac
}

# The dictionaries each target is given (merged into one, libFuzzer takes one -dict).
dictionaries() {
  case "$1" in
    yaml-parse) echo yaml ;;
    documents|workspace|conditions) echo "yaml tacet" ;;
    json-schema|plugin-answer|lsp-frames) echo json ;;
  esac
}

usage() {
  echo "usage: Scripts/fuzz.sh --list | TARGET SECONDS | --build [TARGET]" >&2
  echo "targets: ${targets[*]}" >&2
  exit 2
}

is_target() {
  local name
  for name in "${targets[@]}"; do [ "$name" = "$1" ] && return 0; done
  return 1
}

# Fails loudly when the toolchain cannot build a libFuzzer binary: a fuzz step must never pass by doing nothing.
check_toolchain() {
  command -v swift >/dev/null 2>&1 || { echo "fuzz.sh: swift is not on PATH" >&2; exit 3; }
  command -v clang >/dev/null 2>&1 && command -v clang++ >/dev/null 2>&1 || { echo "fuzz.sh: clang and clang++ (part of the Swift toolchain) are not on PATH" >&2; exit 3; }
  command -v python3 >/dev/null 2>&1 || { echo "fuzz.sh: python3 is needed for the seed corpora" >&2; exit 3; }
  local resource
  resource="$(dirname "$(dirname "$(command -v swiftc)")")/lib/swift/clang/lib/linux"
  if ! compgen -G "$resource/libclang_rt.fuzzer*" >/dev/null; then
    echo "fuzz.sh: this Swift toolchain has no libFuzzer runtime (looked in $resource)" >&2
    exit 3
  fi
}

# Tacet's library modules in dependency order (CYAML and CCbc are libyaml's and COIN-OR CBC's module maps, CSpawn
# and CCbcModel are compiled below). Kept
# in step with Package.swift: a module missing here makes the next one fail to build, loudly.
modules=(TacetDiagnostics TacetYAML TacetDocuments TacetPlanning TacetEngine TacetPluginProtocol TacetSchemas
         TacetPluginHost TacetReports TacetTool TacetLanguageServer)

# swift-crypto (SHA-256 for plugin pinning and SARIF fingerprints) is not under test: it is taken as
# `swift build` builds it into .build (debug, uninstrumented), which `swift test` has built already.
crypto_dir=""
build_crypto() {
  crypto_dir="$root/.build/debug"
  # Built already (by `swift build` or `swift test`): not asked again, which would wait for any build
  # holding .build. Its version is pinned, so it cannot be stale.
  if [ -e "$crypto_dir/Modules/Crypto.swiftmodule" ] && [ -n "$(find "$crypto_dir/CCryptoBoringSSL.build" -name "*.o" 2>/dev/null | head -1)" ]; then
    return 0
  fi
  if ! swift build --target Crypto > "$out/crypto-build.log" 2>&1; then
    grep -v '^\[[0-9]*/[0-9]*\] ' "$out/crypto-build.log" | tail -40 >&2
    echo "fuzz.sh: swift-crypto did not build (above)" >&2
    exit 1
  fi
  crypto_dir="$(swift build --show-bin-path)"
}

# Flags every Swift compile here shares: where modules are, the C modules' maps, one package name (the
# targets use `package` declarations), Swift 6, optimised, AddressSanitizer and libFuzzer's coverage.
swift_flags() {
  local map
  printf '%s\n' -swift-version 6 -O -g -sanitize=fuzzer,address -package-name tacet -parse-as-library \
    -I "$out/modules" -I "$crypto_dir/Modules" -module-cache-path "$out/module-cache" \
    -Xcc "-fmodule-map-file=$root/Sources/CYAML/module.modulemap" -Xcc "-fmodule-map-file=$root/Sources/CCbc/module.modulemap" \
    -Xcc "-fmodule-map-file=$out/c/CSpawn/module.modulemap" -Xcc "-fmodule-map-file=$out/c/CCbcModel/module.modulemap"
  for map in "$root"/.build/checkouts/swift-crypto/Sources/*/include/module.modulemap; do
    printf '%s\n' -Xcc "-fmodule-map-file=$map" -Xcc "-I$(dirname "$map")"
  done
  # libyaml's headers, where pkg-config says (usually the default include path).
  for map in $(pkg-config --cflags-only-I yaml-0.1 2>/dev/null); do printf '%s\n' -Xcc "$map"; done
  # CBC's headers are under include/coin, which only pkg-config knows.
  for map in $(pkg-config --cflags-only-I cbc 2>/dev/null); do printf '%s\n' -Xcc "$map"; done
}

# Newer than every file in the rest of the arguments (or they are missing)?
up_to_date() {
  local made="$1"; shift
  [ -e "$made" ] && [ -z "$(find "$@" -newer "$made" 2>/dev/null | head -1)" ]
}

# Builds the library into .build-fuzz: CSpawn with clang and CCbcModel (CBC's branch and cut) with clang++, then
# each Swift module whole-module with swiftc.
# A module is rebuilt when one of its sources, or a module before it, changed (after changing the flags
# below, remove .build-fuzz).
build_library() {
  mkdir -p "$out/modules" "$out/objects" "$out/c/CSpawn" "$out/c/CCbcModel" "$out/module-cache"
  build_crypto
  if ! up_to_date "$out/objects/CSpawn.o" Sources/CSpawn; then
    printf 'module CSpawn {\n  umbrella header "%s"\n  export *\n}\n' "$root/Sources/CSpawn/include/CSpawn.h" \
      > "$out/c/CSpawn/module.modulemap"
    clang -c -O1 -g -fsanitize=address -fsanitize=fuzzer-no-link -I Sources/CSpawn/include Sources/CSpawn/CSpawn.c \
      -o "$out/objects/CSpawn.o"
  fi
  if ! up_to_date "$out/objects/CCbcModel.o" Sources/CCbcModel; then
    printf 'module CCbcModel {\n  header "%s"\n  export *\n}\n' "$root/Sources/CCbcModel/include/TacetCbc.h" \
      > "$out/c/CCbcModel/module.modulemap"
    local cbc_flags
    read -r -a cbc_flags <<< "$(pkg-config --cflags cbc)"
    clang++ -c -O1 -g -fsanitize=address -fsanitize=fuzzer-no-link -I Sources/CCbcModel/include "${cbc_flags[@]}" \
      Sources/CCbcModel/TacetCbc.cpp -o "$out/objects/CCbcModel.o"
  fi
  local flags module previous="" sources
  mapfile -t flags < <(swift_flags)
  for module in "${modules[@]}"; do
    [ -d "Sources/$module" ] || { echo "fuzz.sh: no Sources/$module: update the module list in fuzz.sh" >&2; exit 1; }
    if ! up_to_date "$out/objects/$module.o" "Sources/$module" ${previous:+"$previous"}; then
      echo "fuzz.sh: compiling $module" >&2
      mapfile -t sources < <(find "Sources/$module" -name '*.swift' | sort)
      swiftc "${flags[@]}" -module-name "$module" -whole-module-optimization -emit-module \
        -emit-module-path "$out/modules/$module.swiftmodule" -c "${sources[@]}" -o "$out/objects/$module.o"
      touch "$out/objects/$module.o"  # swiftc leaves an unchanged object as it was, which would look stale
    fi
    previous="$out/objects/$module.o"
  done
}

# Links one target against the library objects; skipped when the binary is newer than both.
build_target() {
  local target="$1" binary flags crypto_objects
  binary="$out/bin/$target"
  mkdir -p "$out/bin"
  mapfile -t crypto_objects < <(find -H "$crypto_dir" -path '*.build/*.o' \( -path '*/Crypto.build/*' -o -path '*/CCryptoBoringSSL.build/*' \
    -o -path '*/CCryptoBoringSSLShims.build/*' -o -path '*/CryptoBoringWrapper.build/*' \) | sort)
  [ ${#crypto_objects[@]} -gt 0 ] || { echo "fuzz.sh: no swift-crypto objects in $crypto_dir" >&2; exit 1; }
  if up_to_date "$binary" "Fuzz/$target/main.swift" "$out/objects"; then return 0; fi
  echo "fuzz.sh: linking $target" >&2
  mapfile -t flags < <(swift_flags)
  # lld: gold warns about every ASan helper symbol it cannot export.
  local cbc_libs
  read -r -a cbc_libs <<< "$(pkg-config --libs cbc)"
  swiftc -use-ld=lld "${flags[@]}" "Fuzz/$target/main.swift" "$out"/objects/*.o "${crypto_objects[@]}" -lyaml "${cbc_libs[@]}" -lstdc++ \
    -o "$binary"
}

# Makes the seeds of the targets named (each in its own folder, so runs of different targets can share .build-fuzz).
seeds() {
  local target
  for target in "$@"; do
    export "MAX_LEN_$(echo "$target" | tr 'a-z-' 'A-Z_')=$(max_len "$target")"
  done
  python3 Scripts/make-fuzz-seeds.py "$root" "$out/seeds" "$@"
}

run_target() {
  local target="$1" seconds="$2" dict
  mkdir -p "$out/corpus/$target" "$out/artifacts/$target"
  dict="$out/dictionaries/$target.dict"
  mkdir -p "$out/dictionaries"
  : > "$dict"
  for name in $(dictionaries "$target"); do cat "Fuzz/dictionaries/$name.dict" >> "$dict"; done
  echo "fuzz.sh: fuzzing $target for $seconds s" >&2
  # New inputs go to the corpus (first folder); the seeds are read only. Leaks are errors (detect_leaks);
  # an input running past -timeout seconds or memory past -rss_limit_mb fails the run, as a crash does.
  local status=0
  # SWIFT_BACKTRACE: Swift's own crash backtracer would read the stack under ASan (a false report) and
  # keep the output pipe open; libFuzzer and ASan print the crash instead.
  TACET_SOURCE_ROOT="$root" ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" SWIFT_BACKTRACE=enable=no \
    "$out/bin/$target" "$out/corpus/$target" "$out/seeds/$target" \
      -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=2048 -detect_leaks=1 \
      -dict="$dict" -artifact_prefix="$out/artifacts/$target/" -print_final_stats=1 \
    2> "$out/$target.log" || status=$?
  # The last status line (executions, cov: edges, ft: features, corpus) and the final statistics.
  grep -E '^#[0-9]+[[:space:]]' "$out/$target.log" | tail -1 >&2 || true
  grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|Done [0-9]+ runs)' "$out/$target.log" >&2 || true
  if [ "$status" -ne 0 ]; then
    echo "fuzz.sh: $target FAILED (status $status); log: $out/$target.log; input saved in $out/artifacts/$target/:" >&2
    grep -E '^(==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written to)|Fatal error|ERROR: libFuzzer' "$out/$target.log" >&2 || true
    ls -t "$out/artifacts/$target/" | head -3 >&2
    exit 1
  fi
}

[ $# -ge 1 ] || usage
case "$1" in
  --list)
    printf '%s\n' "${targets[@]}"
    ;;
  --build)
    check_toolchain
    build_library
    if [ $# -ge 2 ]; then
      is_target "$2" || usage
      build_target "$2"
    else
      for target in "${targets[@]}"; do build_target "$target"; done
    fi
    ;;
  *)
    [ $# -eq 2 ] || usage
    is_target "$1" || { echo "fuzz.sh: no target '$1'" >&2; usage; }
    [[ "$2" =~ ^[1-9][0-9]*$ ]] || { echo "fuzz.sh: SECONDS must be a positive whole number, not '$2'" >&2; exit 2; }
    check_toolchain
    build_library
    build_target "$1"
    seeds "$1"
    run_target "$1" "$2"
    ;;
esac
