"""The named test graphs shared by every reference script (NetworkX computes the expected values).

Each graph is written to Tests/Fixtures/graphs/<name>.json as
  {"name", "directed", "weighted", "nodes": [ids in index order], "edges": [[u, v, w], ...]}
with u, v node indices and edges in the order they were added (parallel edges repeated: the last weight
wins, as in NetworkX's add_edge). Run: python3 Tests/Fixtures/reference_graphs.py
"""
import json, os, random
import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))


def _weighted_graph():
    # A small weighted undirected graph with ties in shortest paths and distinct weights.
    g = nx.Graph()
    edges = [("a", "b", 1.0), ("a", "c", 4.0), ("b", "c", 2.0), ("b", "d", 5.0), ("c", "d", 1.0),
             ("c", "e", 3.0), ("d", "e", 1.0), ("d", "f", 2.5), ("e", "f", 0.5), ("f", "g", 1.5),
             ("e", "g", 2.0), ("a", "h", 7.0), ("h", "g", 1.0)]
    g.add_weighted_edges_from(edges)
    return g, edges


def named_graphs():
    """Yields (name, graph, ordered edge list with weights or None)."""
    karate = nx.karate_club_graph()  # carries 'weight' attributes in NetworkX 3.x
    yield "karate", karate, [(u, v, d.get("weight", 1.0)) for u, v, d in karate.edges(data=True)]
    flor = nx.florentine_families_graph()
    yield "florentine", flor, [(u, v, 1.0) for u, v in flor.edges()]
    g, edges = _weighted_graph()
    yield "weighted", g, edges
    # Directed graph with cycles, weights.
    d = nx.DiGraph()
    dedges = [(0, 1, 1.0), (1, 2, 2.0), (2, 0, 1.5), (2, 3, 1.0), (3, 4, 3.0), (4, 5, 1.0), (5, 3, 2.0),
              (1, 4, 4.0), (5, 6, 1.0), (6, 7, 2.0), (7, 6, 0.5), (0, 7, 9.0), (8, 0, 1.0)]
    d.add_weighted_edges_from(dedges)
    yield "directed_cycles", d, dedges
    # A random directed graph with cycles (seeded).
    rnd = nx.gnp_random_graph(40, 0.08, seed=7, directed=True)
    r = random.Random(11)
    redges = [(u, v, round(r.uniform(0.5, 3.0), 3)) for u, v in rnd.edges()]
    rg = nx.DiGraph(); rg.add_nodes_from(range(40)); rg.add_weighted_edges_from(redges)
    yield "directed_random", rg, redges
    # A DAG (a dependency tree with shared leaves).
    dag = nx.DiGraph()
    dagedges = [("app", "lib1", 1.0), ("app", "lib2", 1.0), ("lib1", "core", 1.0), ("lib2", "core", 2.0),
                ("lib2", "util", 1.0), ("core", "libc", 1.0), ("util", "libc", 1.0), ("tool", "util", 1.0),
                ("tool", "lib2", 3.0)]
    dag.add_weighted_edges_from(dagedges)
    yield "dag", dag, dagedges
    # A disconnected undirected graph with isolated nodes.
    disc = nx.Graph()
    disc.add_nodes_from(range(12))
    discedges = [(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0), (2, 3, 1.0), (4, 5, 2.0), (5, 6, 1.0), (6, 7, 1.0),
                 (7, 4, 1.0), (8, 9, 1.0)]
    disc.add_weighted_edges_from(discedges)
    yield "disconnected", disc, discedges  # nodes 10, 11 isolated
    # Directed graph with isolated nodes, self-loops and parallel edges (the last weight wins).
    sl = nx.DiGraph()
    sl.add_nodes_from(range(8))
    sledges = [(0, 1, 1.0), (1, 1, 2.0), (1, 2, 1.0), (0, 1, 3.0), (2, 3, 1.0), (3, 0, 2.0), (3, 3, 1.0),
               (2, 4, 1.0), (4, 2, 2.0), (1, 2, 0.5)]  # nodes 5, 6, 7 isolated; parallel 0->1, 1->2
    for u, v, w in sledges:
        sl.add_edge(u, v, weight=w)
    yield "selfloops_directed", sl, sledges
    # Undirected graph with self-loops and parallel edges.
    su = nx.Graph()
    su.add_nodes_from(range(7))
    suedges = [(0, 1, 1.0), (1, 2, 2.0), (2, 2, 1.0), (2, 3, 1.0), (1, 0, 4.0), (3, 4, 1.0), (4, 1, 2.0),
               (0, 0, 3.0)]  # node 5, 6 isolated; parallel 0-1
    for u, v, w in suedges:
        su.add_edge(u, v, weight=w)
    yield "selfloops_undirected", su, suedges


def export(name, g, edges):
    nodes = list(g.nodes())
    index = {n: i for i, n in enumerate(nodes)}
    weighted = any(w != 1.0 for _, _, w in edges)
    doc = {"name": name, "directed": g.is_directed(), "weighted": weighted,
           "nodes": [str(n) for n in nodes],
           "edges": [[index[u], index[v], float(w)] for u, v, w in edges]}
    return doc


if __name__ == "__main__":
    out = os.path.join(HERE, "graphs")
    os.makedirs(out, exist_ok=True)
    for name, g, edges in named_graphs():
        with open(os.path.join(out, name + ".json"), "w") as f:
            json.dump(export(name, g, edges), f, indent=1)
            f.write("\n")
    print("networkx", nx.__version__)
