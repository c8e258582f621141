"""Expected minimum cuts and maximum flows (NetworkX) for the named test graphs.

For each graph of reference_graphs.py, writes Tests/Fixtures/expected/cuts/<name>.json:
  networkx         NetworkX's version
  pairs            [{"s", "t", "adjacent",
                     "edge_cut_size", "edge_cut": [[u, v], ...],        minimum_edge_cut(G, s, t)
                     "networkx_node_cut": [v, ...],                    minimum_node_cut(G, s, t) as is
                     "node_cut_exists",                                false when s -> t is an edge (s - t
                                                                        undirected): no node cut exists
                     "node_cut_size", "node_cut": [v, ...],            the minimum node cut, when it exists
                     "networkx_shortcut_reverse_edge": true}           see below
                     "max_flow": value}]                               maximum_flow_value(G, s, t,
                                                                        capacity="weight"), weighted graphs only
  set_pairs        [{"sources", "targets", "edge_cut_size"}]           minimum edge cut between node sets: a
                                                                        super-source and super-sink joined by
                                                                        arcs without capacity (infinite)
Adjacent pairs: no node cut exists. NetworkX 3.6 does not raise there (older versions raised
NetworkXError): minimum_st_node_cut returns the empty set whenever s -> t or t -> s is an edge. For a digraph
with t -> s but not s -> t that empty set is not a cut of the s -> t paths; for those pairs node_cut_size is
computed by NetworkX's own auxiliary-digraph edge cut without that shortcut, and the flag records it.
Node indices are those of Tests/Fixtures/graphs/<name>.json; graphs are rebuilt from that file (directed
graphs as directed). Minimum cuts are not unique: the Swift tests compare sizes, and check that their own
cut disconnects and is minimal. Pairs are drawn with random.Random(SEED) from the ordered pairs s != t,
always including at least one adjacent and one non-adjacent pair when the graph has them.
Run: python3 Tests/Fixtures/reference_cuts.py
"""
import json, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import networkx as nx  # noqa: E402
import reference_graphs  # noqa: E402  (the graphs' definitions; the exported files are read back)
from networkx.algorithms.connectivity import build_auxiliary_node_connectivity, minimum_st_edge_cut  # noqa: E402

SEED = 2024
PAIRS = 10
SET_PAIRS = 4


def load(name):
    with open(os.path.join(HERE, "graphs", name + ".json")) as f:
        doc = json.load(f)
    g = nx.DiGraph() if doc["directed"] else nx.Graph()
    g.add_nodes_from(range(len(doc["nodes"])))
    for u, v, w in doc["edges"]:
        g.add_edge(u, v, weight=w)
    return g, doc["weighted"]


def adjacent(g, s, t):
    return t in g[s]


def choose_pairs(g, rng):
    nodes = list(g.nodes())
    pairs = [(s, t) for s in nodes for t in nodes if s != t]
    rng.shuffle(pairs)
    chosen = pairs[:PAIRS]
    for want in (True, False):
        if not any(adjacent(g, s, t) == want for s, t in chosen):
            extra = next(((s, t) for s, t in pairs if adjacent(g, s, t) == want), None)
            if extra is not None:
                chosen.append(extra)
    return chosen


def st_node_cut_unshortcut(g, s, t):
    """NetworkX's own computation behind minimum_st_node_cut, without its early return for adjacent pairs:
    the minimum edge cut between s_B and t_A in the auxiliary node-connectivity digraph, mapped back to
    nodes. Used when only t -> s is an edge of a digraph (a node cut from s to t exists, but NetworkX 3.x
    returns the empty set, see below)."""
    h = build_auxiliary_node_connectivity(g)
    mapping = h.graph["mapping"]
    edge_cut = minimum_st_edge_cut(h, f"{mapping[s]}B", f"{mapping[t]}A")
    return {h.nodes[x]["id"] for edge in edge_cut for x in edge} - {s, t}


def pair_entry(g, weighted, s, t):
    entry = {"s": s, "t": t, "adjacent": adjacent(g, s, t)}
    edge_cut = nx.minimum_edge_cut(g, s, t)
    entry["edge_cut_size"] = len(edge_cut)
    entry["edge_cut"] = sorted([int(u), int(v)] for u, v in edge_cut)
    node_cut = nx.minimum_node_cut(g, s, t)
    entry["networkx_node_cut"] = sorted(int(v) for v in node_cut)
    if entry["adjacent"]:
        # No node cut exists. NetworkX 3.x returns the empty set here (minimum_st_node_cut: "if
        # G.has_edge(s, t) or G.has_edge(t, s): return set()"); older versions raised NetworkXError.
        entry["node_cut_exists"] = False
        assert not node_cut
    elif g.has_edge(t, s):
        # Digraph with t -> s only: NetworkX also returns the empty set, though s -> t paths may need cutting.
        entry["node_cut_exists"] = True
        entry["networkx_shortcut_reverse_edge"] = True
        assert not node_cut
        cut = st_node_cut_unshortcut(g, s, t)
        entry["node_cut_size"] = len(cut)
        entry["node_cut"] = sorted(int(v) for v in cut)
    else:
        entry["node_cut_exists"] = True
        entry["node_cut_size"] = len(node_cut)
        entry["node_cut"] = entry["networkx_node_cut"]
        assert len(st_node_cut_unshortcut(g, s, t)) == len(node_cut)
    if weighted:
        entry["max_flow"] = float(nx.maximum_flow_value(g, s, t, capacity="weight"))
    return entry


def set_entry(g, sources, targets):
    h = nx.DiGraph()
    h.add_nodes_from(g.nodes())
    for u, v in g.edges():
        if u == v:
            continue
        h.add_edge(u, v, capacity=1)
        if not g.is_directed():
            h.add_edge(v, u, capacity=1)
    for s in sources:
        h.add_edge("S", s)  # no capacity attribute: infinite
    for t in targets:
        h.add_edge(t, "T")
    value, _ = nx.minimum_cut(h, "S", "T")
    return {"sources": sources, "targets": targets, "edge_cut_size": int(value)}


def main():
    out = os.path.join(HERE, "expected", "cuts")
    os.makedirs(out, exist_ok=True)
    for name, _, _ in reference_graphs.named_graphs():
        g, weighted = load(name)
        rng = random.Random(f"{SEED}-{name}")
        doc = {"networkx": nx.__version__, "name": name, "directed": g.is_directed(), "weighted": weighted,
               "pairs": [pair_entry(g, weighted, s, t) for s, t in choose_pairs(g, rng)], "set_pairs": []}
        nodes = list(g.nodes())
        for _ in range(SET_PAIRS):
            k = min(3, len(nodes) // 2)
            picked = rng.sample(nodes, 2 * k)
            doc["set_pairs"].append(set_entry(g, sorted(picked[:k]), sorted(picked[k:])))
        with open(os.path.join(out, name + ".json"), "w") as f:
            json.dump(doc, f, indent=1)
            f.write("\n")
    print("networkx", nx.__version__)


if __name__ == "__main__":
    main()
