"""Deterministic benchmark inputs: seeded synthetic digraphs and Debian's package dependency graph.

Every file is a plain edge list, one `u v` line per edge, with integer node ids 0..n-1, and every node in
0..n-1 appears in at least one edge (an edge list cannot carry isolated nodes, and every tool must see the
same node count). No self-loops, no duplicate edges: every library sees the same simple digraph.

Imported by run.py (which runs it inside Benchmarks/.venv, for numpy).
"""

from __future__ import annotations

import glob
import os
import re
import subprocess

import numpy as np


# ---------------------------------------------------------------------------------------------------------
# Synthetic graphs

def _unique_in_order(keys: np.ndarray) -> np.ndarray:
    """The distinct values of `keys`, each at its first occurrence, in that order."""
    _, first = np.unique(keys, return_index=True)
    first.sort()
    return keys[first]


def _sample_pairs(n: int, m: int, rng: np.random.Generator, draw) -> np.ndarray:
    """Draws candidate pairs with `draw(count) -> (u, v)` until `m` distinct non-loop pairs are found;
    returns their keys `u * n + v` in the order they were first drawn."""
    keys = np.empty(0, dtype=np.int64)
    while keys.size < m:
        missing = m - keys.size
        u, v = draw(int(missing * 1.25) + 1024)
        keep = u != v
        batch = u[keep].astype(np.int64) * n + v[keep].astype(np.int64)
        keys = _unique_in_order(np.concatenate([keys, batch]))
    return keys[:m]


def _attach_isolated(keys: np.ndarray, n: int, rng: np.random.Generator, partner_cdf: np.ndarray) -> np.ndarray:
    """Gives every node without an edge one edge (half as source, half as target, the other end drawn from
    `partner_cdf` among nodes that have edges), and removes as many of the last-drawn edges whose removal
    isolates nobody, so that the edge count is unchanged. Deterministic for a given generator state."""
    u = keys // n
    v = keys % n
    degree = np.bincount(u, minlength=n) + np.bincount(v, minlength=n)
    isolated = np.flatnonzero(degree == 0)
    if isolated.size == 0:
        return keys
    has_edges = degree > 0
    added = []
    for x in isolated:
        while True:
            y = int(np.searchsorted(partner_cdf, rng.random(), side="right"))
            y = min(y, n - 1)
            if has_edges[y]:
                break
        added.append((int(x), y) if rng.random() < 0.5 else (y, int(x)))
    # Remove as many edges from the end of the draw, never isolating a node.
    remove = set()
    need = len(added)
    for i in range(keys.size - 1, -1, -1):
        if need == 0:
            break
        a, b = int(u[i]), int(v[i])
        if degree[a] > 1 and degree[b] > 1:
            degree[a] -= 1
            degree[b] -= 1
            remove.add(i)
            need -= 1
    if need:
        raise RuntimeError("could not rebalance the edge count after attaching isolated nodes")
    kept = np.delete(keys, sorted(remove))
    extra = np.array([a * n + b for a, b in added], dtype=np.int64)
    return np.concatenate([kept, extra])


def scale_free(n: int, m: int, seed: int, gamma_in: float = 2.2, gamma_out: float = 2.6) -> np.ndarray:
    """A directed scale-free graph: the static model of Goh, Kahng and Kim (PRL 87, 2001), the non-growing
    form of preferential attachment (Chung–Lu style). Node i gets an out-weight and an in-weight
    proportional to rank^(-1/(gamma-1)) (ranks shuffled independently for out and in, so hubs of the two
    kinds differ); each edge picks its source by out-weight and its target by in-weight. In- and
    out-degrees follow power laws with exponents ~gamma_in and ~gamma_out, and the graph has cycles
    (unlike growth models where edges only point to older nodes, whose eigenvector and Katz scores are
    degenerate). Self-loops and repeats are redrawn; isolated nodes get one edge (see _attach_isolated).

    Returns an (m, 2) int64 array of edges sorted by (source, target)."""
    rng = np.random.default_rng(seed)
    ranks = np.arange(1, n + 1, dtype=np.float64)
    w_out = ranks ** (-1.0 / (gamma_out - 1.0))
    w_in = ranks ** (-1.0 / (gamma_in - 1.0))
    w_out = w_out[rng.permutation(n)]
    w_in = w_in[rng.permutation(n)]
    cdf_out = np.cumsum(w_out)
    cdf_out /= cdf_out[-1]
    cdf_in = np.cumsum(w_in)
    cdf_in /= cdf_in[-1]

    def draw(count):
        u = np.minimum(np.searchsorted(cdf_out, rng.random(count), side="right"), n - 1)
        v = np.minimum(np.searchsorted(cdf_in, rng.random(count), side="right"), n - 1)
        return u, v

    keys = _sample_pairs(n, m, rng, draw)
    keys = _attach_isolated(keys, n, rng, cdf_in)
    return _sorted_edges(keys, n)


def erdos_renyi(n: int, m: int, seed: int) -> np.ndarray:
    """A directed G(n, m) random graph: m distinct ordered pairs drawn uniformly, no self-loops; the (rare)
    isolated nodes get one edge as in scale_free. Returns (m, 2) int64 edges sorted by (source, target)."""
    rng = np.random.default_rng(seed)

    def draw(count):
        return rng.integers(0, n, count), rng.integers(0, n, count)

    keys = _sample_pairs(n, m, rng, draw)
    keys = _attach_isolated(keys, n, rng, np.arange(1, n + 1, dtype=np.float64) / n)
    return _sorted_edges(keys, n)


def _sorted_edges(keys: np.ndarray, n: int) -> np.ndarray:
    keys = np.sort(keys)
    return np.stack([keys // n, keys % n], axis=1)


def write_edges(path: str, edges: np.ndarray) -> None:
    tmp = path + ".tmp"
    np.savetxt(tmp, edges, fmt="%d", delimiter=" ")
    os.replace(tmp, path)


# ---------------------------------------------------------------------------------------------------------
# Debian's package dependency graph

APT_LISTS = "/var/lib/apt/lists"


def debian_package_lists() -> list[str]:
    """The apt `Packages` indices on this machine (any compression), base suites first, then -updates,
    then -security, so that a later file's stanza for a package overrides an earlier one (the newer
    version)."""
    files = [f for f in glob.glob(os.path.join(APT_LISTS, "*_Packages*")) if not f.endswith(".diff_Index")]

    def rank(f):
        name = os.path.basename(f)
        return (2 if "security" in name else 1 if "updates" in name or "backports" in name else 0, name)

    return sorted(files, key=rank)


def _read_index(path: str) -> str:
    """An index's text, decompressed by apt's own helper (it reads every compression apt stores)."""
    helper = "/usr/lib/apt/apt-helper"
    if path.endswith(("Packages",)):
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    out = subprocess.run([helper, "cat-file", path], check=True, capture_output=True)
    return out.stdout.decode("utf-8", errors="replace")


_FIELD = re.compile(r"^([A-Za-z0-9-]+):\s?(.*)$")


def _stanzas(text: str):
    fields: dict[str, str] = {}
    last = None
    for line in text.splitlines():
        if not line.strip():
            if fields:
                yield fields
            fields, last = {}, None
            continue
        if line[0] in " \t":
            if last is not None:
                fields[last] += " " + line.strip()
            continue
        match = _FIELD.match(line)
        if match:
            last = match.group(1)
            fields[last] = match.group(2).strip()
    if fields:
        yield fields


def _names(relation_field: str) -> list[str]:
    """Every package name of a Depends-style field: each alternative of `a | b` counts; version
    constraints `(>= 1)`, architecture restrictions `[amd64]` and qualifiers `:any` / `:native` are
    stripped."""
    names = []
    for clause in relation_field.split(","):
        for alternative in clause.split("|"):
            alternative = re.sub(r"\(.*?\)|\[.*?\]|<.*?>", " ", alternative).strip()
            if not alternative:
                continue
            name = alternative.split()[0].split(":")[0].strip()
            if name:
                names.append(name)
    return names


def debian_dependencies() -> tuple[list[str], np.ndarray, dict]:
    """Debian's package -> dependency graph from the local apt indices.

    An edge `p -> d` for every package name `d` in p's Depends or Pre-Depends, every alternative of
    `a | b` included. A name that is no real package but is provided by some (a virtual package such as
    `mail-transport-agent`) is resolved to an edge to each provider (`Provides:`), as apt would accept any
    of them; a name that is a real package is kept as is even if others also provide it; a name that is
    neither (a package missing from these indices) is dropped and counted. Self-loops (a package that
    depends on a virtual it provides itself) and repeats are dropped. Nodes are the packages on at least
    one edge, numbered 0..n-1 in name order.

    Returns (names, edges sorted by (source, target), stats)."""
    files = debian_package_lists()
    if not files:
        raise FileNotFoundError(f"no Packages indices in {APT_LISTS}; run apt-get update")
    packages: dict[str, list[str]] = {}
    provides: dict[str, set[str]] = {}
    for path in files:
        for st in _stanzas(_read_index(path)):
            name = st.get("Package")
            if not name:
                continue
            deps = _names(st.get("Pre-Depends", "")) + _names(st.get("Depends", ""))
            packages[name] = deps
            for virtual in _names(st.get("Provides", "")):
                provides.setdefault(virtual, set()).add(name)
    edges = set()
    missing = set()
    virtual_used = set()
    for p, deps in packages.items():
        for d in deps:
            if d in packages:
                targets = (d,)
            elif d in provides:
                targets = tuple(sorted(provides[d]))
                virtual_used.add(d)
            else:
                missing.add(d)
                continue
            for t in targets:
                if t != p:
                    edges.add((p, t))
    names = sorted({x for e in edges for x in e})
    index = {name: i for i, name in enumerate(names)}
    array = np.array(sorted((index[a], index[b]) for a, b in edges), dtype=np.int64).reshape(-1, 2)
    stats = {
        "index_files": [os.path.basename(f) for f in files],
        "packages_in_indices": len(packages),
        "virtual_names_resolved": len(virtual_used),
        "missing_names_dropped": len(missing),
        "nodes": len(names),
        "edges": int(array.shape[0]),
    }
    return names, array, stats
