#!/usr/bin/env bash
# Runs each reader's libFuzzer harness (built by `make fuzz` into .build-fuzz) for SECONDS, seeded with
# Fuzz/corpus/READER/ and Tests/Fixtures/. New inputs go to .build-fuzz/corpus/READER/ (kept between runs, never
# committed); crashes, timeouts, leaks and out-of-memory inputs to .build-fuzz/findings/READER/. A run that stops
# on a finding is restarted (up to 4 times) with the time left, so one finding does not end the reader's run.
# Extra libFuzzer flags: FUZZ_FLAGS="-only_ascii=1 ...". Prints one summary line per reader; exit status 1 when
# anything was found.
#   Fuzz/run-fuzzers.sh SECONDS READER...
set -u
cd "$(dirname "$0")/.."
seconds=${1:?usage: run-fuzzers.sh SECONDS READER...}; shift
build=${FUZZ_BUILD:-.build-fuzz}
timeout_s=${FUZZ_TIMEOUT:-10}      # one input running longer than this is a finding (a hang)
rss_mb=${FUZZ_RSS_MB:-2048}        # a process above this is a finding (a memory blow-up)
mkdir -p "$build/logs"
# leaks inside the toolchain's own libraries (not EcoGraph's) are suppressed, by name: Fuzz/lsan-suppressions.txt
# a Swift trap is reported by libFuzzer and ASan, not by the Swift runtime's backtracer (whose memory reads ASan flags)
export SWIFT_BACKTRACE=enable=no
export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan-suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
summary="$build/logs/summary.tsv"
printf 'reader\tseconds\texecutions\texec_per_sec\tcorpus_files\tcorpus_kb\tcoverage\tfindings\n' > "$summary"
found_any=0
for reader in "$@"; do
    binary="$build/debug/fuzz-$reader"
    [ -x "$binary" ] || { echo "no harness $binary (run make fuzz)" >&2; exit 2; }
    corpus="$build/corpus/$reader"; findings="$build/findings/$reader"; log="$build/logs/$reader.log"
    mkdir -p "$corpus" "$findings"
    : > "$log"
    start=$(date +%s); execs=0; runs=0
    while :; do
        left=$(( seconds - ($(date +%s) - start) ))
        [ "$left" -ge 5 ] && [ "$runs" -lt 5 ] || break
        runs=$((runs + 1))
        # shellcheck disable=SC2086  # FUZZ_FLAGS: extra libFuzzer flags, split on spaces (e.g. -only_ascii=1)
        "$binary" ${FUZZ_FLAGS:-} -max_total_time="$left" -timeout="$timeout_s" -rss_limit_mb="$rss_mb" -malloc_limit_mb="$rss_mb" \
            -print_final_stats=1 -artifact_prefix="$findings/" "$corpus" "Fuzz/corpus/$reader" Tests/Fixtures \
            >> "$log" 2>&1
        status=$?
        # the run's executions: its final stats, or (a run stopped by a finding) its last status line
        n=$(tail -n 400 "$log" | grep -a '^stat::number_of_executed_units' | tail -1 | awk '{print $2}')
        [ -n "$n" ] || n=$(tail -n 400 "$log" | grep -aoE '^#[0-9]+' | tail -1 | tr -d '#')
        execs=$((execs + ${n:-0}))
        [ "$status" -eq 0 ] && break
    done
    elapsed=$(( $(date +%s) - start ))
    files=$(find "$corpus" -type f | wc -l)
    kb=$(du -sk "$corpus" | awk '{print $1}')
    cov=$(grep -aoE 'cov: [0-9]+' "$log" | tail -1 | awk '{print $2}')
    found=$(find "$findings" -type f | wc -l)
    [ "$found" -gt 0 ] && found_any=1
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$reader" "$elapsed" "$execs" "$(( execs / (elapsed > 0 ? elapsed : 1) ))" \
        "$files" "$kb" "${cov:-?}" "$found" >> "$summary"
    echo "fuzz $reader: ${elapsed}s, $execs executions, $(( execs / (elapsed > 0 ? elapsed : 1) ))/s, corpus $files files, $found finding(s) in $findings (log $log)" >&2
done
column -t -s "$(printf '\t')" "$summary" >&2
exit $found_any
