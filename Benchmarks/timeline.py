#!/usr/bin/env python3
"""Timeline benchmark (dated ecosystems issue, part 5): on a generated history of Debian's package graph
(history.py: ~60k packages, ~276k dependencies, random since/until over 24 months), a monthly PageRank
timeline and a monthly impact timeline, 24 snapshots each:

- whole process, with hyperfine: `ecograph timeline FILE --measure pagerank|impact --from 2024-01 --to 2025-12
  --step month` (the default table; CSV of every node on every date for PageRank too), and `ecograph validate
  FILE` (reading, decoding and checking the file, which every command does first);
- compute only, with ecograph-bench (the file loaded untimed): `LoadedGraph.timeline` against the naive way
  (each date re-filtered from the record and analysed afresh) and against one snapshot's measure.

    python3 Benchmarks/timeline.py [--runs 5] [--skip-build]

Needs numpy (graphs.py) and hyperfine (apt-get install hyperfine). Writes the section between the `timeline`
markers of BENCHMARKS.md (run.py keeps it when it rewrites the file).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import run  # noqa: E402  (the harness: bench build, machine facts)

START, END = "<!-- timeline:start -->", "<!-- timeline:end -->"
NOTES_START, NOTES_END = "<!-- timeline-notes:start (kept by timeline.py: edit by hand) -->", "<!-- timeline-notes:end -->"
HISTORY = os.path.join(run.DATA, "debian-history.json")
ECOGRAPH = os.path.join(run.ROOT, ".build", "release", "ecograph")
DATES = ["--from", "2024-01", "--to", "2025-12", "--step", "month"]
TARGETS = {"pagerank": 5.0, "impact": 20.0}


def hyperfine(commands: dict, runs: int) -> dict:
    """Mean, standard deviation, min and max wall seconds of each command (hyperfine, output discarded), with
    the user and system CPU seconds of a mean run."""
    out = os.path.join(run.RESULTS, "timeline-hyperfine.json")
    args = ["hyperfine", "--warmup", "1", "--runs", str(runs), "--export-json", out, "--style", "basic"]
    for name, command in commands.items():
        args += ["-n", name, command]
    subprocess.run(args, check=True, stdout=sys.stderr)
    with open(out) as f:
        results = json.load(f)["results"]
    return {r["command"]: r for r in results}


def bench(measures: list[str]) -> dict:
    out = subprocess.run([run.BENCH, HISTORY, "--name", "debian-history", "--measures", ",".join(measures), "--repeat", "3"] + DATES,
                         capture_output=True, text=True, check=True).stdout
    rows = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    return {r.get("measure", r.get("event")): r for r in rows}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=5, help="hyperfine runs per command")
    p.add_argument("--skip-build", action="store_true")
    p.add_argument("--ecograph", default=ECOGRAPH, help="the ecograph binary to time (default: the release build of this checkout)")
    args = p.parse_args()
    if not shutil.which("hyperfine"):
        sys.exit("hyperfine is not installed: apt-get install hyperfine")
    os.makedirs(run.RESULTS, exist_ok=True)
    if not os.path.exists(HISTORY):
        subprocess.run([sys.executable, os.path.join(HERE, "history.py"), "--out", HISTORY], check=True)
    with open(os.path.splitext(HISTORY)[0] + ".manifest.json") as f:
        facts = json.load(f)
    if not args.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "ecograph", "--package-path", run.ROOT], check=True)
        run.build_bench()
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    load_before = os.getloadavg()[0]

    q = lambda *a: " ".join(a)  # noqa: E731
    commands = {
        "pagerank": q(args.ecograph, "timeline", HISTORY, "--measure", "pagerank", *DATES),
        "pagerank-csv": q(args.ecograph, "timeline", HISTORY, "--measure", "pagerank", *DATES, "--format", "csv"),
        "impact": q(args.ecograph, "timeline", HISTORY, "--measure", "impact", *DATES),
        "validate": q(args.ecograph, "validate", HISTORY),
    }
    whole = hyperfine(commands, args.runs)
    compute = bench(["timeline-pagerank", "timeline-impact", "naive-pagerank", "naive-impact", "pagerank", "impact"])
    load_after = os.getloadavg()[0]
    machine = run.machine_facts()

    def w(name):
        r = whole[name]
        return f"{r['mean']:.2f} ± {r['stddev']:.2f}", r

    def cpu(r):
        return f"{r['user'] + r['system']:.2f}"

    def c(name):
        r = compute[name]
        return f"{r['seconds']:.3f}", f"{r['cpu_seconds']:.2f}"

    pr, pr_row = w("pagerank")
    prc, prc_row = w("pagerank-csv")
    im, im_row = w("impact")
    va, va_row = w("validate")
    verdict = {k: ("met" if whole[k]["mean"] <= t else "missed") for k, t in TARGETS.items()}
    loaded = compute["loaded"]
    section = f"""{START}
## Timelines on a generated history of Debian (dated ecosystems)

Generated by `python3 Benchmarks/timeline.py` on {started}; 1-minute load average {load_before:.2f} before and
{load_after:.2f} after, on {machine['cores']} cores ({machine['cpu']}, {machine['memory']}, {machine['os']}; {machine['swift']};
EcoGraph at {machine['commit']}). Input: `Benchmarks/history.py` (seed {facts['seed']}): Debian's package graph from this
machine's apt indices as an ecosystem JSON file, {facts['nodes']:,} packages (`technology`) and {facts['edges']:,}
`builds_on` dependencies ({facts['dropped_edges']} of Debian's {facts['debian_edges']:,} left out: a dependency on a
package born after its dependent, never alive together), {facts['dated_nodes']:,} packages and {facts['dated_edges']:,}
dependencies with a random `since`/`until` in {facts['window'][0]} … {facts['window'][1]}; packages come and go every
month, so the 24 monthly snapshots are 24 distinct maps and none is reused.

Whole process (hyperfine, {args.runs} runs after a warm-up, release build; reading the 24 MB file included):

| command | wall s (mean ± sd) | CPU s (user + sys) | target |
|---|---:|---:|---|
| `ecograph timeline … --measure pagerank --from 2024-01 --to 2025-12 --step month` (table: first 10 per date) | {pr} | {cpu(pr_row)} | ≤ {TARGETS['pagerank']:.0f} s: {verdict['pagerank']} |
| the same, `--format csv` (every package on every date, about 1.1 million rows) | {prc} | {cpu(prc_row)} | |
| `ecograph timeline … --measure impact --from 2024-01 --to 2025-12 --step month` (every node a consumer, reach) | {im} | {cpu(im_row)} | ≤ {TARGETS['impact']:.0f} s: {verdict['impact']} |
| `ecograph validate …` (read, decode and check the file: the part every command shares) | {va} | {cpu(va_row)} | |

Compute only (`ecograph-bench`, best of 3; the file loaded once, untimed: {loaded['load_seconds']:.2f} s):

| what | wall s | CPU s |
|---|---:|---:|
| `LoadedGraph.timeline`, PageRank, 24 dates | {c('timeline-pagerank')[0]} | {c('timeline-pagerank')[1]} |
| naive: each date re-filtered from the record (`refiltered(FactFilter(asOf:))`) and PageRank computed | {c('naive-pagerank')[0]} | {c('naive-pagerank')[1]} |
| one PageRank of the whole record | {c('pagerank')[0]} | {c('pagerank')[1]} |
| `LoadedGraph.timeline`, impact, 24 dates | {c('timeline-impact')[0]} | {c('timeline-impact')[1]} |
| naive: each date re-filtered from the record and `dependencyImpact` computed | {c('naive-impact')[0]} | {c('naive-impact')[1]} |
| one impact of the whole record | {c('impact')[0]} | {c('impact')[1]} |
{END}
"""
    path = os.path.join(run.ROOT, "BENCHMARKS.md")
    text = open(path).read() if os.path.exists(path) else ""
    # The notes written by hand under the tables (between their own markers) stay.
    notes = re.search(re.escape(NOTES_START) + ".*?" + re.escape(NOTES_END), text, flags=re.S)
    if notes:
        section = section.replace(END, notes.group(0) + "\n" + END)
    run.write_section("timeline", section, path)


if __name__ == "__main__":
    main()
