"""Expected degree, spectral and core measures for the named test graphs, computed by NetworkX.

For each graph of reference_graphs.py this writes Tests/Fixtures/expected/spectral/<name>.json with values
by node index. Graphs are rebuilt from the exported Tests/Fixtures/graphs/<name>.json (nodes 0..n-1 in index
order, edges added in file order, so parallel edges keep the last weight) so that NetworkX and the Swift
kernel see exactly the same graph. Iterative measures run with tol=1e-14 and a large max_iter, so the
reference is converged far below the 1e-8 the tests compare at. Where NetworkX raises, the entry is
{"error": <exception class>, "message": ...}.

Run: python3 Tests/Fixtures/reference_spectral.py
"""
import json, os, sys

import numpy as np
import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import reference_graphs  # noqa: E402

TOL = 1e-14
MAX_ITER = 20000


def load(name, weighted):
    with open(os.path.join(HERE, "graphs", name + ".json")) as f:
        doc = json.load(f)
    g = nx.DiGraph() if doc["directed"] else nx.Graph()
    g.add_nodes_from(range(len(doc["nodes"])))
    for u, v, w in doc["edges"]:
        if weighted:
            g.add_edge(u, v, weight=w)
        else:
            g.add_edge(u, v)
    return g


def by_index(g, values):
    return [float(values[v]) for v in range(len(g))]


def attempt(fn):
    try:
        return fn()
    except (nx.NetworkXException, ZeroDivisionError) as err:
        return {"error": type(err).__name__, "message": str(err)}


def spectral_radius(g, weight):
    if len(g) == 0:
        return 0.0
    a = nx.to_numpy_array(g, nodelist=range(len(g)), weight=weight)
    return float(max(abs(np.linalg.eigvals(a))))


def hits_reference(g):
    """nx.hits (scipy svds from the uniform start vector), checked against a power iteration on A^T A.

    When the largest singular value of A is repeated, hubs and authorities are not unique and nx.hits
    returns whatever ARPACK lands on (here sums near 0 blow the normalisation up). The entry then holds the
    limit of the power iteration from the uniform vector (what NetworkX's own `_hits_python` computes) and
    "ambiguous": true, with NetworkX's numbers kept under "networkx_hubs" / "networkx_authorities".
    """
    n = len(g)
    nstart = {v: 1.0 / n for v in range(n)}
    hubs, auths = nx.hits(g, max_iter=MAX_ITER, tol=1e-12, nstart=nstart)
    h, a = by_index(g, hubs), by_index(g, auths)
    A = nx.to_numpy_array(g, nodelist=range(n))  # weights as nx.hits reads them ("weight", default 1)
    x = np.full(n, 1.0)
    for _ in range(MAX_ITER):
        y = A.T @ (A @ x)
        y /= y.max()
        done = np.abs(y - x).sum() < 1e-15
        x = y
        if done:
            break
    power_a = x / x.sum()
    power_h = A @ power_a
    power_h = power_h / power_h.sum()
    s = np.sqrt(np.clip(np.sort(np.linalg.eigvalsh(A.T @ A))[::-1], 0, None))
    gap = float(s[1] / s[0]) if len(s) > 1 and s[0] > 0 else 0.0
    difference = float(max(np.max(np.abs(power_a - a)), np.max(np.abs(power_h - h))))
    doc = {"sigma2_over_sigma1": gap, "power_iteration_max_difference": difference}
    if gap > 1 - 1e-9:
        doc.update({"hubs": power_h.tolist(), "authorities": power_a.tolist(), "ambiguous": True,
                    "networkx_hubs": h, "networkx_authorities": a})
    else:
        doc.update({"hubs": h, "authorities": a, "ambiguous": False})
    return doc


def compute(name):
    g = load(name, weighted=True)
    gu = load(name, weighted=False)
    n = len(g)
    out = {"networkx": nx.__version__, "graph": name, "directed": g.is_directed(), "nodes": n}

    out["degree_centrality"] = by_index(g, nx.degree_centrality(g))
    out["in_degree_centrality"] = attempt(lambda: by_index(g, nx.in_degree_centrality(g)))
    out["out_degree_centrality"] = attempt(lambda: by_index(g, nx.out_degree_centrality(g)))

    # PageRank (NetworkX 3.x: scipy implementation).
    pr = lambda graph, **kw: by_index(graph, nx.pagerank(graph, tol=TOL, max_iter=MAX_ITER, **kw))
    personalization = [float(v % 3) for v in range(n)]  # zeros included: those nodes get no teleport
    dangling = [1.0 if v % 2 == 0 else 0.0 for v in range(n)]
    out["pagerank"] = pr(g, weight=None)
    out["pagerank_weighted"] = pr(g, weight="weight")
    out["pagerank_personalization"] = personalization
    out["pagerank_personalized"] = pr(g, weight=None, personalization=dict(enumerate(personalization)))
    out["pagerank_dangling"] = dangling
    out["pagerank_personalized_dangling"] = pr(
        g, weight=None, personalization=dict(enumerate(personalization)), dangling=dict(enumerate(dangling)))
    out["pagerank_alpha_0.5"] = pr(g, weight=None, alpha=0.5)
    out["pagerank_alpha_0.5_weighted"] = pr(g, weight="weight", alpha=0.5)

    # Eigenvector centrality (power iteration on A + I over in-edges).
    ev = lambda weight: attempt(lambda: by_index(
        g, nx.eigenvector_centrality(g, max_iter=MAX_ITER, tol=TOL, weight=weight)))
    out["eigenvector"] = ev(None)
    out["eigenvector_weighted"] = ev("weight")

    # Katz centrality: alpha 0.1 where the series converges, and alpha = half the bound 1/lambda_max.
    for suffix, weight in (("", None), ("_weighted", "weight")):
        rho = spectral_radius(g, weight)
        out["spectral_radius" + suffix] = rho
        other = 0.5 / rho if rho > 0 else 0.5
        out["katz_other_alpha" + suffix] = other
        katz = lambda alpha, **kw: by_index(g, nx.katz_centrality(
            g, alpha=alpha, max_iter=MAX_ITER, tol=TOL, weight=weight, **kw))
        if 0.1 * rho < 1:
            out["katz" + suffix] = attempt(lambda: katz(0.1))
            out["katz_unnormalized" + suffix] = attempt(lambda: katz(0.1, normalized=False))
            beta = {v: 1.0 + 0.5 * (v % 4) for v in range(n)}
            out["katz_beta"] = [beta[v] for v in range(n)]
            out["katz_per_node_beta" + suffix] = attempt(lambda: katz(0.1, beta=beta))
        else:
            msg = f"alpha 0.1 >= 1/lambda_max = {1 / rho}: the series diverges"
            out["katz" + suffix] = {"error": "Diverges", "message": msg, "bound": 1 / rho}
        out["katz_other" + suffix] = attempt(lambda: katz(other))

    out["hits"] = hits_reference(g)  # nx.hits always reads the "weight" attribute
    out["hits_unweighted"] = hits_reference(gu)

    out["core_number"] = attempt(lambda: by_index(gu, nx.core_number(gu)))
    return out


if __name__ == "__main__":
    target = os.path.join(HERE, "expected", "spectral")
    os.makedirs(target, exist_ok=True)
    for name, _, _ in reference_graphs.named_graphs():
        doc = compute(name)
        with open(os.path.join(target, name + ".json"), "w") as f:
            json.dump(doc, f, indent=1)
            f.write("\n")
        errors = [k for k, v in doc.items() if isinstance(v, dict) and "error" in v]
        print(name, "rho", round(doc["spectral_radius"], 4), "rho_w", round(doc["spectral_radius_weighted"], 4),
              "hits gap", round(doc["hits"]["sigma2_over_sigma1"], 4),
              round(doc["hits_unweighted"]["sigma2_over_sigma1"], 4),
              "power diff", doc["hits"]["power_iteration_max_difference"],
              doc["hits_unweighted"]["power_iteration_max_difference"],
              "errors", errors)
    print("networkx", nx.__version__)
