"""Writes the NetworkX-made generic fixtures: networkx.graphml and the table it should read as.

networkx.graphml is written by nx.write_graphml from a MultiDiGraph with Unicode ids, integer and float
weights, an edge kind, node labels and kinds, a self-loop and a parallel edge. networkx.expected.json records
what EcoGraphIO.GraphMLReader must read from it, in file order:
  {"networkx": version, "directed": bool, "nodes": [ids], "labels": [...], "kinds": [...],
   "edges": [[source id, target id, weight, kind], ...]}
Weights are written with repr(), so the reader must reproduce them bit for bit.
Run: python3 Tests/Fixtures/generic/make_generic_fixtures.py
"""
import json, os
import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))


def build():
    g = nx.MultiDiGraph()
    nodes = [
        ("pytorch", "PyTorch", "framework"),
        ("飞桨", "PaddlePaddle 飞桨", "framework"),
        ("اردو", "Urdu NLP", "library"),
        ("C#", "C# bindings", "library"),
        ("node with spaces", "Spaces", "tool"),
    ]
    for node_id, label, kind in nodes:
        g.add_node(node_id, label=label, kind=kind)
    edges = [
        ("飞桨", "pytorch", 0.1, "depends_on"),
        ("اردو", "飞桨", 2.5, "depends_on"),
        ("C#", "pytorch", 1e-3, "binds"),
        ("C#", "pytorch", 0.30000000000000004, "binds"),  # a parallel edge
        ("node with spaces", "node with spaces", 7.0, "self"),  # a self-loop
        ("pytorch", "اردو", 123456789.125, "depends_on"),
    ]
    for u, v, w, kind in edges:
        g.add_edge(u, v, weight=w, kind=kind)
    return g, nodes, edges


def main():
    g, nodes, edges = build()
    nx.write_graphml(g, os.path.join(HERE, "networkx.graphml"), encoding="utf-8", prettyprint=True)
    expected = {
        "networkx": nx.__version__,
        "directed": True,
        "nodes": [n for n, _, _ in nodes],
        "labels": [label for _, label, _ in nodes],
        "kinds": [kind for _, _, kind in nodes],
        # write_graphml emits edges grouped by source in NetworkX's adjacency order: record that order.
        "edges": [[u, v, repr(d["weight"]), d["kind"]] for u, v, d in g.edges(data=True)],
    }
    with open(os.path.join(HERE, "networkx.expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=1)
        f.write("\n")
    # Round trip through NetworkX's own reader, as a check on the fixture.
    back = nx.read_graphml(os.path.join(HERE, "networkx.graphml"))
    assert list(back.nodes) == expected["nodes"], list(back.nodes)
    print("wrote networkx.graphml with NetworkX", nx.__version__)


if __name__ == "__main__":
    main()
