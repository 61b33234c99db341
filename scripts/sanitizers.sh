#!/usr/bin/env bash
# Runs the test suite under AddressSanitizer, then ThreadSanitizer (parsing and loading run on
# background threads: CorpusBuilder.parseAll, the reader's background work).
#
#   scripts/sanitizers.sh            both
#   scripts/sanitizers.sh address    one of them (address | thread)
#   scripts/sanitizers.sh address --filter Robust    extra arguments go to `swift test`
#
# Each sanitizer builds into its own scratch folder (.build-asan, .build-tsan; gitignored) so the
# normal .build stays as it is. End-to-end tests run the normal .build/debug/dossier binary.
set -euo pipefail
cd "$(dirname "$0")/.."

kinds=("${1:-all}")
[ "${kinds[0]}" = all ] && kinds=(address thread)
shift || true

# Leaks at exit are Foundation's and the runtime's caches, not ours; real leaks are not the target here.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:halt_on_error=1}
# Sanitized code runs several times slower: widen the tests' hang guards.
export DOSSIER_TIME_FACTOR=${DOSSIER_TIME_FACTOR:-8}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}

swift build --product dossier >/dev/null
status=0
for kind in "${kinds[@]}"; do
  case $kind in
    address) scratch=.build-asan ;;
    thread) scratch=.build-tsan ;;
    *) echo "unknown sanitizer: $kind" >&2; exit 2 ;;
  esac
  echo "== swift test --sanitize=$kind"
  start=$(date +%s)
  if swift test --scratch-path "$scratch" --sanitize="$kind" "$@" 2>&1 | tee "/tmp/dossier-sanitize-$kind.log" \
      | grep -E '✘|Test run with|ERROR: (Address|Thread)Sanitizer|WARNING: ThreadSanitizer|SUMMARY' ; then :; fi
  result=${PIPESTATUS[0]}
  if grep -qE 'ERROR: AddressSanitizer|WARNING: ThreadSanitizer' "/tmp/dossier-sanitize-$kind.log"; then result=1; fi
  echo "== $kind: exit $result in $(( $(date +%s) - start ))s (log: /tmp/dossier-sanitize-$kind.log)"
  [ "$result" = 0 ] || status=1
done
exit $status
