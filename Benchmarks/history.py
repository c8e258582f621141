"""A generated history of Debian's package graph: the timeline benchmark's input (see timeline.py).

Debian's package -> dependency graph (graphs.debian_dependencies: this machine's apt indices) written as an
EcoGraph ecosystem in JSON, every package a `technology` node and every dependency a `builds_on` edge (the
package depends on its dependency), with random lifetimes over a 24-month window, 2024-01 to 2025-12, drawn
from a seeded generator:

- a node is born in the window with probability 0.3 (`since`: a month 2024-02 ... 2025-12, uniform) and
  withdrawn with probability 0.15 (`until`: a later month up to 2026-01); the rest are always there;
- an edge starts after both its ends exist: with probability 0.3 it gets a later `since` of its own (a
  dependency taken up later), and with probability 0.1 an `until` (a dependency dropped), both within the
  months both ends are alive. An edge between two packages that are never alive together stays undated (it
  is in the record and in no snapshot), unless it depends on a package born after its dependent, which
  validation would ask to date: those few are left out (their number is printed and in the manifest).

Every month of the window then has its own map (nodes come and go every month), so a monthly timeline has
24 distinct snapshots and reuses none: the worst case for the timeline. The file passes `ecograph validate`
(edges within their ends' lifetimes; a dependency on a later package always has its own `since`).

    python3 Benchmarks/history.py [--seed 24] [--out Benchmarks/data/debian-history.json]
"""
import argparse
import json
import os
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

WINDOW_START = (2024, 1)
MONTHS = 24  # 2024-01 ... 2025-12


def month_text(index: int) -> str:
    """Month `index` of the window (0 = 2024-01) as YYYY-MM; index MONTHS is 2026-01."""
    year, month = WINDOW_START[0] + (WINDOW_START[1] - 1 + index) // 12, (WINDOW_START[1] - 1 + index) % 12 + 1
    return f"{year:04d}-{month:02d}"


def generate(seed: int):
    import graphs

    if not graphs.debian_package_lists():
        sys.exit(f"no apt Packages indices in {graphs.APT_LISTS}: run `apt-get update` first")
    names, edges, info = graphs.debian_dependencies()
    rng = random.Random(seed)
    n = len(names)
    # Lifetimes as month indices: since in 0..MONTHS-1 (None: always), until in 1..MONTHS (None: open).
    since = [None] * n
    until = [None] * n
    for i in range(n):
        if rng.random() < 0.3:
            since[i] = rng.randint(1, MONTHS - 1)
        if rng.random() < 0.15:
            until[i] = rng.randint((since[i] or 0) + 1, MONTHS)
    nodes = []
    for i, name in enumerate(names):
        node = {"id": name, "kind": "technology"}
        if since[i] is not None:
            node["since"] = month_text(since[i])
        if until[i] is not None:
            node["until"] = month_text(until[i])
        nodes.append(node)
    out_edges = []
    dropped = 0
    for u, v in edges.tolist():
        # The months both ends are alive: [lo, hi).
        lo = max(since[u] or 0, since[v] or 0)
        hi = min(until[u] if until[u] is not None else MONTHS, until[v] if until[v] is not None else MONTHS)
        if lo >= hi:
            # The ends are never alive together. Undated, the edge stays in the record and is never in a
            # snapshot; only a dependency on a package born later than its dependent needs a `since` of its
            # own, which cannot fall in the ends' (empty) common lifetime: that edge is left out.
            if since[u] is not None and since[v] is not None and since[v] > since[u]:
                dropped += 1
            else:
                out_edges.append({"from": names[u], "to": names[v], "kind": "builds_on"})
            continue
        edge = {"from": names[u], "to": names[v], "kind": "builds_on"}
        edge_since = None
        if rng.random() < 0.3 and hi - lo > 1:
            edge_since = rng.randint(lo + 1, hi - 1)
        elif since[v] is not None and (since[u] is None or since[v] > since[u]):
            # A dependency on a later package starts when that package does (validation asks for it).
            edge_since = since[v]
        if edge_since is not None:
            edge["since"] = month_text(edge_since)
        if rng.random() < 0.1 and hi - (edge_since or lo) > 1:
            edge["until"] = month_text(rng.randint((edge_since or lo) + 1, hi - 1))
        out_edges.append(edge)
    ecosystem = {
        "ecograph": 1,
        "name": "Debian's package graph, a generated history",
        "description": f"Debian package dependencies from this machine's apt indices, with random lifetimes "
                       f"over {month_text(0)} to {month_text(MONTHS - 1)} (seed {seed}).",
        "nodes": nodes,
        "edges": out_edges,
    }
    facts = {"seed": seed, "nodes": n, "edges": len(out_edges), "dropped_edges": dropped,
             "debian_edges": int(edges.shape[0]), "window": [month_text(0), month_text(MONTHS - 1)],
             "dated_nodes": sum(1 for i in range(n) if since[i] is not None or until[i] is not None),
             "dated_edges": sum(1 for e in out_edges if "since" in e or "until" in e), "debian": info}
    return ecosystem, facts


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--seed", type=int, default=24)
    p.add_argument("--out", default=os.path.join(HERE, "data", "debian-history.json"))
    args = p.parse_args()
    t0 = time.time()
    ecosystem, facts = generate(args.seed)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".tmp"
    with open(tmp, "w") as f:
        json.dump(ecosystem, f, separators=(",", ":"))
    os.replace(tmp, args.out)
    with open(os.path.splitext(args.out)[0] + ".manifest.json", "w") as f:
        json.dump(facts, f, indent=1)
    print(f"wrote {args.out}: {facts['nodes']} nodes ({facts['dated_nodes']} dated), {facts['edges']} edges "
          f"({facts['dated_edges']} dated, {facts['dropped_edges']} never alive and left out), "
          f"{time.time() - t0:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
