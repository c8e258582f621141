"""Runs one peer library's centrality measures on one edge list, timing only the computation.

    python peers.py TOOL EDGES --name NAME --measures m1,m2 [--repeat N] [--budget S] [--sources FILE]
                    [--katz-alpha A] [--top K] [--scores-dir DIR] [--estimate-limit S]

TOOL is networkx, igraph, networkit or rustworkx. The edge list is loaded and turned into the library's
graph first (untimed; reported as load_seconds), then each measure runs up to N times (stopping early once
its runs took `budget` seconds in total) and the best wall-clock time is reported, one JSON object per line:
    {"event": "loaded", ...}
    {"tool": ..., "graph": ..., "measure": ..., "status": "ok" | "n/a" | "error", "seconds": ..., ...}

Only the library call is timed; turning its result into an array for the cross-check (and rescaling it
to NetworkX's convention, where the library's differs) happens after the clock stops.

`--estimate-limit S` (NetworkX only): before a path measure, time a few sources and extrapolate; when the
estimate exceeds S seconds, skip the measure (status "skipped", with `estimate_seconds`) instead of
running into the harness's timeout.

Run by run.py inside Benchmarks/.venv.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import time

import numpy as np

TOL = 1e-12        # EcoGraph's tolerance for PageRank, eigenvector, Katz and HITS (L1 change < n * TOL)
MAX_ITER = 1000    # EcoGraph's iteration cap


class NotAvailable(Exception):
    """The library has no implementation of this measure that computes the same thing."""


class FixedSample(random.Random):
    """A `seed` for NetworkX's `betweenness_centrality(k=...)` that "samples" exactly the given sources,
    so NetworkX runs its own k-sampled algorithm (and rescaling) over the same sources as every tool."""

    def __init__(self, sources):
        super().__init__(0)
        self.sources = list(sources)

    def sample(self, population, k, **kwargs):  # noqa: D401 - mirrors random.sample
        assert k == len(self.sources)
        return list(self.sources)


def load_edges(path):
    flat = np.fromfile(path, dtype=np.int64, sep=" ")
    src = flat[0::2].copy()
    dst = flat[1::2].copy()
    n = int(max(src.max(), dst.max())) + 1 if src.size else 0
    return n, src, dst


def nx_rescale_sampled(raw, n, sources):
    """NetworkX 3.6's `_rescale` for normalized, directed, k-sampled node betweenness without endpoints."""
    k = len(sources)
    N = n - 1
    out = np.asarray(raw, dtype=np.float64) / (k * (N - 1))
    idx = np.asarray(sources, dtype=np.int64)
    out[idx] = np.asarray(raw, dtype=np.float64)[idx] / ((k - 1) * (N - 1))
    return out


def dict_to_array(d, n):
    a = np.zeros(n)
    for key, value in d.items():
        a[key] = value
    return a


def l2(a):
    a = np.asarray(a, dtype=np.float64)
    norm = np.linalg.norm(a)
    return a / norm if norm > 0 else a


def sum1(a):
    a = np.asarray(a, dtype=np.float64)
    s = a.sum()
    return a / s if s != 0 else a


# ---------------------------------------------------------------------------------------------------------
# One adapter per library: build the graph, and for each measure return (run, convert):
# `run()` is the timed call, `convert(result)` turns its result into arrays in NetworkX's convention.

class NetworkX:
    name = "networkx"

    def __init__(self, n, src, dst, args):
        import networkx as nx
        self.nx = nx
        self.version = nx.__version__
        self.threads = 1
        G = nx.DiGraph()
        G.add_nodes_from(range(n))
        G.add_edges_from(zip(src.tolist(), dst.tolist()))
        self.G, self.n, self.args = G, n, args

    def measure(self, m):
        nx, G, n, a = self.nx, self.G, self.n, self.args
        arr = lambda d: dict_to_array(d, n)  # noqa: E731
        if m == "degree":
            return lambda: nx.degree_centrality(G), arr
        if m == "betweenness":
            if a.sources is not None:
                return (lambda: nx.betweenness_centrality(G, k=len(a.sources), seed=FixedSample(a.sources))), arr
            return lambda: nx.betweenness_centrality(G), arr
        if m == "closeness":
            return lambda: nx.closeness_centrality(G), arr
        if m == "harmonic":
            return lambda: nx.harmonic_centrality(G), arr
        if m == "pagerank":
            return lambda: nx.pagerank(G, alpha=0.85, tol=TOL, max_iter=MAX_ITER), arr
        if m == "eigenvector":
            return lambda: nx.eigenvector_centrality(G, max_iter=MAX_ITER, tol=TOL), arr
        if m == "katz":
            return (lambda: nx.katz_centrality(G, alpha=a.katz_alpha, beta=1.0, max_iter=MAX_ITER, tol=TOL,
                                               normalized=True)), arr
        if m == "hits":
            return (lambda: nx.hits(G, max_iter=MAX_ITER, tol=TOL)), (lambda r: (arr(r[0]), arr(r[1])))
        if m == "core":
            return lambda: nx.core_number(G), arr
        raise NotAvailable(f"unknown measure {m}")

    def estimate(self, m):
        """Seconds a full path measure would take, extrapolated from a few sources (None: not a path
        measure): 32 random sources for exact measures, the first 8 of the given ones for sampled
        betweenness."""
        nx, G, n = self.nx, self.G, self.n
        if m not in ("betweenness", "closeness", "harmonic"):
            return None
        if m == "betweenness" and self.args.sources:
            probe = self.args.sources[:8]
            start = time.perf_counter()
            nx.betweenness_centrality(G, k=len(probe), seed=FixedSample(probe))
            return (time.perf_counter() - start) * len(self.args.sources) / len(probe)
        probe = random.Random(7).sample(range(n), min(32, n))
        start = time.perf_counter()
        if m == "betweenness":
            nx.betweenness_centrality(G, k=len(probe), seed=FixedSample(probe))
        elif m == "closeness":
            R = G.reverse(copy=False)
            for s in probe:
                nx.single_source_shortest_path_length(R, s)
        else:
            nx.harmonic_centrality(G, sources=probe)
        return (time.perf_counter() - start) * n / len(probe)


class IGraph:
    name = "igraph"

    def __init__(self, n, src, dst, args):
        import igraph as ig
        self.version = ig.__version__
        self.threads = 1
        self.g = ig.Graph(n=n, edges=np.stack([src, dst], axis=1).tolist(), directed=True)
        self.n, self.args = n, args

    def measure(self, m):
        g, n, a = self.g, self.n, self.args
        if m == "degree":
            return lambda: g.degree(mode="all"), (lambda r: np.asarray(r, dtype=np.float64) / (n - 1))
        if m == "betweenness":
            if a.sources is not None:
                # igraph's subset betweenness: Brandes from exactly these sources, to every target: the same
                # sum as NetworkX's k-sampled estimate before rescaling (rescaled after the clock stops).
                return (lambda: g.betweenness(directed=True, sources=a.sources),
                        lambda r: nx_rescale_sampled(r, n, a.sources))
            return lambda: g.betweenness(directed=True), (lambda r: np.asarray(r) / ((n - 1) * (n - 2)))
        if m == "closeness":
            # Incoming distances over the nodes that reach each node, without Wasserman-Faust's factor.
            return lambda: g.closeness(mode="in", normalized=True), (lambda r: np.nan_to_num(np.asarray(r, dtype=np.float64)))
        if m == "harmonic":
            return lambda: g.harmonic_centrality(mode="in", normalized=False), np.asarray
        if m == "pagerank":
            return lambda: g.pagerank(damping=0.85, directed=True), np.asarray
        if m == "eigenvector":
            return lambda: g.eigenvector_centrality(directed=True), l2
        if m == "katz":
            raise NotAvailable("igraph has no Katz centrality")
        if m == "hits":
            return (lambda: (g.hub_score(), g.authority_score())), (lambda r: (sum1(r[0]), sum1(r[1])))
        if m == "core":
            return lambda: g.coreness(mode="all"), np.asarray
        raise NotAvailable(f"unknown measure {m}")


class NetworKit:
    name = "networkit"

    def __init__(self, n, src, dst, args):
        import networkit as nk
        self.nk = nk
        self.version = nk.__version__
        self.threads = nk.getMaxNumberOfThreads()
        self.G = nk.Graph(n, weighted=False, directed=True)
        self.G.addEdges((src.astype(np.uint64), dst.astype(np.uint64)))
        # NetworKit's closeness and harmonic closeness use distances *from* a node; NetworkX's (and
        # EcoGraph's) use distances *to* it: they run on the transposed graph.
        self.R = nk.Graph(n, weighted=False, directed=True)
        self.R.addEdges((dst.astype(np.uint64), src.astype(np.uint64)))
        self.n, self.args = n, args

    def _run(self, algo):
        algo.run()
        return algo

    def measure(self, m):
        nk, G, R, n, a = self.nk, self.G, self.R, self.n, self.args
        c = nk.centrality
        scores = lambda r: np.asarray(r.scores(), dtype=np.float64)  # noqa: E731
        if m == "degree":
            return ((lambda: (self._run(c.DegreeCentrality(G, outDeg=True)), self._run(c.DegreeCentrality(G, outDeg=False)))),
                    lambda r: (scores(r[0]) + scores(r[1])) / (n - 1))
        if m == "betweenness":
            if a.sources is not None:
                raise NotAvailable("EstimateBetweenness is Sanders-Geisberger-Schultes' linearly scaled estimator "
                                   "over sources drawn with replacement, not source-sampled Brandes")
            return lambda: self._run(c.Betweenness(G, normalized=True)), scores
        if m == "closeness":
            return (lambda: self._run(c.Closeness(R, True, c.ClosenessVariant.GENERALIZED))), scores
        if m == "harmonic":
            return lambda: self._run(c.HarmonicCloseness(R, normalized=False)), scores
        if m == "pagerank":
            def run():
                pr = c.PageRank(G, damp=0.85, tol=n * TOL, distributeSinks=c.SinkHandling.DistributeSinks)
                pr.norm = c.Norm.L1_NORM
                pr.maxIterations = MAX_ITER
                return self._run(pr)
            return run, (lambda r: sum1(scores(r)))
        if m == "eigenvector":
            return lambda: self._run(c.EigenvectorCentrality(G, tol=TOL)), (lambda r: l2(scores(r)))
        if m == "katz":
            def run():
                k = c.KatzCentrality(G, alpha=a.katz_alpha, beta=1.0, tol=TOL)
                return self._run(k)
            return run, (lambda r: l2(scores(r)))
        if m == "hits":
            raise NotAvailable("NetworKit has no HITS")
        if m == "core":
            return lambda: self._run(c.CoreDecomposition(G)), scores
        raise NotAvailable(f"unknown measure {m}")


class RustworkX:
    name = "rustworkx"

    def __init__(self, n, src, dst, args):
        import rustworkx as rx
        self.rx = rx
        self.version = rx.__version__
        self.threads = int(os.environ.get("RAYON_NUM_THREADS") or os.cpu_count() or 1)
        g = rx.PyDiGraph(multigraph=False)
        g.add_nodes_from(range(n))
        g.extend_from_edge_list(list(zip(src.tolist(), dst.tolist())))
        self.g, self.n, self.args = g, n, args

    def measure(self, m):
        rx, g, n, a = self.rx, self.g, self.n, self.args
        arr = lambda d: dict_to_array(d, n)  # noqa: E731
        if m == "degree":
            return lambda: rx.digraph_degree_centrality(g), arr
        if m == "betweenness":
            if a.sources is not None:
                raise NotAvailable("rustworkx's betweenness has no source sampling")
            return lambda: rx.digraph_betweenness_centrality(g, normalized=True), arr
        if m == "closeness":
            return lambda: rx.digraph_closeness_centrality(g, wf_improved=True), arr
        if m == "harmonic":
            raise NotAvailable("rustworkx has no harmonic centrality")
        if m == "pagerank":
            return lambda: rx.pagerank(g, alpha=0.85, tol=TOL, max_iter=MAX_ITER), arr
        if m == "eigenvector":
            return lambda: rx.digraph_eigenvector_centrality(g, max_iter=MAX_ITER, tol=TOL), arr
        if m == "katz":
            return (lambda: rx.digraph_katz_centrality(g, alpha=a.katz_alpha, beta=1.0, max_iter=MAX_ITER, tol=TOL)), \
                (lambda r: l2(arr(r)))
        if m == "hits":
            return (lambda: rx.hits(g, tol=TOL, max_iter=MAX_ITER)), (lambda r: (arr(r[0]), arr(r[1])))
        if m == "core":
            return lambda: rx.digraph_core_number(g), arr
        raise NotAvailable(f"unknown measure {m}")


TOOLS = {t.name: t for t in (NetworkX, IGraph, NetworKit, RustworkX)}


def emit(obj):
    print(json.dumps(obj), flush=True)


def top_list(values, k):
    order = sorted(range(len(values)), key=lambda i: (-values[i], str(i)))[:k]
    return [[str(i), float(values[i])] for i in order]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("tool", choices=sorted(TOOLS))
    p.add_argument("edges")
    p.add_argument("--name")
    p.add_argument("--measures", default="degree,betweenness,closeness,harmonic,pagerank,eigenvector,katz,hits,core")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--budget", type=float, default=float("inf"))
    p.add_argument("--sources")
    p.add_argument("--katz-alpha", type=float, default=0.1)
    p.add_argument("--top", type=int, default=5)
    p.add_argument("--scores-dir")
    p.add_argument("--estimate-limit", type=float)
    args = p.parse_args()
    name = args.name or os.path.splitext(os.path.basename(args.edges))[0]
    args.sources = [int(x) for x in open(args.sources).read().split()] if args.sources else None

    start = time.perf_counter()
    n, src, dst = load_edges(args.edges)
    adapter = TOOLS[args.tool](n, src, dst, args)
    load_seconds = time.perf_counter() - start
    base = {"tool": args.tool, "graph": name, "version": adapter.version, "threads": adapter.threads}
    emit({"event": "loaded", **base, "load_seconds": load_seconds, "nodes": n, "edges": int(src.size)})

    for m in args.measures.split(","):
        row = {**base, "measure": m, "load_seconds": load_seconds}
        try:
            run, convert = adapter.measure(m)
        except NotAvailable as e:
            emit({**row, "status": "n/a", "reason": str(e), "seconds": None})
            continue
        if args.estimate_limit is not None and hasattr(adapter, "estimate"):
            try:
                guess = adapter.estimate(m)
            except Exception as e:  # noqa: BLE001
                guess = None
                row["estimate_error"] = repr(e)
            if guess is not None:
                row["estimate_seconds"] = guess
                if guess > args.estimate_limit:
                    emit({**row, "status": "skipped", "seconds": None,
                          "reason": f"estimated {guess:.0f} s from a probe of a few sources"})
                    continue
        times, cpu = [], []
        result = None
        try:
            for _ in range(args.repeat):
                if sum(times) >= args.budget:
                    break
                t0, c0 = time.perf_counter(), time.process_time()
                result = run()
                times.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
        except Exception as e:  # noqa: BLE001 - report any library failure and go on
            emit({**row, "status": "error", "error": f"{type(e).__name__}: {e}"[:500], "seconds": None})
            continue
        converted = convert(result)
        main_scores, extra = (converted if isinstance(converted, tuple) else (converted, None))
        main_scores = np.asarray(main_scores, dtype=np.float64)
        out = {**row, "status": "ok", "seconds": min(times), "runs": times, "cpu_seconds": cpu[times.index(min(times))],
               "nodes": n, "edges": int(src.size),
               "checksum": float(np.nansum(main_scores)), "top": top_list(main_scores, args.top)}
        if extra is not None:
            out["top_authorities"] = top_list(np.asarray(extra), args.top)
        out["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        if args.scores_dir:
            np.save(os.path.join(args.scores_dir, f"{name}.{m}.{args.tool}.npy"), main_scores)
            if extra is not None:
                np.save(os.path.join(args.scores_dir, f"{name}.authorities.{args.tool}.npy"), np.asarray(extra))
        emit(out)
        del result, converted


if __name__ == "__main__":
    main()
