"""Expected dominance and connectivity values (NetworkX) for the named test graphs.

For each graph of reference_graphs.py, writes Tests/Fixtures/expected/dominance/<name>.json with node indices:
  networkx                 NetworkX's version
  immediate_dominators     directed graphs only: {"<root>": [idom by node]} from a few roots, the root's entry
                           being the root itself and an unreachable node's null (NetworkX 3.5+ leaves the root
                           out of its dict; older versions mapped it to itself)
  immediate_post_dominators  directed graphs only: the same on G.reverse() (post-dominators towards the root)
  articulation_points      sorted, on the undirected view (G.to_undirected() for a directed graph)
  bridges                  [[u, v], ...] with u < v, sorted, on the undirected view
  biconnected_components   [[nodes sorted], ...] sorted, on the undirected view
  strongly_connected_components  [[nodes sorted], ...] sorted (connected components when undirected)
  strong_articulation_points  directed only, brute force: nodes whose removal increases the SCC count
  strong_bridges           directed only, brute force: [[u, v], ...] edges whose removal increases the SCC count
  dependency_impact        directed only, brute force with every node a consumer:
                           {"impact": [...], "dependents": [...]} where impact[x] = sum over c != x of
                           |descendants(c) + c| - |same in G - x| and dependents[x] = #{c != x : c reaches x}
The graphs are rebuilt from the exported Tests/Fixtures/graphs/<name>.json (nodes in index order, edges added in
order) so NetworkX and the Swift tests see exactly the same graph. Run: python3 Tests/Fixtures/reference_dominance.py
"""
import json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import networkx as nx  # noqa: E402
import reference_graphs  # noqa: E402  (names the graphs; the ones it exported are read back below)


def load(name):
    with open(os.path.join(HERE, "graphs", name + ".json")) as f:
        doc = json.load(f)
    g = nx.DiGraph() if doc["directed"] else nx.Graph()
    g.add_nodes_from(range(len(doc["nodes"])))
    for u, v, w in doc["edges"]:
        g.add_edge(u, v, weight=w)
    return g


def roots_of(g):
    n = len(g)
    best = max(range(n), key=lambda v: (g.out_degree(v), -v))
    return sorted({0, n // 2, n - 1, best})


def idoms(g, root):
    d = nx.immediate_dominators(g, root)
    d[root] = root
    return [d.get(v) for v in range(len(g))]


def sorted_sets(sets):
    return sorted(sorted(s) for s in sets)


def scc_count(g):
    return nx.number_strongly_connected_components(g)


def strong_cuts(g):
    base = scc_count(g)
    points = []
    for x in g.nodes():
        h = g.copy()
        h.remove_node(x)
        if scc_count(h) > base:
            points.append(x)
    bridges = []
    for u, v in g.edges():
        h = g.copy()
        h.remove_edge(u, v)
        if scc_count(h) > base:
            bridges.append([u, v])
    return sorted(points), sorted(bridges)


def reach_size(g, c):
    return len(nx.descendants(g, c)) + 1


def dependency_impact(g):
    n = len(g)
    reach = {c: nx.descendants(g, c) for c in g}
    impact = [0] * n
    dependents = [0] * n
    for x in g:
        h = g.copy()
        h.remove_node(x)
        for c in g:
            if c == x or x not in reach[c]:
                continue
            dependents[x] += 1
            impact[x] += (len(reach[c]) + 1) - reach_size(h, c)
    return {"impact": impact, "dependents": dependents}


def expected(g):
    u = g.to_undirected() if g.is_directed() else g
    doc = {
        "networkx": nx.__version__,
        "articulation_points": sorted(nx.articulation_points(u)),
        "bridges": sorted(sorted(e) for e in nx.bridges(u)),
        "biconnected_components": sorted_sets(nx.biconnected_components(u)),
    }
    if g.is_directed():
        doc["immediate_dominators"] = {str(r): idoms(g, r) for r in roots_of(g)}
        doc["immediate_post_dominators"] = {str(r): idoms(g.reverse(copy=True), r) for r in roots_of(g)}
        doc["strongly_connected_components"] = sorted_sets(nx.strongly_connected_components(g))
        points, bridges = strong_cuts(g)
        doc["strong_articulation_points"] = points
        doc["strong_bridges"] = bridges
        doc["dependency_impact"] = dependency_impact(g)
    else:
        doc["strongly_connected_components"] = sorted_sets(nx.connected_components(g))
    return doc


if __name__ == "__main__":
    out = os.path.join(HERE, "expected", "dominance")
    os.makedirs(out, exist_ok=True)
    names = [name for name, _, _ in reference_graphs.named_graphs()]
    for name in names:
        doc = expected(load(name))
        with open(os.path.join(out, name + ".json"), "w") as f:
            json.dump(doc, f, indent=1, sort_keys=True)
            f.write("\n")
    print("networkx", nx.__version__, "wrote", len(names), "files to", out)
