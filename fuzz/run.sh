#!/usr/bin/env bash
# Runs every fuzz target for FUZZ_SECONDS (default 60) from its committed
# seeds, then prints a summary. Exits non-zero if any target crashed, hung,
# leaked or produced a sanitizer report; the input that did it is saved
# under $FUZZ_BUILD_DIR/fuzz/artifacts/<target>/ and the log beside it.
# Called by `make fuzz` after building the targets.
set -uo pipefail
cd "$(dirname "$0")/.."
build=${FUZZ_BUILD_DIR:-build-fuzz}
seconds=${FUZZ_SECONDS:-60}
# FUZZ_TARGETS="command event" runs only those.
read -r -a targets <<<"${FUZZ_TARGETS:-command event http query}"
symbolizer=$(command -v llvm-symbolizer-19 || command -v llvm-symbolizer || true)
[[ -n "$symbolizer" ]] && export ASAN_SYMBOLIZER_PATH=$symbolizer
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

failed=0
summary=()
for t in "${targets[@]}"; do
  bin="$build/fuzz/${t}_fuzzer"
  work="$build/fuzz/corpus/$t"        # grows as the fuzzer finds new inputs
  artifacts="$build/fuzz/artifacts/$t"
  log="$build/fuzz/$t.log"
  mkdir -p "$work" "$artifacts"
  echo "fuzz: $t for ${seconds} s (log: $log)"
  "$bin" -max_total_time="$seconds" -timeout=60 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "$work" "fuzz/corpus/$t" >"$log" 2>&1
  rc=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
  corpus=$(grep -o 'corp: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
  if ((rc == 0)) && ! grep -qE 'ERROR: (Address|Leak|UndefinedBehavior)Sanitizer|runtime error:|== DEFECT' "$log"; then
    result=ok
  else
    result="FAILED (exit $rc)"
    failed=1
    grep -E -m5 -A3 'ERROR: |runtime error:|== DEFECT|Test unit written' "$log" | sed 's/^/    /'
  fi
  summary+=("$(printf '%-8s %-16s %12s runs %7s edges %6s inputs' "$t" "$result" "${runs:-?}" "${cov:-?}" "${corpus:-?}")")
done

echo
echo "fuzz summary (${seconds} s each):"
printf '  %s\n' "${summary[@]}"
exit $failed
