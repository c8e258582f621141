#!/usr/bin/env python3
"""EcoGraph's benchmark harness: EcoGraph against NetworkX, igraph, NetworKit and rustworkx.

    python3 Benchmarks/run.py                 # full run: every graph, every measure; writes BENCHMARKS.md
    python3 Benchmarks/run.py --quick         # sf-10k and er-20k, a few measures: after touching a hot path
    python3 Benchmarks/run.py --graphs sf-10k,debian --measures pagerank,katz
    python3 Benchmarks/run.py --help

What it does, from a clean clone (stdlib Python 3 to start; it re-runs itself inside the venv):
 1. creates Benchmarks/.venv and pip-installs numpy, scipy and the peers (a peer that fails to install is
    recorded and left out);
 2. generates the inputs, deterministically, into Benchmarks/data/ (seeded synthetic digraphs; Debian's
    dependency graph from this machine's apt indices);
 3. builds `ecograph-bench` (swift build -c release --package-path Benchmarks);
 4. for each graph, runs EcoGraph and each peer, one after the other, each in its own process that loads
    the graph untimed and then times each measure's computation only (best of N); a measure that runs past
    the timeout is killed and recorded as "timeout";
 5. cross-checks every peer's scores against EcoGraph's, and writes the report (BENCHMARKS.md for a full
    run, Benchmarks/results/report-*.md otherwise) plus the raw JSON lines in Benchmarks/results/.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import select
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
VENV = os.path.join(HERE, ".venv")
VENV_PYTHON = os.path.join(VENV, "bin", "python")
DATA = os.path.join(HERE, "data")
RESULTS = os.path.join(HERE, "results")
BENCH = os.path.join(HERE, ".build", "release", "ecograph-bench")
INSTALL_STATUS = os.path.join(VENV, "ecograph-bench-install.json")

PEERS = ["networkx", "igraph", "networkit", "rustworkx"]
TOOLS = ["ecograph"] + PEERS
PIP = {"networkx": "networkx", "igraph": "igraph", "networkit": "networkit", "rustworkx": "rustworkx"}
MEASURES = ["degree", "betweenness", "closeness", "harmonic", "pagerank", "eigenvector", "katz", "hits", "core"]
QUICK_MEASURES = ["degree", "betweenness", "closeness", "pagerank", "katz", "hits", "core"]
PATH_MEASURES = {"betweenness", "closeness", "harmonic"}

# The inputs. Seeds are fixed: the same files on every machine (Debian's graph depends on the apt indices).
GRAPHS = {
    "sf-10k": {"kind": "scale-free", "n": 10_000, "m": 50_000, "seed": 10},
    "er-20k": {"kind": "erdos-renyi", "n": 20_000, "m": 100_000, "seed": 20},
    "debian": {"kind": "debian"},
    "sf-100k": {"kind": "scale-free", "n": 100_000, "m": 500_000, "seed": 100},
    "sf-1m": {"kind": "scale-free", "n": 1_000_000, "m": 5_000_000, "seed": 1000},
}
QUICK_GRAPHS = ["sf-10k", "er-20k"]
GENERATOR_VERSION = 1  # bump when graphs.py changes what it writes

# Peers whose result is not the same quantity as EcoGraph's: shown, but not counted as "best peer".
# (Found by the cross-check and by reading the libraries' documentation and sources; see the report.)
NOT_COMPARABLE = {
    ("networkit", "katz"): "NetworKit's Katz rescales to unit length at every step (a different fixed point) "
                           "and stops on the change of that length, not of the vector",
    ("rustworkx", "core"): "rustworkx's digraph_core_number counts a reciprocal pair u->v, v->u once "
                           "(its docs: it assumes no parallel edges), NetworkX and EcoGraph count 2",
}
# Same work, different normalisation: counted, with a mark.
SAME_WORK = {
    ("igraph", "closeness"): "igraph's closeness has no Wasserman-Faust factor (NetworkX's wf_improved): "
                             "same all-sources BFS work, values differ by (r-1)/(n-1)",
}


# ---------------------------------------------------------------------------------------------------------
# 1. The virtual environment

def ensure_venv(skip_install: bool) -> None:
    """Creates the venv and installs the peers once; then re-runs this script inside it."""
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    if not os.path.exists(VENV_PYTHON):
        print(f"creating {VENV} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    if not os.path.exists(INSTALL_STATUS) and not skip_install:
        status = {}
        pip = [VENV_PYTHON, "-m", "pip", "install", "--disable-pip-version-check", "-q"]
        subprocess.run(pip + ["--upgrade", "pip"], check=False)
        subprocess.run(pip + ["numpy", "scipy"], check=True)  # the generators need them: no fallback
        for tool, package in PIP.items():
            r = subprocess.run(pip + [package], capture_output=True, text=True)
            status[tool] = "ok" if r.returncode == 0 else "failed: " + (r.stderr.strip().splitlines() or ["?"])[-1]
            print(f"pip install {package}: {status[tool]}", file=sys.stderr)
        with open(INSTALL_STATUS, "w") as f:
            json.dump(status, f, indent=1)
    os.execv(VENV_PYTHON, [VENV_PYTHON, os.path.abspath(__file__)] + sys.argv[1:])


# ---------------------------------------------------------------------------------------------------------
# 2. The inputs

def edges_path(name):
    return os.path.join(DATA, f"{name}.edges")


def ensure_graph(name: str, spec: dict, k_samples: int) -> dict:
    """Writes data/NAME.edges (and the Debian name map) unless a matching manifest says it is there;
    returns the graph's facts (nodes, edges, Katz alpha, the sampled sources file)."""
    import numpy as np

    import graphs

    os.makedirs(DATA, exist_ok=True)
    manifest_path = os.path.join(DATA, f"{name}.json")
    wanted = {"spec": spec, "generator": GENERATOR_VERSION, "k": k_samples}
    if os.path.exists(manifest_path) and os.path.exists(edges_path(name)):
        with open(manifest_path) as f:
            manifest = json.load(f)
        if manifest.get("wanted") == wanted:
            return manifest
    t0 = time.time()
    info = {}
    if spec["kind"] == "scale-free":
        edges = graphs.scale_free(spec["n"], spec["m"], spec["seed"])
    elif spec["kind"] == "erdos-renyi":
        edges = graphs.erdos_renyi(spec["n"], spec["m"], spec["seed"])
    elif spec["kind"] == "debian":
        if not graphs.debian_package_lists():
            print("no apt indices: running apt-get update ...", file=sys.stderr)
            subprocess.run(["apt-get", "update", "-qq"], check=True)
        names, edges, info = graphs.debian_dependencies()
        with open(os.path.join(DATA, f"{name}.names.tsv"), "w") as f:
            for i, package in enumerate(names):
                f.write(f"{i}\t{package}\n")
    else:
        raise ValueError(spec["kind"])
    graphs.write_edges(edges_path(name), edges)
    n = int(edges.max()) + 1
    m = int(edges.shape[0])
    lam = spectral_radius(edges, n)
    alpha = 0.1 if 0.1 * lam <= 0.5 else float(f"{0.5 / lam:.2g}")
    sources_file = None
    if k_samples and spec.get("n", n) >= 100_000:
        rng = np.random.default_rng(spec.get("seed", 0) + 7)
        sources = rng.choice(n, size=k_samples, replace=False)
        sources_file = os.path.join(DATA, f"{name}.sources")
        with open(sources_file, "w") as f:
            f.write("\n".join(str(int(s)) for s in sources) + "\n")
    manifest = {"wanted": wanted, "name": name, "nodes": n, "edges": m, "spectral_radius": lam,
                "katz_alpha": alpha, "sources_file": sources_file, "k": k_samples if sources_file else None,
                "generated_seconds": time.time() - t0, **({"debian": info} if info else {})}
    with open(manifest_path, "w") as f:
        json.dump(manifest, f, indent=1)
    print(f"generated {name}: {n} nodes, {m} edges, lambda_max {lam:.3f}, Katz alpha {alpha} "
          f"({time.time() - t0:.1f} s)", file=sys.stderr)
    return manifest


def spectral_radius(edges, n) -> float:
    """The adjacency matrix's largest eigenvalue modulus (ARPACK), to pick a Katz alpha that converges."""
    import numpy as np
    import scipy.sparse as sp
    import scipy.sparse.linalg as sl

    A = sp.csr_matrix((np.ones(edges.shape[0]), (edges[:, 0], edges[:, 1])), shape=(n, n))
    try:
        vals = sl.eigs(A, k=1, which="LM", return_eigenvectors=False, maxiter=10_000, tol=1e-6)
        return float(abs(vals[0]))
    except Exception:  # noqa: BLE001 - fall back to a safe upper bound
        return float(min(np.bincount(edges[:, 0]).max(), np.bincount(edges[:, 1]).max()))


# ---------------------------------------------------------------------------------------------------------
# 3. The EcoGraph side

def build_bench(retries: int = 5) -> None:
    """swift build -c release --package-path Benchmarks; retried, since the parent package may be
    mid-edit by someone else."""
    pins, own = os.path.join(ROOT, "Package.resolved"), os.path.join(HERE, "Package.resolved")
    if os.path.exists(pins) and not os.path.exists(own):
        # The parent's pins, so that the nested package resolves the same dependency versions.
        with open(pins) as src, open(own, "w") as dst:
            dst.write(src.read())
    for attempt in range(1, retries + 1):
        r = subprocess.run(["swift", "build", "-c", "release", "--package-path", HERE],
                           capture_output=True, text=True)
        if r.returncode == 0 and os.path.exists(BENCH):
            return
        print(f"build attempt {attempt} failed:\n{(r.stdout + r.stderr)[-3000:]}", file=sys.stderr)
        if attempt < retries:
            time.sleep(60)
    sys.exit("ecograph-bench does not build; giving up")


# ---------------------------------------------------------------------------------------------------------
# 4. Running the tools

def run_process(cmd: list[str], measures: list[str], timeout: float, log) -> tuple[dict, dict]:
    """Runs a tool over `measures`, reading its JSON lines; a measure without an answer `timeout` seconds
    after the previous line (or after loading) is recorded as a timeout, the process is killed and started
    again for the measures after it. Returns (loaded event, {measure: row})."""
    rows: dict[str, dict] = {}
    loaded: dict = {}
    remaining = list(measures)
    while remaining:
        full = cmd + ["--measures", ",".join(remaining)]
        log.write(f"$ {' '.join(full)}\n")
        log.flush()
        proc = subprocess.Popen(full, stdout=subprocess.PIPE, stderr=log, text=True, start_new_session=True)
        load_deadline = time.time() + max(timeout, 1800)
        deadline = load_deadline
        current_started = None
        while True:
            wait = deadline - time.time()
            ready = select.select([proc.stdout], [], [], max(0.0, wait))[0] if wait > 0 else []
            if not ready:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                m = remaining.pop(0)
                what = "timeout" if current_started else "load timeout"
                rows[m] = {"measure": m, "status": "timeout", "seconds": None, "reason": f"{what} ({timeout:.0f} s)"}
                log.write(f"  {m}: {what}\n")
                break
            line = proc.stdout.readline()
            if not line:
                code = proc.wait()
                if remaining:
                    m = remaining.pop(0)
                    rows[m] = {"measure": m, "status": "error", "seconds": None, "reason": f"process exited with {code}"}
                    log.write(f"  {m}: process exited with {code}\n")
                break
            log.write("  " + line)
            log.flush()
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue
            if obj.get("event") == "loaded":
                loaded = obj
            else:
                m = obj.get("measure")
                if m in remaining:
                    remaining.remove(m)
                rows[m] = obj
            current_started = time.time()
            deadline = current_started + timeout
        else:  # pragma: no cover
            pass
    return loaded, rows


def plan(graph: str, facts: dict, measures: list[str], args) -> dict:
    """For each tool, which measures to run, and which to record as skipped (with the reason)."""
    n = facts["nodes"]
    out = {}
    for tool in args.tools:
        run, skipped = [], {}
        for m in measures:
            if m in ("closeness", "harmonic") and n > args.path_max_nodes:
                skipped[m] = (f"not run on graphs over {args.path_max_nodes:,} nodes: exact closeness/harmonic "
                              f"is one BFS per node, O(n m)")
            elif tool == "networkx" and n > args.networkx_max_nodes and m not in ("degree", "pagerank", "hits", "core"):
                skipped[m] = (f"NetworkX skipped over {args.networkx_max_nodes:,} nodes for path measures and "
                              f"pure-Python power iterations (would not finish within the timeout)")
            else:
                run.append(m)
        out[tool] = (run, skipped)
    return out


PEER_CACHE = os.path.join(RESULTS, "peer-cache.json")
COMMIT_AT_START = None  # the repository's commit when the run began (set in main)


def peer_versions() -> dict:
    from importlib import metadata

    out = {}
    for tool, package in PIP.items():
        try:
            out[tool] = metadata.version(package)
        except metadata.PackageNotFoundError:
            out[tool] = None
    return out


def cache_key(tool, version, graph, facts, measure, args):
    return "|".join(str(x) for x in (tool, version, graph, json.dumps(facts["wanted"], sort_keys=True), measure,
                                      facts["katz_alpha"], facts.get("k")))


def load_cache() -> dict:
    try:
        with open(PEER_CACHE) as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}


def save_cache(cache: dict) -> None:
    tmp = PEER_CACHE + ".tmp"
    with open(tmp, "w") as f:
        json.dump(cache, f)
    os.replace(tmp, PEER_CACHE)


def run_graph(graph: str, facts: dict, measures: list[str], args, log, installed: dict) -> list[dict]:
    rows = []
    versions = peer_versions()
    cache = load_cache()
    scores_dir = os.path.join(RESULTS, "scores")
    os.makedirs(scores_dir, exist_ok=True)
    check = facts["nodes"] <= args.crosscheck_max_nodes
    repeat = args.repeat or (3 if facts["edges"] < 1_000_000 else 1)
    for tool, (run, skipped) in plan(graph, facts, measures, args).items():
        for m, reason in skipped.items():
            rows.append({"tool": tool, "graph": graph, "measure": m, "status": "skipped", "seconds": None, "reason": reason})
        if not run:
            continue
        if tool != "ecograph" and args.cached_peers:
            keys = {m: cache_key(tool, versions.get(tool), graph, facts, m, args) for m in run}
            if all(k in cache for k in keys.values()):
                for m in run:
                    rows.append({**cache[keys[m]], "cached": True})
                print(f"[{time.strftime('%H:%M:%S')}] {graph}: {tool}: cached results (from "
                      f"{cache[keys[run[0]]].get('date', '?')})", file=sys.stderr, flush=True)
                continue
        if tool != "ecograph" and installed.get(tool, "ok") != "ok":
            for m in run:
                rows.append({"tool": tool, "graph": graph, "measure": m, "status": "n/a", "seconds": None,
                             "reason": f"not installed ({installed[tool]})"})
            continue
        common = ["--name", graph, "--repeat", str(repeat), "--budget", str(args.repeat_budget),
                  "--katz-alpha", repr(facts["katz_alpha"])]
        if facts.get("sources_file"):
            common += ["--sources", facts["sources_file"]]
        if check:
            common += ["--scores-dir", scores_dir]
        if tool == "ecograph":
            cmd = [BENCH, edges_path(graph)] + common
        else:
            cmd = [VENV_PYTHON, os.path.join(HERE, "peers.py"), tool, edges_path(graph)] + common
            if tool == "networkx":
                cmd += ["--estimate-limit", str(min(args.timeout, args.networkx_estimate_limit))]
        print(f"[{time.strftime('%H:%M:%S')}] {graph}: {tool} ({', '.join(run)})", file=sys.stderr, flush=True)
        load_before = os.getloadavg()[0]
        loaded, results = run_process(cmd, run, args.timeout + args.repeat_budget, log)
        load_after = os.getloadavg()[0]
        for m in run:
            row = {"tool": tool, "graph": graph, **results.get(m, {"measure": m, "status": "error", "seconds": None}),
                   "loadavg": [load_before, load_after]}
            for key in ("version", "threads", "load_seconds"):
                if key in loaded and key not in row:
                    row[key] = loaded[key]
            rows.append(row)
            if tool == "ecograph" and os.path.exists(BENCH):
                # Which build ran: others may rebuild the binary while a long run goes on.
                row["bench_built"] = f"{datetime.datetime.fromtimestamp(os.path.getmtime(BENCH), datetime.timezone.utc):%Y-%m-%d %H:%M}"
                row["commit"] = COMMIT_AT_START
            if tool != "ecograph" and row.get("status") in ("ok", "n/a", "skipped", "timeout"):
                row["date"] = time.strftime("%Y-%m-%d %H:%M")
                cache[cache_key(tool, versions.get(tool), graph, facts, m, args)] = row
                save_cache(cache)
            shown = f"{row['seconds']:.4g} s" if row.get("seconds") is not None else row["status"]
            print(f"    {m:<12} {shown}", file=sys.stderr, flush=True)
    return rows


# ---------------------------------------------------------------------------------------------------------
# 5. Cross-check and report

def read_scores(graph, measure, tool, n):
    import numpy as np

    d = os.path.join(RESULTS, "scores")
    if tool == "ecograph":
        path = os.path.join(d, f"{graph}.{measure}.ecograph.tsv")
        if not os.path.exists(path):
            return None
        a = np.zeros(n)
        with open(path) as f:
            for line in f:
                key, value = line.split("\t")
                a[int(key)] = float(value)
        return a
    path = os.path.join(d, f"{graph}.{measure}.{tool}.npy")
    return np.load(path) if os.path.exists(path) else None


def crosscheck(graph, facts, rows):
    """Max relative difference (max |peer - ecograph| / max |ecograph|) and top-5 overlap, per measure and
    peer, for the runs that wrote scores."""
    import numpy as np

    out = {}
    n = facts["nodes"]
    ran = {(r["tool"], r["measure"]) for r in rows if r["graph"] == graph and r["status"] == "ok"}
    for m in MEASURES + ["authorities"]:
        base_measure = "hits" if m == "authorities" else m
        if ("ecograph", base_measure) not in ran:
            continue
        mine = read_scores(graph, m, "ecograph", n)
        if mine is None:
            continue
        scale = np.max(np.abs(mine)) or 1.0
        top_mine = set(np.argsort(-mine, kind="stable")[:5].tolist())
        for tool in PEERS:
            if (tool, base_measure) not in ran:
                continue
            theirs = read_scores(graph, m, tool, n)
            if theirs is None or theirs.shape != mine.shape:
                continue
            diff = float(np.nanmax(np.abs(theirs - mine)) / scale)
            top_theirs = set(np.argsort(-theirs, kind="stable")[:5].tolist())
            out[(m, tool)] = (diff, len(top_mine & top_theirs))
    return out


def fmt_seconds(x):
    if x is None:
        return ""
    if x >= 100:
        return f"{x:.0f}"
    if x >= 10:
        return f"{x:.1f}"
    if x >= 1:
        return f"{x:.2f}"
    if x >= 0.01:
        return f"{x:.3f}"
    return f"{x:.2g}"


def cell(row):
    if row is None:
        return "—"
    st = row.get("status")
    if st == "ok":
        mark = ""
        key = (row["tool"], row["measure"])
        if key in NOT_COMPARABLE:
            mark = " ✗"
        elif key in SAME_WORK:
            mark = " †"
        return fmt_seconds(row["seconds"]) + mark
    if st == "skipped" and row.get("estimate_seconds"):
        return f"skipped (est. {row['estimate_seconds']:.0f})"
    return {"n/a": "n/a", "skipped": "skipped", "timeout": "timeout", "error": "error"}.get(st, st or "?")


def best_peer(rows_by_tool, measure):
    best = None
    for tool in PEERS:
        r = rows_by_tool.get(tool)
        if not r or r.get("status") != "ok" or (tool, measure) in NOT_COMPARABLE:
            continue
        if best is None or r["seconds"] < best[1]:
            best = (tool, r["seconds"])
    return best


def machine_facts():
    facts = {}
    try:
        with open("/proc/cpuinfo") as f:
            text = f.read()
        models = re.findall(r"^model name\s*:\s*(.+)$", text, re.M)
        facts["cpu"] = models[0] if models else platform.processor()
        flags = re.search(r"^flags\s*:\s*(.+)$", text, re.M)
        facts["simd"] = " ".join(x for x in ("avx2", "avx512f", "fma") if flags and x in flags.group(1).split())
    except OSError:
        facts["cpu"] = platform.processor()
    facts["cores"] = os.cpu_count()
    try:
        with open("/proc/meminfo") as f:
            kb = int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1))
        facts["memory"] = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        facts["memory"] = "?"
    try:
        with open("/etc/os-release") as f:
            facts["os"] = re.search(r'PRETTY_NAME="?([^"\n]+)', f.read()).group(1)
    except (OSError, AttributeError):
        facts["os"] = platform.platform()
    try:
        facts["swift"] = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    except (OSError, IndexError):
        facts["swift"] = "?"
    try:
        head = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--", "Sources", "Package.swift"],
                               capture_output=True, text=True).stdout.strip()
        facts["commit"] = head + (" (with uncommitted changes under Sources/)" if dirty else "")
    except OSError:
        facts["commit"] = "?"
    facts["python"] = platform.python_version()
    return facts


def write_report(path, rows, all_facts, checks, args, started, finished, installed, quick):
    mach = machine_facts()
    by = {}
    for r in rows:
        by.setdefault(r["graph"], {}).setdefault(r["measure"], {})[r["tool"]] = r
    versions, threads = {}, {}
    for r in rows:
        if r.get("version"):
            versions[r["tool"]] = r["version"]
        if r.get("threads"):
            threads[r["tool"]] = r["threads"]
    L = []
    L.append("# EcoGraph benchmarks")
    L.append("")
    L.append("Generated by `python3 Benchmarks/run.py" + (" --quick" if quick else "") + "` "
             "(the harness, its inputs and its method: `Benchmarks/`). Times are seconds of wall-clock time for the "
             "computation only — loading and building the graph are excluded for every tool — best of N runs. "
             "Lower is better; **ratio** = EcoGraph / fastest comparable peer (below 1: EcoGraph is faster). "
             "EcoGraph CPU s = CPU time of all its threads in its best run (about 2× the wall time when it had both cores).")
    L.append("")
    L.append("## Machine and run")
    L.append("")
    L.append(f"- CPU: {mach['cpu']} ({mach['cores']} cores{', ' + mach['simd'] if mach.get('simd') else ''}); memory {mach['memory']}; {mach['os']}")
    builds = sorted({r["bench_built"] for r in rows if r.get("bench_built")})
    if not builds and os.path.exists(BENCH):
        builds = [f"{datetime.datetime.fromtimestamp(os.path.getmtime(BENCH), datetime.timezone.utc):%Y-%m-%d %H:%M}"]
    built = f" (`ecograph-bench` built {', '.join(builds)} UTC)" if builds else ""
    commits = sorted({r["commit"] for r in rows if r.get("commit")}) or [mach["commit"]]
    L.append(f"- Date: {started:%Y-%m-%d %H:%M} – {finished:%H:%M} UTC; EcoGraph at {', '.join(commits)}{built}; {mach['swift']}")
    cached = sorted({r.get("date", "?") for r in rows if r.get("cached")})
    if cached:
        L.append(f"- Peers' times reused from earlier runs ({cached[0]} – {cached[-1]}); only EcoGraph was run now "
                 "(`--no-cached-peers` runs them again)")
    loads = [x for r in rows for x in r.get("loadavg", []) if not r.get("cached")]
    if loads:
        L.append(f"- 1-minute load average around the runs: {min(loads):.2f} – {max(loads):.2f} on {mach['cores']} cores "
                 "(the tools run one at a time; above ~1 plus the tool's own threads, something else was running)")
    L.append(f"- Repetitions: best of {args.repeat or '3 (1 on graphs of a million edges or more)'}, "
             f"but a measure stops repeating once its runs took {args.repeat_budget:.0f} s; timeout {args.timeout:.0f} s per measure and tool; "
             f"a NetworkX path measure whose estimate (from a few timed sources) exceeds {args.networkx_estimate_limit:.0f} s is skipped, "
             "its estimate shown")
    tool_lines = []
    for t in TOOLS:
        v = versions.get(t, "")
        th = threads.get(t, "")
        state = installed.get(t, "ok") if t != "ecograph" else "ok"
        note = {
            "ecograph": "Swift, release build; per-source and per-node work split over all cores (Dispatch)",
            "networkx": "pure Python (PageRank and HITS through SciPy)",
            "igraph": "C core, single-threaded",
            "networkit": "C++/OpenMP, default thread count",
            "rustworkx": "Rust; betweenness and closeness parallel (Rayon), the rest serial",
        }[t]
        if state != "ok":
            tool_lines.append(f"| {t} | not installed | | {state} |")
        else:
            tool_lines.append(f"| {t} | {v or ('(this repo)' if t == 'ecograph' else '?')} | {th} | {note} |")
    L.append("")
    L.append("| tool | version | threads | notes |")
    L.append("|---|---|---|---|")
    L.extend(tool_lines)
    L.append("")
    L.append("## Graphs")
    L.append("")
    L.append("| graph | nodes | edges | what | Katz alpha (λmax) | betweenness |")
    L.append("|---|---|---|---|---|---|")
    for g, f in all_facts.items():
        spec = GRAPHS[g]
        what = {
            "scale-free": f"directed scale-free, static model (Goh–Kahng–Kim), in/out exponents 2.2/2.6, seed {spec.get('seed')}",
            "erdos-renyi": f"directed Erdős–Rényi G(n, m), seed {spec.get('seed')}",
            "debian": "Debian package → dependency (Depends + Pre-Depends), from this machine's apt indices",
        }[spec["kind"]]
        bc = f"{f['k']} sampled sources (the same for every tool)" if f.get("k") else "exact"
        L.append(f"| {g} | {f['nodes']:,} | {f['edges']:,} | {what} | {f['katz_alpha']} ({f['spectral_radius']:.2f}) | {bc} |")
    L.append("")
    summary = []
    for g in all_facts:
        L.append(f"## {g}")
        L.append("")
        L.append("| measure | " + " | ".join(TOOLS) + " | best peer | ratio | EcoGraph CPU s |")
        L.append("|---|" + "---:|" * len(TOOLS) + "---|---:|---:|")
        for m in MEASURES:
            cells = by.get(g, {}).get(m)
            if not cells:
                continue
            best = best_peer(cells, m)
            mine = cells.get("ecograph")
            ratio = ""
            if best and mine and mine.get("status") == "ok":
                ratio = f"{mine['seconds'] / best[1]:.2f}"
                if mine["seconds"] > best[1]:
                    ratio = f"**{ratio}**"
                summary.append((g, m, mine["seconds"], best[0], best[1]))
            label = m
            if m == "betweenness" and all_facts[g].get("k"):
                label = f"betweenness (k={all_facts[g]['k']})"
            cpu = fmt_seconds(mine.get("cpu_seconds")) if mine and mine.get("status") == "ok" else ""
            L.append(f"| {label} | " + " | ".join(cell(cells.get(t)) for t in TOOLS)
                     + f" | {best[0] if best else ''} | {ratio} | {cpu} |")
        L.append("")
        notes = sorted({(t, r.get("status"), r.get("reason") or r.get("error") or "")
                        for m, cs in by.get(g, {}).items() for t, r in cs.items()
                        if r.get("status") in ("n/a", "error", "timeout", "skipped")} )
        if notes:
            L.append("<details><summary>why some cells are empty</summary>")
            L.append("")
            seen = set()
            for m, cs in sorted(by.get(g, {}).items()):
                for t, r in cs.items():
                    if r.get("status") in ("n/a", "error", "timeout", "skipped"):
                        text = r.get("reason") or r.get("error") or ""
                        key = (t, r["status"], text)
                        if key in seen and r["status"] != "skipped":
                            continue
                        seen.add(key)
                        L.append(f"- {m}, {t}: {r['status']} — {text}")
            L.append("")
            L.append("</details>")
            L.append("")
        gc = {k: v for k, v in checks.get(g, {}).items()}
        if gc:
            L.append(f"Cross-check on {g}: max |peer − EcoGraph| / max |EcoGraph| (top-5 overlap), after rescaling "
                     "each peer to NetworkX's convention:")
            L.append("")
            L.append("| scores | " + " | ".join(PEERS) + " |")
            L.append("|---|" + "---|" * len(PEERS))
            for m in MEASURES + ["authorities"]:
                if not any((m, t) in gc for t in PEERS):
                    continue
                parts = []
                for t in PEERS:
                    if (m, t) in gc:
                        d, overlap = gc[(m, t)]
                        parts.append(f"{d:.1e} ({overlap}/5)")
                    else:
                        parts.append("")
                L.append(f"| {'hits (authorities)' if m == 'authorities' else ('hits (hubs)' if m == 'hits' else m)} | " + " | ".join(parts) + " |")
            L.append("")
    L.append("## Summary: EcoGraph / fastest comparable peer")
    L.append("")
    L.append("| graph | measure | EcoGraph (s) | fastest peer | peer (s) | ratio |")
    L.append("|---|---|---:|---|---:|---:|")
    for g, m, mine, peer, theirs in summary:
        r = mine / theirs
        L.append(f"| {g} | {m} | {fmt_seconds(mine)} | {peer} | {fmt_seconds(theirs)} | {'**' if r > 1 else ''}{r:.2f}{'**' if r > 1 else ''} |")
    L.append("")
    losses = [(g, m, mine / theirs, peer) for g, m, mine, peer, theirs in summary if mine > theirs]
    L.append("Measures where EcoGraph is not yet the fastest: " +
             (", ".join(f"{m} on {g} ({r:.2f}× {p})" for g, m, r, p in losses) if losses else "none") + ".")
    L.append("")
    L.append(METHOD_NOTES)
    L.append("")
    L.append(ANALYSIS_BEGIN)
    L.append(previous_analysis(path) or "## Where we are not yet fastest, and why\n\n(to be written after a full run)")
    L.append(ANALYSIS_END)
    L.append("")
    impact = previous_impact(path)  # written by Benchmarks/impact.py
    if impact:
        L.append(impact)
    for name in ["uncertainty", "timeline", "robustness", "sensitivity"]:  # Benchmarks/NAME.py, or by hand (sensitivity)
        section = previous_section(path, name)
        if section:
            L.append(section)
    with open(path, "w") as f:
        f.write("\n".join(L))
    return summary


def previous_impact(path):
    """The dependency-impact section of an existing report (between impact.py's markers), or None."""
    return previous_section(path, "impact")


def previous_section(path, name):
    """The section of an existing report between `<!-- NAME:start -->` and `<!-- NAME:end -->`, or None."""
    if not os.path.exists(path):
        return None
    text = open(path).read()
    start, end = text.find(f"<!-- {name}:start -->"), text.find(f"<!-- {name}:end -->")
    return text[start:end + len(f"<!-- {name}:end -->")] + "\n" if start >= 0 and end > start else None


def write_section(name, section, path=None):
    """Puts `section` (which starts and ends with the `<!-- NAME:start -->` / `<!-- NAME:end -->` markers) into
    BENCHMARKS.md in place of the old one, or at the end; written atomically, then printed."""
    path = path or os.path.join(ROOT, "BENCHMARKS.md")
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    text = open(path).read() if os.path.exists(path) else "# EcoGraph benchmarks\n"
    if start in text and end in text:
        text = text[:text.index(start)] + section.rstrip("\n") + text[text.index(end) + len(end):]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    with open(path + ".tmp", "w") as f:
        f.write(text)
    os.replace(path + ".tmp", path)
    print(section)


ANALYSIS_BEGIN = "<!-- analysis:begin (kept by run.py across runs: edit by hand) -->"
ANALYSIS_END = "<!-- analysis:end -->"


def previous_analysis(path):
    try:
        with open(path) as f:
            text = f.read()
    except OSError:
        return None
    if ANALYSIS_BEGIN in text and ANALYSIS_END in text:
        return text.split(ANALYSIS_BEGIN, 1)[1].split(ANALYSIS_END, 1)[0].strip("\n")
    return None


METHOD_NOTES = """## What each tool computes (like with like)

Marks: **✗** not the same quantity (shown, never counted as best peer); **†** same work, different normalisation
(counted). A cross-check table under each graph compares every peer's scores with EcoGraph's.

- **Loading is untimed** for everyone: EcoGraph's `LoadedGraph.load` (edge-list reader + CSR build, reported as
  `load_seconds` in the raw results); peers read the file with NumPy and build their own graph. Only the library
  call is timed; converting a peer's result to an array and rescaling it to NetworkX's convention is not.
- **EcoGraph** is called through the public library API, `LoadedGraph.centralityScores(_:options:)`, with default
  options (all cores). Two exceptions call the kernel function that `centralityScores` itself calls:
  sampled betweenness with an explicit source list (`betweennessCentrality(sources: .explicit(...))`), and HITS
  (`hits()`, which returns hubs and authorities together).
- **degree**: (in + out) / (n − 1). NetworKit has only in- or out-degree centrality: both are run and timed.
- **betweenness**: Brandes, normalised as NetworkX (1 / ((n−1)(n−2)) on digraphs). Exact on the graphs under
  100k nodes. On sf-100k and sf-1m, k = 256 sources drawn once (seeded) and given to every tool that can take
  them: EcoGraph (`.explicit`), NetworkX (its own `k`-sampled algorithm and rescaling, handed exactly these
  sources through its `seed` object), igraph (`betweenness(sources=...)`: subset betweenness from these sources
  to all targets, the same sum, rescaled as NetworkX afterwards, untimed). NetworKit's `EstimateBetweenness`
  is a different estimator (Sanders–Geisberger–Schultes linear scaling, sources drawn with replacement) and
  rustworkx has no source sampling: both n/a there.
- **closeness**: incoming distances (NetworkX's digraph convention), Wasserman–Faust `wf_improved`. NetworKit
  (`Closeness`, GENERALIZED variant = Wasserman–Faust) measures outgoing distances, so it runs on the transposed
  graph (built untimed). igraph's `closeness(mode="in")` has no Wasserman–Faust factor (†).
- **harmonic**: Σ 1/d(v, u) over incoming distances, unnormalised. NetworKit `HarmonicCloseness` on the
  transposed graph; igraph `harmonic_centrality(mode="in")`; rustworkx has none.
- **PageRank**: alpha 0.85, uniform teleport, dangling mass spread uniformly. EcoGraph stops when the L1 change
  is below n · 1e-12; NetworkX (`tol=1e-12`, same criterion, `max_iter=1000`) and rustworkx (same) are set to
  the identical rule; NetworKit is set to `Norm.L1_NORM` with `tol = n · 1e-12` and `DistributeSinks`;
  igraph (PRPACK, a direct Gauss–Seidel solver) has no tolerance parameter and solves to its own fixed
  precision (~1e-10).
- **eigenvector**: left eigenvector (in-edges), unit L2 norm. NetworkX and rustworkx: power iteration, L1 change
  < n · 1e-12, 1000 iterations max, as EcoGraph (NetworkX iterates A + I, as EcoGraph). NetworKit: power
  iteration with `tol=1e-12` on the change of the norm; igraph: ARPACK (own precision).
- **Katz**: x = alpha Aᵀx + 1, L2-normalised; alpha per graph in the table above (NetworkX's default 0.1 where
  0.1 · λmax ≤ 0.5, else 0.5 / λmax rounded to two significant digits, so every tool converges; λmax
  from ARPACK). NetworkX and rustworkx: L1 change < n · 1e-12.
  igraph has no Katz; NetworKit's is a different iteration (✗).
- **HITS**: hubs and authorities, sum-normalised. EcoGraph and rustworkx: power iteration to n · 1e-12;
  NetworkX: SciPy `svds` (ARPACK) with `tol=1e-12`; igraph: `hub_score` + `authority_score` (two ARPACK calls,
  both timed). NetworKit has none.
- **core**: core number with degree = in + out (a reciprocal pair counts 2), as NetworkX. igraph
  `coreness(mode="all")`; NetworKit `CoreDecomposition`; rustworkx `digraph_core_number` (✗: see cross-check).
- **Threads**: EcoGraph uses both cores; NetworKit its OpenMP default (both cores); rustworkx's Rayon pool (both
  cores) for betweenness and closeness; igraph and NetworkX one core."""


# ---------------------------------------------------------------------------------------------------------

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="sf-10k and er-20k only, a subset of measures")
    p.add_argument("--graphs", help="comma-separated: " + ",".join(GRAPHS))
    p.add_argument("--measures", help="comma-separated: " + ",".join(MEASURES))
    p.add_argument("--tools", default=",".join(TOOLS), help="comma-separated: " + ",".join(TOOLS))
    p.add_argument("--timeout", type=float, help="seconds per measure and tool (default 600; 120 with --quick)")
    p.add_argument("--repeat", type=int, help="runs per measure (default 3; 1 on graphs of 1M+ edges)")
    p.add_argument("--repeat-budget", type=float, default=20,
                   help="stop repeating a measure once its runs took this many seconds (default 20)")
    p.add_argument("--samples", type=int, default=256, help="sampled betweenness sources on the 100k+ graphs")
    p.add_argument("--path-max-nodes", type=int, default=60_000,
                   help="exact closeness/harmonic only on graphs up to this many nodes (default 60000)")
    p.add_argument("--networkx-max-nodes", type=int, default=200_000,
                   help="above this, NetworkX runs only degree, PageRank, HITS and core (default 200000)")
    p.add_argument("--networkx-estimate-limit", type=float,
                   help="skip a NetworkX path measure whose estimate (from a few sources) exceeds this "
                        "(default 300 s; 60 with --quick)")
    p.add_argument("--crosscheck-max-nodes", type=int, default=100_000,
                   help="write and compare full score vectors on graphs up to this many nodes")
    p.add_argument("--cached-peers", action=argparse.BooleanOptionalAction, default=None,
                   help="reuse peers' results from earlier runs (same graph, measure, settings and library "
                        "version) instead of running them again; default on with --quick, off otherwise")
    p.add_argument("--report", help="report path (default: BENCHMARKS.md for a full run, results/report-*.md otherwise)")
    p.add_argument("--report-from", metavar="RESULTS_JSONL",
                   help="only write the report again from a raw results file of an earlier run")
    p.add_argument("--skip-build", action="store_true")
    p.add_argument("--skip-install", action="store_true")
    args = p.parse_args()
    if args.timeout is None:
        args.timeout = 120.0 if args.quick else 600.0
    if args.cached_peers is None:
        args.cached_peers = args.quick
    if args.networkx_estimate_limit is None:
        args.networkx_estimate_limit = 60.0 if args.quick else 300.0

    ensure_venv(args.skip_install)
    sys.path.insert(0, HERE)
    installed = {}
    if os.path.exists(INSTALL_STATUS):
        with open(INSTALL_STATUS) as f:
            installed = json.load(f)

    graphs = args.graphs.split(",") if args.graphs else (QUICK_GRAPHS if args.quick else list(GRAPHS))
    measures = args.measures.split(",") if args.measures else (QUICK_MEASURES if args.quick else MEASURES)
    args.tools = args.tools.split(",")
    for g in graphs:
        if g not in GRAPHS:
            sys.exit(f"unknown graph {g}; known: {', '.join(GRAPHS)}")
    for m in measures:
        if m not in MEASURES:
            sys.exit(f"unknown measure {m}; known: {', '.join(MEASURES)}")
    full = not (args.quick or args.graphs or args.measures or args.tools != TOOLS)
    report = args.report or (os.path.join(ROOT, "BENCHMARKS.md") if full else None)

    global COMMIT_AT_START
    COMMIT_AT_START = machine_facts()["commit"]
    started = datetime.datetime.now(datetime.timezone.utc)
    stamp = started.strftime("%Y%m%d-%H%M%S")
    os.makedirs(RESULTS, exist_ok=True)
    if report is None:
        report = os.path.join(RESULTS, f"report-{stamp}.md")

    if args.report_from:
        with open(args.report_from) as f:
            rows = [json.loads(line) for line in f if line.strip()]
        present = [g for g in GRAPHS if any(r["graph"] == g for r in rows)]
        facts = {g: ensure_graph(g, GRAPHS[g], args.samples) for g in present}
        checks = {g: crosscheck(g, facts[g], [r for r in rows if r["graph"] == g]) for g in present}
        mtime = datetime.datetime.fromtimestamp(os.path.getmtime(args.report_from), datetime.timezone.utc)
        stamp_match = re.search(r"(\d{8}-\d{6})", os.path.basename(args.report_from))
        begun = (datetime.datetime.strptime(stamp_match.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=datetime.timezone.utc)
                 if stamp_match else mtime)
        if not args.report:
            report = os.path.join(ROOT, "BENCHMARKS.md") if len(present) == len(GRAPHS) else report
        write_report(report, rows, facts, checks, args, begun, mtime, installed, args.quick)
        print(f"report: {report}", file=sys.stderr)
        return

    facts = {g: ensure_graph(g, GRAPHS[g], args.samples) for g in graphs}
    if "ecograph" in args.tools and not args.skip_build:
        print("building ecograph-bench (release) ...", file=sys.stderr, flush=True)
        build_bench()

    raw_path = os.path.join(RESULTS, f"results-{stamp}.jsonl")
    log_path = os.path.join(RESULTS, f"log-{stamp}.txt")
    rows, checks = [], {}
    with open(log_path, "w") as log, open(raw_path, "w") as raw:
        for g in graphs:
            graph_rows = run_graph(g, facts[g], measures, args, log, installed)
            for r in graph_rows:
                raw.write(json.dumps(r) + "\n")
            raw.flush()
            rows += graph_rows
            checks[g] = crosscheck(g, facts[g], graph_rows)
    finished = datetime.datetime.now(datetime.timezone.utc)
    write_report(report, rows, facts, checks, args, started, finished, installed, args.quick)
    print(f"\nraw results: {raw_path}\nlog: {log_path}\nreport: {report}\n", file=sys.stderr)
    with open(report) as f:
        text = f.read()
    start = text.find("## Summary")
    print(text[start: text.find("## What each tool")] if start >= 0 else text)


if __name__ == "__main__":
    main()
