#!/usr/bin/env bash
# Opens `ecograph report` output in headless Chromium and checks what the browser sees:
#   * the page's own script ran to the end without an error (it writes #ecograph-status:
#     {"ok":true,"nodes":N,"svgNodes":N,"matched":N,...,"errors":[]}, and window.onerror feeds it);
#   * the inline SVG has one node group per node of the graph (N, as `ecograph report` prints it);
#   * on a hostile ecosystem (labels, ids, attributes, sources and references made of <script>, "><img onerror>,
#     javascript: URLs), no payload ran and no markup was injected: no `data-pwned` attribute, no "PWNED"
#     title, no element but the page's own two scripts and one SVG, no on* attribute, no javascript:/data: link.
# * a report with a "What changed" section (`report --against`): its second SVG (the diff diagram) and tables
#   were built, on the dated fixture and on a hostile diff (one hostile file against the other).
#   * with a date slider (`report --timeline year` on a dated fixture): opening report.html#date=D switches to D's
#     snapshot (the status says so), dims what was not alive, and the first row of that day's impact table and
#     of the PageRank card are those `ecograph timeline` gives for D, different from one date to another.
# It also takes screenshots (report.png, hostile.png, dated.png, diff.png) in the output folder.
#
# Usage: Tests/Browser/check_report.sh PATH/TO/ecograph [OUTPUT_DIR]
# Exit status 0 when every check passes; 1 when a check fails or there is no Chromium (`make browser-deps`
# installs it; the check never skips); 2 on bad usage.
set -uo pipefail

if [[ $# -lt 1 || ! -x "$1" ]]; then
    echo "usage: $0 PATH/TO/ecograph [OUTPUT_DIR]  (the ecograph binary must exist and be executable)" >&2
    exit 2
fi
ECOGRAPH="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${2:-$(mktemp -d "${TMPDIR:-/tmp}/ecograph-browser.XXXXXX")}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

CHROMIUM=""
for candidate in chromium chromium-browser google-chrome-stable google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then CHROMIUM="$(command -v "$candidate")"; break; fi
done
if [[ -z "$CHROMIUM" ]]; then
    # Never a silent skip: a report nobody opened in a browser is not a passed check.
    echo "FAIL - no Chromium (looked for chromium, chromium-browser, google-chrome-stable, google-chrome on PATH);" \
        "the report cannot be checked in a browser: run \`make browser-deps\` (installs Debian's chromium)" >&2
    exit 1
fi

passed=0
failed=0
check() { # check DESCRIPTION COMMAND...: runs the command; counts and prints the outcome
    local description="$1"; shift
    if "$@"; then
        passed=$((passed + 1)); echo "ok - $description"
    else
        failed=$((failed + 1)); echo "FAIL - $description"
    fi
}
contains() { grep -qF -- "$2" "$1"; }
lacks() { ! grep -qF -- "$2" "$1"; }
equals() { [[ "$1" == "$2" ]]; }
count() { grep -oE -- "$2" "$1" | wc -l | tr -d ' '; }

browser() { # browser URL ARGS...: headless Chromium with a throwaway profile; Chromium's own chatter goes to a log
    local url="$1"; shift
    timeout 120 "$CHROMIUM" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
        --hide-scrollbars --user-data-dir="$OUT/profile" --virtual-time-budget=5000 "$@" "$url" 2>>"$OUT/chromium.log"
}
status_of() { grep -oE '<pre id="ecograph-status"[^>]*>[^<]*</pre>' "$1" | sed -E 's/<[^>]*>//g'; }
field() { # field STATUS NAME: a number or true/false from the status JSON
    sed -nE "s/.*\"$2\":(true|false|[0-9]+).*/\1/p" <<<"$1"
}
handler_attributes() { # how many on*= attribute names the tags of a DOM dump hold (attribute values removed first)
    grep -oE '<[a-zA-Z][^>]*>' "$1" | sed -E 's/="[^"]*"/=""/g' | grep -oiE '[[:space:]]on[a-z]+=' | wc -l | tr -d ' '
}
duplicate_ids() { # how many id values occur on more than one element of a DOM dump
    grep -oE '<[a-zA-Z][^>]*>' "$1" | grep -oE '[[:space:]]id="[^"]*"' | sort | uniq -d | wc -l | tr -d ' '
}
urlencode() {
    local LC_ALL=C s="$1" out="" c i
    for ((i = 0; i < ${#s}; i++)); do
        c="${s:i:1}"
        case "$c" in
            [A-Za-z0-9._~-]) out+="$c" ;;
            *) out+="$(printf '%%%02X' "'$c")" ;;
        esac
    done
    printf '%s' "$out"
}

# report NAME [FILE]: writes $OUT/NAME.html, sets NODES from the command's "wrote ...: N nodes" line.
report() {
    local name="$1"; shift
    local message
    if ! message="$(cd "$ROOT" && "$ECOGRAPH" report "$@" -o "$OUT/$name.html" 2>&1)"; then
        echo "FAIL - ecograph report $* exited non-zero: $message"
        failed=$((failed + 1))
        return 1
    fi
    NODES="$(sed -nE 's/.*: ([0-9]+) nodes,.*/\1/p' <<<"$message")"
    echo "# $message"
}

# page_checks NAME DOM [SVGS]: the checks every report must pass; SVGS is the number of svg elements (default
# 1: the diagram; 2 with a diff diagram).
page_checks() {
    local name="$1" dom="$2" svgs="${3:-1}" status
    status="$(status_of "$dom")"
    echo "# $name status: $status"
    check "$name: the page's script wrote its status" test -n "$status"
    check "$name: the script reported ok with no errors" equals "$(field "$status" ok)" true
    check "$name: no uncaught error" contains "$dom" '"errors":[]'
    check "$name: the data holds every node ($NODES)" equals "$(field "$status" nodes)" "$NODES"
    check "$name: the SVG has one node group per node ($NODES)" equals "$(field "$status" svgNodes)" "$NODES"
    check "$name: every SVG node's <title> is a node of the data" equals "$(field "$status" matched)" "$NODES"
    check "$name: tables were built" test "$(field "$status" tables)" -gt 0
    check "$name: exactly the page's two script elements" equals "$(count "$dom" '<script')" 2
    check "$name: exactly $svgs svg element(s)" equals "$(count "$dom" '<svg')" "$svgs"
    check "$name: no img, iframe, object or embed element" equals "$(count "$dom" '<(img|iframe|object|embed)[ />]')" 0
    check "$name: no on* event-handler attribute on any element" equals "$(handler_attributes "$dom")" 0
    check "$name: no javascript: or data: link" equals "$(count "$dom" '(href|src)="[[:space:]]*(javascript|data|vbscript):')" 0
    check "$name: no external resource is loaded (src=)" equals "$(count "$dom" '<[a-zA-Z][^>]*[[:space:]]src="https?:')" 0
}

echo "# chromium: $("$CHROMIUM" --version 2>/dev/null | head -1)"
echo "# output: $OUT"

# 1. The bundled graph (with Graphs/scenarios.yaml's scenarios, as run from the repository root).
if report report; then
    browser "file://$OUT/report.html" --dump-dom >"$OUT/report.dom.html"
    page_checks "bundled graph" "$OUT/report.dom.html"
    check "bundled graph: the scenarios section was built" contains "$OUT/report.dom.html" 'class="btn sc-show"'
    check "bundled graph: the provenance table links http(s) references" contains "$OUT/report.dom.html" 'href="https://'
    browser "file://$OUT/report.html" --screenshot="$OUT/report.png" --window-size=1400,1000 >/dev/null
    check "bundled graph: a screenshot was taken (report.png)" test -s "$OUT/report.png"
fi

# 2. Hostile content: the other fixture too, when it exists.
for fixture in hostile-report hostile; do
    file="Tests/Fixtures/ecosystems/$fixture.yaml"
    [[ -f "$ROOT/$file" ]] || continue
    report "$fixture" "$file" || continue
    dom="$OUT/$fixture.dom.html"
    browser "file://$OUT/$fixture.html" --dump-dom >"$dom"
    page_checks "$fixture" "$dom"
    check "$fixture: no payload changed the title" lacks "$dom" 'PWNED'
    check "$fixture: no payload set a data-pwned attribute" lacks "$dom" 'data-pwned'
    if [[ "$fixture" == hostile-report ]]; then
        check "$fixture: the page title is the name as text" contains "$dom" "<title>&lt;script&gt;document.title='PW'+'NED'&lt;/script&gt; Hostile report</title>"
        check "$fixture: hostile labels are shown as text" contains "$dom" "&lt;script&gt;document.title='PW'+'NED'&lt;/script&gt;"
        check "$fixture: a javascript: reference URL stays text" contains "$dom" "javascript:document.body.dataset.pwned='reference-url'"
        # Open the side panel of the most hostile node: its sources, attributes and note.
        id="</script><script>document.body.dataset.pwned='id'</script>"
        panel="$OUT/$fixture.panel.dom.html"
        browser "file://$OUT/$fixture.html#node=$(urlencode "$id")" --dump-dom >"$panel"
        page_checks "$fixture (side panel open)" "$panel"
        check "$fixture (side panel open): the panel shows the node" contains "$panel" '<div class="idline">&lt;/script&gt;&lt;script&gt;'
        check "$fixture (side panel open): no payload ran" lacks "$panel" 'data-pwned'
        check "$fixture (side panel open): a javascript: attribute stays text" contains "$panel" "<dd>javascript:document.body.dataset.pwned='attribute-url'</dd>"
        check "$fixture (side panel open): an https source is a link" contains "$panel" '<a href="https://example.org/&quot;&gt;&lt;img/src=x/onerror=document.body.dataset.pwned=1&gt;" rel="noopener noreferrer"'
        browser "file://$OUT/$fixture.html#node=$(urlencode "$id")" --screenshot="$OUT/$fixture.png" --window-size=1400,1000 >/dev/null
        check "$fixture: a screenshot was taken ($fixture.png)" test -s "$OUT/$fixture.png"
    fi
done

# 3. What changed: the dated fixture as of 2025-06-01 against 2022-01-01 (11 nodes in the union, 3 node and
#    9 edge changes), and a hostile diff: every hostile string is an added or removed fact.
dated="Tests/Fixtures/ecosystems/dated.yaml"
if [[ -f "$ROOT/$dated" ]] && report diff "$dated" --as-of 2025-06-01 --against 2022-01-01; then
    dom="$OUT/diff.dom.html"
    browser "file://$OUT/diff.html" --dump-dom >"$dom"
    page_checks "diff" "$dom" 2
    status="$(status_of "$dom")"
    check "diff: the diff diagram has one node group per node of the union (11)" equals "$(field "$status" diffSvgNodes)" 11
    check "diff: the diff tables have a row per changed fact (12)" equals "$(field "$status" diffRows)" 12
    check "diff: the section is in the table of contents" contains "$dom" '<a href="#changes">What changed</a>'
    check "diff: a removed node is marked" contains "$dom" '<span class="badge diff-removed">removed</span>'
    check "diff: an entered node is marked" contains "$dom" '<span class="badge mv-entered">entered</span>'
    check "diff: no element id is repeated (the diff diagram's are prefixed diff-svg-)" equals "$(duplicate_ids "$dom")" 0
    check "diff: the diff diagram's ids are prefixed" test "$(count "$dom" ' id="diff-svg-')" -gt 0
    browser "file://$OUT/diff.html#changes" --screenshot="$OUT/diff.png" --window-size=1400,1000 >/dev/null
    check "diff: a screenshot was taken (diff.png)" test -s "$OUT/diff.png"
fi
if [[ -f "$ROOT/Tests/Fixtures/ecosystems/hostile-report.yaml" && -f "$ROOT/Tests/Fixtures/ecosystems/hostile.yaml" ]] \
    && report hostile-diff Tests/Fixtures/ecosystems/hostile-report.yaml --against Tests/Fixtures/ecosystems/hostile.yaml; then
    dom="$OUT/hostile-diff.dom.html"
    browser "file://$OUT/hostile-diff.html" --dump-dom >"$dom"
    page_checks "hostile-diff" "$dom" 2
    check "hostile-diff: the diff tables were built" test "$(field "$(status_of "$dom")" diffRows)" -gt 0
    check "hostile-diff: no payload changed the title" lacks "$dom" 'PWNED'
    check "hostile-diff: no payload set a data-pwned attribute" lacks "$dom" 'data-pwned'
    check "hostile-diff: hostile labels are shown as text" contains "$dom" "&lt;script&gt;document.title='PW'+'NED'&lt;/script&gt;"
fi

# 4. A date slider: the dated fixture with one snapshot per year.
first_link_after() { # first_link_after DOM MARKER: the text of the first node link after MARKER in a DOM dump
    local dom="$1" marker="$2"
    awk -v m="$marker" 'BEGIN { RS = "\0" } { i = index($0, m); if (i) print substr($0, i) }' "$dom" \
        | grep -oE 'class="node-link"[^>]*>[^<]*' | head -1 | sed -E 's/.*>//'
}
timeline_first() { # timeline_first MEASURE DATE: the label of the first node `ecograph timeline` ranks on DATE
    (cd "$ROOT" && "$ECOGRAPH" timeline "$dated" --measure "$1" --from "$2" --to "$2" --format csv) | sed -n 2p | cut -d, -f3
}
dated="Tests/Fixtures/ecosystems/dated-timeline.yaml"
if [[ -f "$ROOT/$dated" ]] && report dated "$dated" --timeline year; then
    browser "file://$OUT/dated.html" --dump-dom >"$OUT/dated.dom.html"
    page_checks "dated" "$OUT/dated.dom.html"
    check "dated: the slider was built with 7 dates" equals "$(field "$(status_of "$OUT/dated.dom.html")" dates)" 7
    check "dated: the whole record dims nothing" equals "$(count "$OUT/dated.dom.html" 'class="[^"]*tl-gone')" 0
    for date in 2019 2024; do
        dom="$OUT/dated.$date.dom.html"
        browser "file://$OUT/dated.html#date=$date" --dump-dom >"$dom"
        page_checks "dated #date=$date" "$dom"
        check "dated #date=$date: the status names the date" contains "$dom" "\"timelineDate\":\"$date\""
        check "dated #date=$date: what was not alive is dimmed" test "$(count "$dom" 'class="[^"]*tl-gone')" -gt 0
        alive="$( (cd "$ROOT" && "$ECOGRAPH" timeline "$dated" --measure degree --from "$date" --to "$date" --format csv) | tail -n +2 | wc -l | tr -d ' ')"
        check "dated #date=$date: the dimmed nodes are the $((NODES - alive)) not alive then (ecograph timeline lists $alive)" \
            equals "$(count "$dom" 'class="node[^"]*tl-gone')" "$((NODES - alive))"
        impact_first="$(first_link_after "$dom" 'id="ecograph-timeline-impact"')"
        check "dated #date=$date: the impact table leads with $(timeline_first impact $date) (ecograph timeline), got '$impact_first'" \
            equals "$impact_first" "$(timeline_first impact $date)"
        pagerank_first="$(first_link_after "$dom" '<h3>PageRank</h3>')"
        check "dated #date=$date: the PageRank card leads with $(timeline_first pagerank $date) (ecograph timeline), got '$pagerank_first'" \
            equals "$pagerank_first" "$(timeline_first pagerank $date)"
        eval "impact_$date=\$impact_first"
    done
    check "dated: the slider switched the impact table ($impact_2019 on 2019, $impact_2024 on 2024)" test "$impact_2019" != "$impact_2024"
    browser "file://$OUT/dated.html#date=2020" --screenshot="$OUT/dated.png" --window-size=1400,1000 >/dev/null
    check "dated: a screenshot was taken (dated.png)" test -s "$OUT/dated.png"
fi

echo "$passed passed, $failed failed"
if [[ $failed -gt 0 ]]; then
    echo "browser check failed: see the FAIL lines above; pages and DOM dumps are in $OUT" >&2
    exit 1
fi
