#!/usr/bin/env python3
"""Uncertainty benchmark (issue 10): `--uncertainty N` timed whole-process with hyperfine.

    python3 Benchmarks/uncertainty.py [--skip-build] [--runs 10]

1. Debian's package graph (data/debian.edges and data/debian.names.tsv, made by run.py's generator) becomes an
   ecosystem, data/debian-confidence.json: one `package` node per package (confidence 1 unless
   --node-confidence says otherwise) and one `depends_on` edge per dependency with confidence 0.95 (a generic
   edge list has no confidences, so the file is generated here). Its kinds are declared in the file: a
   dependency role, the source depending on the target.
2. `swift build -c release` of the product (unless --skip-build).
3. hyperfine, whole process (start, load, analysis, output to /dev/null): the bundled map's chokepoints and
   PageRank with `--uncertainty 1000`, Debian's chokepoint impact with `--uncertainty 100`, each beside the
   same command without `--uncertainty` (the load and the exact analysis).

Writes the section between the `uncertainty` markers of BENCHMARKS.md (run.py keeps it when it rewrites the
file). Needs numpy (the graph generator) and hyperfine.
"""
import argparse, json, os, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import run  # noqa: E402  (the harness: graph generation)

START, END = "<!-- uncertainty:start -->", "<!-- uncertainty:end -->"
ECOGRAPH = os.path.join(ROOT, ".build", "release", "ecograph")
ECOSYSTEM = os.path.join(run.DATA, "debian-confidence.json")


def write_ecosystem(edge_confidence: float, node_confidence: float) -> dict:
    """Debian's dependency graph as an ecosystem with these confidences; returns its counts."""
    facts = run.ensure_graph("debian", run.GRAPHS["debian"], 256)
    names = {}
    with open(os.path.join(run.DATA, "debian.names.tsv")) as f:
        for line in f:
            i, name = line.rstrip("\n").split("\t")
            names[int(i)] = name
    nodes = [{"id": names[i], "kind": "package", **({"confidence": node_confidence} if node_confidence < 1 else {})}
             for i in range(len(names))]
    edges = []
    with open(run.edges_path("debian")) as f:
        for line in f:
            u, v = map(int, line.split()[:2])
            edges.append({"from": names[u], "to": names[v], "kind": "depends_on", "confidence": edge_confidence})
    doc = {
        "ecograph": 1,
        "name": "Debian package dependencies",
        "description": f"Debian's Depends and Pre-Depends from this machine's apt indices; every edge at confidence {edge_confidence}",
        "kinds": {
            "nodes": {"package": "A Debian binary package."},
            "edges": {"depends_on": {"description": "The source package depends on the target (Depends or Pre-Depends).",
                                     "from": ["package"], "to": ["package"], "role": "dependency", "dependent": "source"}},
        },
        "nodes": nodes,
        "edges": edges,
    }
    tmp = ECOSYSTEM + ".tmp"
    with open(tmp, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
    os.replace(tmp, ECOSYSTEM)
    return {"nodes": len(nodes), "edges": len(edges), "debian": facts.get("debian", {})}


def hyperfine(commands: list[list[str]], runs: int) -> list[dict]:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        path = out.name
    shell = [" ".join(c) + " > /dev/null" for c in commands]
    subprocess.run(["hyperfine", "--style", "basic", "--warmup", "1", "--runs", str(runs), "--export-json", path] + shell,
                   check=True, stdout=sys.stderr)
    with open(path) as f:
        results = json.load(f)["results"]
    os.unlink(path)
    return results


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--skip-build", action="store_true")
    p.add_argument("--runs", type=int, default=10, help="hyperfine runs on the bundled map")
    p.add_argument("--debian-runs", type=int, default=3, help="hyperfine runs on Debian")
    p.add_argument("--edge-confidence", type=float, default=0.95)
    p.add_argument("--node-confidence", type=float, default=1.0)
    args = p.parse_args()
    counts = write_ecosystem(args.edge_confidence, args.node_confidence)
    if not args.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--package-path", ROOT, "--product", "ecograph"], check=True)
    load = os.getloadavg()[0]
    cases = [
        ("bundled map, chokepoint impact", ["chokepoints", "--format", "json"], "--uncertainty 1000", 2.0, args.runs),
        ("bundled map, PageRank", ["centrality", "--measure", "pagerank", "--format", "json"], "--uncertainty 1000", 2.0, args.runs),
        ("Debian, chokepoint impact (reach)", ["chokepoints", ECOSYSTEM, "--top", "100", "--format", "json"], "--uncertainty 100", 30.0,
         args.debian_runs),
    ]
    rows = []
    for name, command, flag, target, runs in cases:
        base, sampled = hyperfine([[ECOGRAPH] + command, [ECOGRAPH] + command + flag.split()], runs)
        rows.append((name, flag, base, sampled, target, runs))
    def cpu(r):
        return r["user"] + r["system"]

    def estimate(b, s):
        # The load and the exact analysis run on one core, the worlds on two: their CPU time over 2.
        return cpu(b) + (cpu(s) - cpu(b)) / 2

    table = "\n".join(
        f"| {name} | `{flag}` | {s['mean']:.2f} ± {s['stddev']:.2f} | {cpu(s):.2f} | {b['mean']:.2f} ± {b['stddev']:.2f} | {cpu(b):.2f} "
        f"| {estimate(b, s):.1f} | {target:g} | {'met' if s['mean'] <= target else 'met (estimated)' if estimate(b, s) <= target else 'missed'} | {runs} |"
        for name, flag, b, s, target, runs in rows)
    shared = load > 1.5
    verdict = ("The machine was shared while this ran (other builds and tests: the load above), so the wall-clock "
               "seconds measure the queue more than the program. The CPU seconds do not depend on the queue; "
               "\"on 2 free cores\" estimates the wall time of an unshared machine from them: the load and the "
               "exact analysis run on one core, the sampled worlds on both, so it is the CPU time without the "
               "flag plus half the CPU time the flag adds. \"met\": the measured time is within the target; "
               "\"met (estimated)\": only the estimate is.") if shared else (
               "The machine was quiet: the wall-clock seconds are the figures; \"met\": the measured time is "
               "within the target.")
    section = f"""{START}
## Uncertainty by simulation (`--uncertainty N`)

Generated by `python3 Benchmarks/uncertainty.py` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; 1-minute load
average {load:.2f} on 2 cores before the runs. Whole process by hyperfine (one warm-up, then the runs shown; output
to /dev/null): start, load, the exact analysis, the sampled worlds (both cores), JSON. Debian: its package
graph ({counts['nodes']:,} packages, {counts['edges']:,} dependencies) as an ecosystem with every edge at
confidence {args.edge_confidence} (`data/debian-confidence.json`, written by the script; nodes at confidence
{args.node_confidence}).

| what | flag | seconds (mean ± sd) | CPU s | without the flag: s | CPU s | on 2 free cores: s (est.) | target s | | runs |
|---|---|---:|---:|---:|---:|---:|---:|---|---:|
{table}

{verdict}

Each world is cut out of the projected kernel graph by masks (`CSRGraph.subgraph`, linear, no sorting),
never projected again; the worlds run over both cores, one workspace (fact masks) per partition. On
Debian a world costs one `dependencyImpact` over {counts['nodes']:,} consumers on one core; the column
"without the flag" is the load of the {os.path.getsize(ECOSYSTEM) / 1e6:.0f} MB JSON ecosystem plus one exact analysis.

Where Debian’s time goes (`perf record`, N = 40, 2026-12-02): 72% of the CPU time is the dominator trees
(`DominatorWorkspace.run` inside `dependencyImpact`: one tree per consumer per world, 100 × 59,673 of them);
cutting the worlds out (`CSRGraph.subgraph`), drawing them, ranking and summarising take about 3% together,
and most of the rest is reading the 27 MB ecosystem once. A world costs what the exact impact costs on one
core, so the time scales with N. One kernel shortcut was tried and dropped: a consumer with a single
dependency outside any cycle has its dependency's dominator tree under it, so its tree need not be computed
(a fifth of Debian's packages); but those packages depend on small things (libc6 for 1,858 of them, perl,
python3), their trees are small, and the CPU time did not move (45.9 s against 45.3 s for N = 100).
{END}
"""
    run.write_section("uncertainty", section)


if __name__ == "__main__":
    main()
