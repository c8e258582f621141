#!/usr/bin/env bash
# Feeds every fuzz regression file (Fuzz/regressions/READER/FILE) to its reader through the ecograph CLI, and
# every seed of the hostile corpus (Fuzz/corpus/READER/FILE) too:
#   - a regression file must fail cleanly: exit status 1, within the time bound, no signal, no sanitizer or
#     Swift runtime report, and every line on stderr a diagnostic (`FILE...` or `ecograph: ...`);
#   - a seed may be valid or not (exit status 0 or 1), with the same bounds.
# Files listed in Fuzz/regressions/KNOWN-OPEN.txt (paths relative to Fuzz/regressions/, `#` comments) are
# defects of a reader not fixed yet: they are skipped, and each skip is printed.
#   Fuzz/run-regressions.sh [PATH-TO-ecograph]        (default .build/debug/ecograph; `make test` runs it)
set -u
cd "$(dirname "$0")/.."
ecograph=${1:-.build/debug/ecograph}
limit=${REGRESSION_TIMEOUT:-20}
[ -x "$ecograph" ] || { echo "FAIL - no ecograph binary at $ecograph" >&2; exit 2; }
base=Tests/Fixtures/ecosystems/small.yaml
scratch=$(mktemp -d); trap 'rm -rf "$scratch"' EXIT
known=Fuzz/regressions/KNOWN-OPEN.txt
passed=0 failed=0 skipped=0

# The command that reads FILE with READER's reader.
command_for() {  # reader file
    case $1 in
        scenario) echo "whatif $base --scenario $2" ;;
        theme) echo "render $base -o $scratch/out.dot --theme $2" ;;
        *) echo "validate $2" ;;
    esac
}

check() {  # kind(regression|seed) reader file
    local kind=$1 reader=$2 file=$3 relative=${3#Fuzz/regressions/}
    if [ "$kind" = regression ] && [ -f "$known" ] && grep -v '^\s*#' "$known" | awk '{print $1}' | grep -qxF "$relative"; then
        echo "SKIP - $file (known open: $(grep -F "$relative" "$known" | head -1 | cut -d'#' -f2- | sed 's/^ *//'))" >&2
        skipped=$((skipped + 1)); return
    fi
    local args; args=$(command_for "$reader" "$file")
    timeout -s KILL "$limit" "$ecograph" $args > "$scratch/stdout" 2> "$scratch/stderr" < /dev/null
    local status=$? problem=""
    if [ "$status" -eq 137 ]; then problem="no answer within ${limit}s (killed)"
    elif [ "$status" -gt 128 ]; then problem="killed by signal $((status - 128))"
    elif [ "$kind" = regression ] && [ "$status" -ne 1 ]; then problem="exit status $status, expected 1"
    elif [ "$status" -gt 1 ]; then problem="exit status $status, expected 0 or 1"
    elif grep -aqE 'Fatal error|AddressSanitizer|Stack dump|Segmentation fault|Illegal instruction|Current stack trace' "$scratch/stderr"; then
        problem="a crash report on stderr"
    elif [ "$status" -eq 1 ] && ! [ -s "$scratch/stderr" ]; then problem="exit status 1 without a message"
    elif [ "$status" -eq 1 ] && grep -avE "^($(printf '%s' "$file" | sed 's/[.[\*^$]/\\&/g')|ecograph: )" "$scratch/stderr" | grep -aq .; then
        problem="a stderr line that is not a diagnostic: $(grep -avE "^($file|ecograph: )" "$scratch/stderr" | head -1 | cut -c1-160)"
    fi
    if [ -n "$problem" ]; then
        echo "FAIL - $file ($reader, ecograph $args): $problem" >&2
        head -c 2000 "$scratch/stderr" | sed 's/^/    /' >&2
        failed=$((failed + 1))
    else
        passed=$((passed + 1))
    fi
}

for kind in regression seed; do
    root=Fuzz/regressions; [ "$kind" = seed ] && root=Fuzz/corpus
    for dir in "$root"/*/; do
        [ -d "$dir" ] || continue
        reader=$(basename "$dir")
        for file in "$dir"*; do
            [ -f "$file" ] && check "$kind" "$reader" "$file"
        done
    done
done
echo "fuzz regressions and hostile seeds: $passed passed, $failed failed, $skipped skipped (known open)" >&2
[ "$failed" -eq 0 ]
