#!/usr/bin/env bash
# Parses the HTML report's script and stylesheet (Sources/EcoGraphRender/Resources/report.js and report.css,
# embedded in the binary) with real parsers, so a syntax error fails `make test` before any browser runs:
#   * report.js with `node --check` (V8's parser; the file is one strict-mode function, so strict-mode errors
#     count too);
#   * report.css with Python's tinycss2 (CSS Syntax Level 3): every parse error the tokenizer or parser
#     reports, anything left open at the end of the file (a block, string, comment or function), and, in each
#     style rule, declarations that do not parse, a `{ }` block or a `:` inside a value (a missing `}` or `;`
#     swallows the rules after it without a parse error), and a `;` in a selector. Each with line and column.
# Node and tinycss2 are installed by `make deps` (Debian's nodejs and python3-tinycss2); when either is missing
# this check fails, it does not skip.
#
# Usage: Tests/Syntax/check_assets.sh [REPORT_JS [REPORT_CSS]]   (defaults: the files in the source tree)
# Exit status 0 when both files parse; 1 when one does not or a tool is missing; 2 on bad usage.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JS="${1:-$ROOT/Sources/EcoGraphRender/Resources/report.js}"
CSS="${2:-$ROOT/Sources/EcoGraphRender/Resources/report.css}"
if [[ $# -gt 2 || ! -f "$JS" || ! -f "$CSS" ]]; then
    echo "usage: $0 [REPORT_JS [REPORT_CSS]]  (both files must exist)" >&2
    exit 2
fi

failed=0

# 1. JavaScript.
if ! command -v node >/dev/null 2>&1; then
    echo "FAIL - $JS: node is not installed, so the script cannot be parsed; run \`make deps\` (installs Debian's nodejs)"
    failed=1
elif message="$(node --check "$JS" 2>&1)"; then
    echo "ok - $JS parses (node --check, node $(node --version))"
else
    echo "FAIL - $JS does not parse (node --check):"
    # Node's message without its own stack trace and version line.
    grep -vE '^[[:space:]]+at |^Node\.js v|^[[:space:]]*$' <<<"$message" | sed 's/^/    /'
    failed=1
fi

# 2. CSS: the first python3 that has tinycss2 (on Debian, apt's python3-tinycss2 is /usr/bin/python3's).
PYTHON=""
for candidate in python3 /usr/bin/python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import tinycss2' >/dev/null 2>&1; then
        PYTHON="$candidate"; break
    fi
done
if [[ -z "$PYTHON" ]]; then
    echo "FAIL - $CSS: Python's tinycss2 is not installed, so the stylesheet cannot be parsed; run \`make deps\` (installs Debian's python3-tinycss2)"
    failed=1
elif ! "$PYTHON" - "$CSS" <<'PY'
import sys
import tinycss2

path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    css = f.read()
problems = []  # (line, column, message)


def problem(node, message):
    problems.append((node.source_line, node.source_column, message))


def walk(nodes):
    """Every node, nested blocks, functions, preludes and declaration values included."""
    for node in nodes or []:
        yield node
        for attribute in ("prelude", "content", "arguments", "value"):
            children = getattr(node, attribute, None)
            if isinstance(children, list):
                yield from walk(children)


def tokens_errors(nodes):
    for node in walk(nodes):
        if node.type == "error":
            problem(node, node.message)


def declarations(content, where):
    for item in tinycss2.parse_declaration_list(content):
        if item.type == "error":
            problem(item, f"in {where}: {item.message}")
        elif item.type == "declaration" and not item.name.startswith("--"):
            # The first suspect token only: after a missing `}`, every later rule is in this one value.
            for token in walk(item.value):
                if token.type == "{} block":
                    problem(token, f"a {{ }} block inside the value of `{item.name}` (a missing `}}` or `;` before it?)")
                    break
                if token.type == "literal" and token.value == ":":
                    problem(token, f"a `:` inside the value of `{item.name}` (a missing `;` before it?)")
                    break


def rules(nodes, where):
    for rule in nodes:
        if rule.type == "error":
            problem(rule, rule.message)
        elif rule.type == "qualified-rule":
            selector = tinycss2.serialize(rule.prelude).strip()
            if not selector:
                problem(rule, "a rule without a selector")
            for token in rule.prelude:
                if token.type == "literal" and token.value == ";":
                    problem(token, f"a `;` in the selector `{selector}` (a stray `;` or `}}` before it?)")
            if rule.content is not None:
                declarations(rule.content, f"the rule `{selector}`")
        elif rule.type == "at-rule":
            name = rule.lower_at_keyword
            if rule.content is None:
                continue
            if name in ("media", "supports", "container", "layer", "document"):
                rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), f"@{name}")
            elif name in ("page", "font-face", "counter-style", "property", "viewport"):
                declarations(rule.content, f"@{name}")
            elif name.endswith("keyframes"):
                rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), f"@{name}")
            else:
                problem(rule, f"an unknown at-rule @{rule.at_keyword}")


# Tokenizer errors anywhere (unmatched ) ] }, bad strings and URLs), then the rule structure.
tokens_errors(tinycss2.parse_component_value_list(css))
rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), "the stylesheet")

# CSS closes whatever is open at the end of the file silently; the parsed tokens serialize back to the source
# exactly unless something was left open, so the first difference is where it went wrong.
# (Checked only when nothing else was found: a bad string or URL serializes differently too.)
round_trip = tinycss2.serialize(tinycss2.parse_component_value_list(css))
if not problems and round_trip != css:
    common = 0
    while common < min(len(css), len(round_trip)) and css[common] == round_trip[common]:
        common += 1
    line = css.count("\n", 0, common) + 1
    column = common - (css.rfind("\n", 0, common) + 1) + 1
    problems.append((line, column, "the file ends inside an open block, string, comment or function "
                                   f"(the parser closes it with {round_trip[common:common + 10]!r})"))

problems = sorted(set(problems))
for line, column, message in problems[:20]:
    print(f"    {path}:{line}:{column}: {message}")
if len(problems) > 20:
    print(f"    ... and {len(problems) - 20} more")
sys.exit(1 if problems else 0)
PY
then
    echo "FAIL - $CSS does not parse (tinycss2 with $PYTHON): see the errors above"
    failed=1
else
    echo "ok - $CSS parses (tinycss2 $("$PYTHON" -c 'import tinycss2; print(tinycss2.__version__)') with $PYTHON)"
fi

if [[ $failed -ne 0 ]]; then
    echo "syntax check failed: see the FAIL lines above" >&2
    exit 1
fi
