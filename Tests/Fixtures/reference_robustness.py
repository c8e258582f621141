"""Expected robustness curves (NetworkX) for the named test graphs.

For each graph of reference_graphs.py, writes Tests/Fixtures/expected/robustness/<name>.json:
  networkx   NetworkX's version
  curves     a list; each curve says how it was made and what it measured at every checkpoint 0 ... K:
    order      "degree", "betweenness", "pagerank", "impact" or "random"
    adaptive   whether the measure is recomputed on what remains before each step
    steps      K, or null for one step per node
    runs, seed the random order's runs and seed (null otherwise)
    consumers, providers   node ids, or null for every node
    removed    the node ids in removal order (fixed orders)
    largestComponent, reachablePairs, cutOffConsumers
               fixed orders: one integer per checkpoint; random: {"mean", "p5", "p95"}, one float each

Definitions (EcoGraph's LoadedGraph.robustness), measured here on G_k, the graph without the nodes removed by
checkpoint k (k * n // K of the order):
  largest component   max(len(c) for c in nx.weakly_connected_components(G_k)) (connected_components when
                      undirected), 0 for the empty graph
  reachable pairs     sum over consumers c in G_k of |nx.descendants(G_k, c) & providers|
  cut-off consumers   consumers c in G_k with (nx.descendants(G, c) & providers) not within nx.descendants(G_k, c)
Orders: every node ranked by a measure on G (or, adaptive, on G minus the nodes already removed, before each
step), highest first, the measure compared at 9 significant digits (float('%.8e' % x)), ties by id; the
measures: G.degree (in + out), nx.betweenness_centrality(G) (unweighted, normalised), nx.pagerank(G,
weight=None) (tolerance 1e-14), and impact, by brute force: impact(x) = sum over consumers c != x of
|descendants(G, c) & P| - |descendants(G - x, c) & P|. The random order is EcoGraph's (SplitMix64 seeded with
the (run + 1)-th output of SplitMix64(seed), Fisher-Yates with Lemire's draw), reproduced below from its
definition; mean and percentiles (linear between order statistics, position p (R - 1)) are computed exactly
with fractions and rounded once.
The graphs are rebuilt from the exported Tests/Fixtures/graphs/<name>.json (nodes in index order, edges added in
order) so NetworkX and the Swift tests see exactly the same graph. Run: python3 Tests/Fixtures/reference_robustness.py
"""
import json, os, sys
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import networkx as nx  # noqa: E402
import reference_graphs  # noqa: E402  (names the graphs; the ones it exported are read back below)

MASK = (1 << 64) - 1
GAMMA = 0x9E3779B97F4A7C15


def load(name):
    with open(os.path.join(HERE, "graphs", name + ".json")) as f:
        doc = json.load(f)
    g = nx.DiGraph() if doc["directed"] else nx.Graph()
    g.add_nodes_from(doc["nodes"])
    for u, v, w in doc["edges"]:
        g.add_edge(doc["nodes"][u], doc["nodes"][v], weight=w)
    return g, doc["nodes"]


# ---- the random order, from its definition ----------------------------------------------------------------

def splitmix(state):
    state = (state + GAMMA) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def below(state, bound):
    state, x = splitmix(state)
    product = x * bound
    if (product & MASK) < bound:
        threshold = ((1 << 64) - bound) % bound
        while (product & MASK) < threshold:
            state, x = splitmix(state)
            product = x * bound
    return state, product >> 64


def random_order(n, seed, run):
    _, state = splitmix((seed + run * GAMMA) & MASK)
    order = list(range(n))
    for i in range(n - 1, 0, -1):
        state, j = below(state, i + 1)
        order[i], order[j] = order[j], order[i]
    return order


# ---- measures ---------------------------------------------------------------------------------------------

def descendants(g, c):
    return nx.descendants(g, c)


def impact(g, consumers, providers):
    base = {c: descendants(g, c) & providers for c in consumers}
    result = {}
    for x in g.nodes():
        h = g.copy()
        h.remove_node(x)
        result[x] = sum(len(base[c]) - len(descendants(h, c) & providers) for c in consumers if c != x)
    return result


def measure(g, name, consumers, providers):
    if name == "degree":
        return dict(g.degree())
    if name == "betweenness":
        return {v: float("%.8e" % x) for v, x in nx.betweenness_centrality(g).items()}
    if name == "pagerank":
        return {v: float("%.8e" % x) for v, x in nx.pagerank(g, weight=None, tol=1e-14, max_iter=20000).items()}
    if name == "impact":
        return impact(g, [c for c in consumers if c in g], {p for p in providers if p in g})
    raise ValueError(name)


def ranked(g, name, consumers, providers):
    values = measure(g, name, consumers, providers)
    return sorted(g.nodes(), key=lambda v: (-values[v], v))


def removed_count(k, length, steps):
    return k * length // steps if steps else 0


def fixed_order(g, name, adaptive, steps, consumers, providers):
    n = len(g)
    if not adaptive:
        return ranked(g, name, consumers, providers)
    order, h = [], g.copy()
    for k in range(1, steps + 1):
        take = removed_count(k, n, steps) - removed_count(k - 1, n, steps)
        chosen = ranked(h, name, consumers, providers)[:take]
        order += chosen
        h.remove_nodes_from(chosen)
    return order


# ---- curves -----------------------------------------------------------------------------------------------

def curve(g, order, steps, consumers, providers):
    start = {c: descendants(g, c) & providers for c in consumers}
    components = nx.weakly_connected_components if g.is_directed() else nx.connected_components
    out = {"largestComponent": [], "reachablePairs": [], "cutOffConsumers": []}
    for k in range(steps + 1):
        h = g.copy()
        h.remove_nodes_from(order[:removed_count(k, len(order), steps)])
        out["largestComponent"].append(max((len(c) for c in components(h)), default=0))
        pairs = cut = 0
        for c in consumers:
            if c not in h:
                continue
            now = descendants(h, c) & providers
            pairs += len(now)
            cut += 0 if start[c] <= now else 1
        out["reachablePairs"].append(pairs)
        out["cutOffConsumers"].append(cut)
    return out


def summary(values):
    ordered = sorted(values)
    r = len(ordered)

    def percentile(percent):
        position = percent * (r - 1)
        i, rest = divmod(position, 100)
        if rest == 0:
            return float(ordered[i])
        return float(Fraction(ordered[i] * 100 + rest * (ordered[i + 1] - ordered[i]), 100))

    return float(Fraction(sum(ordered), r)), percentile(5), percentile(95)


def compute(name):
    g, ids = load(name)
    n = len(ids)
    everyone = list(ids)
    some_consumers = [v for i, v in enumerate(ids) if i % 2 == 0]
    some_providers = [v for i, v in enumerate(ids) if i % 3 != 0]
    variants = []
    for order in ["degree", "betweenness", "pagerank", "impact"]:
        for adaptive in [False, True]:
            variants.append(dict(order=order, adaptive=adaptive, steps=None, consumers=None, providers=None))
    variants.append(dict(order="degree", adaptive=True, steps=4, consumers=None, providers=None))
    variants.append(dict(order="impact", adaptive=True, steps=5, consumers=some_consumers, providers=some_providers))
    variants.append(dict(order="impact", adaptive=False, steps=None, consumers=some_consumers, providers=some_providers))
    variants.append(dict(order="random", adaptive=False, steps=None, runs=5, seed=7, consumers=None, providers=None))
    variants.append(dict(order="random", adaptive=False, steps=3, runs=4, seed=11, consumers=some_consumers, providers=some_providers))
    curves = []
    for v in variants:
        consumers = v["consumers"] or everyone
        providers = set(v["providers"] or everyone)
        steps = min(v["steps"] or n, n)
        item = dict(order=v["order"], adaptive=v["adaptive"], steps=v["steps"], runs=v.get("runs"), seed=v.get("seed"),
                    consumers=v["consumers"], providers=v["providers"])
        if v["order"] == "random":
            runs = [curve(g, [ids[i] for i in random_order(n, v["seed"], r)], steps, consumers, providers) for r in range(v["runs"])]
            for key in ["largestComponent", "reachablePairs", "cutOffConsumers"]:
                stats = [summary([run[key][k] for run in runs]) for k in range(steps + 1)]
                item[key] = {"mean": [s[0] for s in stats], "p5": [s[1] for s in stats], "p95": [s[2] for s in stats]}
        else:
            order = fixed_order(g, v["order"], v["adaptive"], steps, consumers, providers)
            item["removed"] = order
            item.update(curve(g, order, steps, consumers, providers))
        curves.append(item)
    return {"networkx": nx.__version__, "graph": name, "curves": curves}


def main():
    out_dir = os.path.join(HERE, "expected", "robustness")
    os.makedirs(out_dir, exist_ok=True)
    for name in [name for name, _, _ in reference_graphs.named_graphs()]:
        doc = compute(name)
        with open(os.path.join(out_dir, name + ".json"), "w") as f:
            json.dump(doc, f, indent=1)
            f.write("\n")
        print(name, len(doc["curves"]), "curves")


if __name__ == "__main__":
    main()
