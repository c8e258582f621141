"""Expected shortest-path centralities (NetworkX) for the named test graphs.

For each graph of reference_graphs.py, writes Tests/Fixtures/expected/paths/<name>.json with values by node
index (edge values as [u, v, value] with u, v node indices, in NetworkX's G.edges() order):
  betweenness        {unweighted|weighted: {normalized, raw, endpoints, endpoints_raw}}
  edge_betweenness   {unweighted|weighted: {normalized, raw}}
  closeness          {unweighted|weighted: {wf_improved, plain}}
  harmonic           {unweighted|weighted}
  sampled            {k, seed, sources, betweenness {unweighted|weighted: {...}}, edge_betweenness {...}}
The graphs are rebuilt from the exported Tests/Fixtures/graphs/<name>.json (nodes in index order, edges
added in order) so NetworkX and the Swift tests see exactly the same graph. "weighted" uses the exported
weights as distances (weight="weight"); "unweighted" ignores them.

The k-sampled estimate: NetworkX's @py_random_state turns seed=<int> into random.Random(seed) and calls
seed.sample(list(G), k); this script records those sources (and checks that they are what NetworkX used) so
the Swift test passes them explicitly. Run: python3 Tests/Fixtures/reference_paths.py
"""
import json, math, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import networkx as nx  # noqa: E402
import reference_graphs  # noqa: E402

SEED = 42


class RecordingRandom(random.Random):
    """A random.Random that remembers what sample() returned (NetworkX passes it through unchanged)."""

    def sample(self, population, k, **kwargs):
        result = super().sample(population, k, **kwargs)
        self.recorded = list(result)
        return result


def load(name):
    with open(os.path.join(HERE, "graphs", name + ".json")) as f:
        doc = json.load(f)
    g = nx.DiGraph() if doc["directed"] else nx.Graph()
    g.add_nodes_from(range(len(doc["nodes"])))
    for u, v, w in doc["edges"]:
        g.add_edge(u, v, weight=w)
    return g


def by_node(g, values):
    return [values[v] for v in range(len(g))]


def by_edge(g, values):
    return [[u, v, values[(u, v)]] for u, v in g.edges()]


def node_betweenness(g, weight, **kwargs):
    return {
        "normalized": by_node(g, nx.betweenness_centrality(g, weight=weight, **kwargs)),
        "raw": by_node(g, nx.betweenness_centrality(g, weight=weight, normalized=False, **kwargs)),
        "endpoints": by_node(g, nx.betweenness_centrality(g, weight=weight, endpoints=True, **kwargs)),
        "endpoints_raw": by_node(
            g, nx.betweenness_centrality(g, weight=weight, normalized=False, endpoints=True, **kwargs)),
    }


def edge_betweenness(g, weight, **kwargs):
    return {
        "normalized": by_edge(g, nx.edge_betweenness_centrality(g, weight=weight, **kwargs)),
        "raw": by_edge(g, nx.edge_betweenness_centrality(g, weight=weight, normalized=False, **kwargs)),
    }


def sampled_sources(g, k, seed):
    """The sources NetworkX samples for k and seed, checked against what its functions really use."""
    sources = random.Random(seed).sample(list(g), k)
    for function in (nx.betweenness_centrality, nx.edge_betweenness_centrality):
        recorder = RecordingRandom(seed)
        with_recorder = function(g, k=k, seed=recorder)
        assert recorder.recorded == sources, (function.__name__, recorder.recorded, sources)
        with_int_seed = function(g, k=k, seed=seed)
        assert with_recorder == with_int_seed, function.__name__
    return sources


def finite(x):
    assert not (isinstance(x, float) and math.isnan(x)), "NaN in expected values"
    return x


def expected(name):
    g = load(name)
    n = len(g)
    k = max(2, n // 3)
    sources = sampled_sources(g, k, SEED)
    doc = {
        "networkx": nx.__version__,
        "graph": name,
        "nodes": n,
        "betweenness": {
            "unweighted": node_betweenness(g, None),
            "weighted": node_betweenness(g, "weight"),
        },
        "edge_betweenness": {
            "unweighted": edge_betweenness(g, None),
            "weighted": edge_betweenness(g, "weight"),
        },
        "closeness": {
            "unweighted": {
                "wf_improved": by_node(g, nx.closeness_centrality(g)),
                "plain": by_node(g, nx.closeness_centrality(g, wf_improved=False)),
            },
            "weighted": {
                "wf_improved": by_node(g, nx.closeness_centrality(g, distance="weight")),
                "plain": by_node(g, nx.closeness_centrality(g, distance="weight", wf_improved=False)),
            },
        },
        "harmonic": {
            "unweighted": by_node(g, nx.harmonic_centrality(g)),
            "weighted": by_node(g, nx.harmonic_centrality(g, distance="weight")),
        },
        "sampled": {
            "k": k,
            "seed": SEED,
            "sources": sources,
            "betweenness": {
                "unweighted": node_betweenness(g, None, k=k, seed=SEED),
                "weighted": node_betweenness(g, "weight", k=k, seed=SEED),
            },
            "edge_betweenness": {
                "unweighted": edge_betweenness(g, None, k=k, seed=SEED),
                "weighted": edge_betweenness(g, "weight", k=k, seed=SEED),
            },
        },
    }
    json.dumps(doc, allow_nan=False)  # no NaN or infinity in a fixture
    return doc


if __name__ == "__main__":
    out = os.path.join(HERE, "expected", "paths")
    os.makedirs(out, exist_ok=True)
    for name, _, _ in reference_graphs.named_graphs():
        with open(os.path.join(out, name + ".json"), "w") as f:
            json.dump(expected(name), f, indent=1, allow_nan=False)
            f.write("\n")
    print("networkx", nx.__version__)
