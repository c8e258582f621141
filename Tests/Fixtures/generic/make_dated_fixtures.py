"""Writes the NetworkX side of the dated-GraphML interop fixtures.

1. dated-networkx.graphml: nx.write_graphml of a MultiDiGraph whose nodes and edges carry `since` and `until`
   as strings (dates of every precision, some open ends, an undated node and edge, a parallel edge) and
   `confidence` as a float on every node and edge, and dated-networkx.expected.json, what
   EcoGraphIO.GraphMLReader must read from it, in file order:
     {"networkx": version, "nodes": [[id, since|null, until|null, confidence|null], ...],
      "edges": [[source, target, since|null, until|null, confidence|null], ...]}
   (confidence written with repr(), so the reader must reproduce it bit for bit)
2. dated-interop.networkx.json: what NetworkX's read_graphml reads from ../golden/dated-interop.graphml, the
   file `ecograph convert Tests/Fixtures/ecosystems/dated-interop.yaml -o ...` writes (the golden file
   DatedGraphMLTests checks the writer against), in the same shape: an independent reader of our dates.
Run: python3 Tests/Fixtures/generic/make_dated_fixtures.py
"""
import json, os
import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))


def dates(data):
    confidence = data.get("confidence")
    return [data.get("since"), data.get("until"), None if confidence is None else repr(float(confidence))]


def shape(g):
    return {
        "networkx": nx.__version__,
        "nodes": [[n] + dates(d) for n, d in g.nodes(data=True)],
        "edges": [[u, v] + dates(d) for u, v, d in g.edges(data=True)],
    }


def dump(value, name):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        json.dump(value, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main():
    g = nx.MultiDiGraph()
    g.add_node("lab", label="Lab", since="2019", confidence=1.0)
    g.add_node("模型", since="2024-06-15", until="2025-01", confidence=0.3)
    g.add_node("chip", confidence=0.1 + 0.2)
    g.add_node("old", until="2000", confidence=0.0)
    g.add_edge("lab", "模型", since="2024-06-15", confidence=0.95)
    g.add_edge("模型", "chip", until="2024-12-31", weight=2.0, confidence=1.0)
    g.add_edge("模型", "chip", since="2024-07", until="2024-08", confidence=0.5)  # a parallel edge with its own dates
    g.add_edge("lab", "chip", confidence=1e-3)
    g.add_edge("old", "lab", since="1999-12", until="2000", confidence=0.25)
    nx.write_graphml(g, os.path.join(HERE, "dated-networkx.graphml"), encoding="utf-8", prettyprint=True)
    # write_graphml emits nodes and edges in NetworkX's order; read back to record the file's order.
    dump(shape(nx.read_graphml(os.path.join(HERE, "dated-networkx.graphml"), force_multigraph=True)), "dated-networkx.expected.json")

    ours = nx.read_graphml(os.path.join(HERE, "..", "golden", "dated-interop.graphml"), force_multigraph=True)
    dump(shape(ours), "dated-interop.networkx.json")
    print("wrote the dated fixtures with NetworkX", nx.__version__)


if __name__ == "__main__":
    main()
