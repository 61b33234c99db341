#!/usr/bin/env bash
# Fuzzes the loader and the article parser (Loader.documents → ArticleParser.parse →
# CorpusBuilder.build, for .txt, .md and .jsonl input) with libFuzzer and AddressSanitizer.
#
#   scripts/fuzz.sh [seconds]      default 60 (what CI runs)
#
# Longer run, e.g. overnight on two cores:
#   FUZZ_JOBS=2 scripts/fuzz.sh 28800
# Inputs that find new paths are kept in fuzz-out/corpus (not committed); a crash, leak or
# hang (one input over 10 s) is written to fuzz-out/crash-* / timeout-* and the script fails.
# Reproduce one with: fuzz-out/dossier-fuzz fuzz-out/crash-<hash>. Once fixed, add it as a
# test in Tests/DossierCoreTests/Robust*.swift and, if small, to Fuzz/corpus/.
# The first byte of an input selects the file kind (0: .txt, 1: .md, 2: .jsonl, modulo 3).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
jobs=${FUZZ_JOBS:-1}
out=fuzz-out
bin=$out/dossier-fuzz
mkdir -p "$out/corpus"

mapfile -t sources < <(find Sources/DossierCore -name '*.swift' | sort)
if [ ! -x "$bin" ] || [ -n "$(find Sources/DossierCore Fuzz -name '*.swift' -newer "$bin" | head -n 1)" ]; then
  echo "building $bin"
  swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name DossierFuzz \
    "${sources[@]}" Fuzz/FuzzTarget.swift -o "$bin"
fi

echo "fuzzing for ${seconds}s with $jobs job(s)"
args=(-max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1
      -artifact_prefix="$out/" "$out/corpus" Fuzz/corpus)
if [ "$jobs" -gt 1 ]; then args=(-jobs="$jobs" -workers="$jobs" "${args[@]}"); fi
"$bin" "${args[@]}"
