import EcoGraphKernel
import EcoGraphTestSupport
import Foundation
import Testing

/// Shared by the shortest-path centrality tests (betweenness, closeness, harmonic).
enum PathTestSupport {
    static let tolerance = 1e-9

    /// `Tests/Fixtures/expected/paths/<graph>.json`, written by `reference_paths.py`.
    static func expected(_ graph: String) throws -> [String: Any] {
        let values = try expectedValues(family: "paths", graph: graph)
        #expect((values["networkx"] as? String)?.hasPrefix("3.") == true)
        return values
    }

    /// The value at a path of keys in nested JSON objects.
    static func value(_ object: [String: Any], _ keys: String...) -> Any? {
        var current: Any? = object
        for key in keys { current = (current as? [String: Any])?[key] }
        return current
    }

    static func doubles(_ object: [String: Any], _ keys: String...) -> [Double] {
        var current: Any? = object
        for key in keys { current = (current as? [String: Any])?[key] }
        let list = current as? [Any]
        #expect(list != nil, "missing \(keys)")
        return (list ?? []).map { ($0 as! NSNumber).doubleValue }
    }

    /// Edge values `[[u, v, value], ...]` from a fixture, placed by edge id of `graph`.
    static func edgeValues(_ object: [String: Any], _ keys: [String], graph: CSRGraph) -> [Double] {
        var current: Any? = object
        for key in keys { current = (current as? [String: Any])?[key] }
        let rows = (current as? [[Any]]) ?? []
        #expect(rows.count == graph.edgeCount, "\(keys): \(rows.count) edges, graph has \(graph.edgeCount)")
        var values = [Double](repeating: .nan, count: graph.edgeCount)
        for row in rows {
            let u = Int((row[0] as! NSNumber).doubleValue), v = Int((row[1] as! NSNumber).doubleValue)
            let x = (row[2] as! NSNumber).doubleValue
            guard let edge = edgeID(graph, u, v) else {
                Issue.record("\(keys): edge \(u) \(v) is not in the graph")
                continue
            }
            values[edge] = x
        }
        return values
    }

    /// The id of edge `u -> v` (either way round when undirected).
    static func edgeID(_ graph: CSRGraph, _ u: Int, _ v: Int) -> Int? {
        for arc in graph.outArcs(u) where Int(graph.outTargets[arc]) == v { return Int(graph.outEdges[arc]) }
        return nil
    }

    /// A random graph on `n` nodes with about `edges` edges (self-loops and repeated pairs included, the
    /// builder merges those), integer weights in `1 ... maxWeight` when `maxWeight > 0`.
    static func randomGraph(
        nodes n: Int, edges: Int, directed: Bool, maxWeight: Int = 0, seed: UInt64
    ) -> CSRGraph {
        var random = SeededGenerator(seed: seed)
        var builder = CSRGraphBuilder(nodeCount: n, isDirected: directed)
        for _ in 0 ..< edges {
            let u = Int.random(in: 0 ..< n, using: &random), v = Int.random(in: 0 ..< n, using: &random)
            let w: Double? = maxWeight > 0 ? Double(Int.random(in: 1 ... maxWeight, using: &random)) : nil
            try! builder.addEdge(u, v, weight: w)
        }
        return builder.build()
    }

    /// The graph with node `v` renamed `permutation[v]`, edges added in a shuffled order.
    static func relabel(_ graph: CSRGraph, _ permutation: [Int], seed: UInt64) -> CSRGraph {
        var random = SeededGenerator(seed: seed)
        var builder = CSRGraphBuilder(nodeCount: graph.nodeCount, isDirected: graph.isDirected)
        for e in (0 ..< graph.edgeCount).shuffled(using: &random) {
            try! builder.addEdge(
                permutation[Int(graph.edgeSources[e])], permutation[Int(graph.edgeTargets[e])],
                weight: graph.weights?[e])
        }
        return builder.build()
    }

    static func permutation(_ n: Int, seed: UInt64) -> [Int] {
        var random = SeededGenerator(seed: seed)
        return Array(0 ..< n).shuffled(using: &random)
    }

    /// The same edges, every weight 1, marked weighted.
    static func allOnes(_ graph: CSRGraph) -> CSRGraph {
        var builder = CSRGraphBuilder(nodeCount: graph.nodeCount, isDirected: graph.isDirected)
        for e in 0 ..< graph.edgeCount {
            try! builder.addEdge(Int(graph.edgeSources[e]), Int(graph.edgeTargets[e]), weight: 1)
        }
        let result = builder.build()
        #expect(result.weights != nil)
        return result
    }

    /// Generated graphs for the metamorphic checks: directed and undirected, sparse and dense, with
    /// isolated nodes, self-loops and parallel edges, integer weights 1 ... 4.
    static func generated() -> [(String, CSRGraph)] {
        var graphs: [(String, CSRGraph)] = []
        for (i, (n, m)) in [(1, 1), (2, 1), (12, 10), (30, 60), (60, 150)].enumerated() {
            for directed in [false, true] {
                graphs.append(("n\(n) m\(m) \(directed ? "directed" : "undirected")",
                               randomGraph(nodes: n, edges: m, directed: directed, maxWeight: 4,
                                           seed: UInt64(100 + 2 * i + (directed ? 1 : 0)))))
            }
        }
        return graphs
    }

    /// All-pairs shortest distances (Floyd–Warshall; weights or 1) and path counts `sigma[s][t]`
    /// (counted per source over nodes in order of distance: weights must be positive).
    static func allPairs(_ graph: CSRGraph, weighted: Bool) -> (distance: [[Double]], sigma: [[Double]]) {
        let n = graph.nodeCount
        var length = [[Double]](repeating: [Double](repeating: .infinity, count: n), count: n)
        for u in 0 ..< n {
            for arc in graph.outArcs(u) {
                let v = Int(graph.outTargets[arc])
                let w = weighted ? graph.weight(ofEdge: Int(graph.outEdges[arc])) : 1
                if u != v { length[u][v] = min(length[u][v], w) }
            }
        }
        var distance = length
        for v in 0 ..< n { distance[v][v] = 0 }
        for k in 0 ..< n {
            for i in 0 ..< n where distance[i][k] < .infinity {
                for j in 0 ..< n where distance[i][k] + distance[k][j] < distance[i][j] {
                    distance[i][j] = distance[i][k] + distance[k][j]
                }
            }
        }
        var sigma = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for s in 0 ..< n {
            sigma[s][s] = 1
            for v in (0 ..< n).filter({ distance[s][$0] < .infinity && $0 != s }).sorted(by: { distance[s][$0] < distance[s][$1] }) {
                for u in 0 ..< n where length[u][v] < .infinity && distance[s][u] + length[u][v] == distance[s][v] {
                    sigma[s][v] += sigma[s][u]
                }
            }
        }
        return (distance, sigma)
    }
}

@Suite("Betweenness")
struct BetweennessTests {
    typealias Support = PathTestSupport

    // MARK: Reference values (NetworkX)

    @Test("node betweenness equals NetworkX", arguments: ReferenceGraph.names)
    func nodeReference(name: String) throws {
        let expected = try Support.expected(name)
        let reference = try ReferenceGraph(name)
        for weighted in [false, true] {
            let graph = try reference.graph(weighted: weighted)
            let kind = weighted ? "weighted" : "unweighted"
            for (key, normalized, endpoints) in [
                ("normalized", true, false), ("raw", false, false),
                ("endpoints", true, true), ("endpoints_raw", false, true),
            ] {
                let actual = try graph.betweennessCentrality(
                    weighted: weighted, normalized: normalized, endpoints: endpoints)
                expectClose(actual, Support.doubles(expected, "betweenness", kind, key),
                            tolerance: Support.tolerance, "\(name) \(kind) \(key)")
            }
        }
    }

    @Test("edge betweenness equals NetworkX", arguments: ReferenceGraph.names)
    func edgeReference(name: String) throws {
        let expected = try Support.expected(name)
        let reference = try ReferenceGraph(name)
        for weighted in [false, true] {
            let graph = try reference.graph(weighted: weighted)
            let kind = weighted ? "weighted" : "unweighted"
            for (key, normalized) in [("normalized", true), ("raw", false)] {
                let actual = try graph.edgeBetweennessCentrality(weighted: weighted, normalized: normalized)
                let want = Support.edgeValues(expected, ["edge_betweenness", kind, key], graph: graph)
                expectClose(actual, want, tolerance: Support.tolerance, "\(name) edges \(kind) \(key)")
            }
        }
    }

    @Test("k-sampled betweenness equals NetworkX with the same sources", arguments: ReferenceGraph.names)
    func sampledReference(name: String) throws {
        let expected = try Support.expected(name)
        let reference = try ReferenceGraph(name)
        let sources = (Support.value(expected, "sampled", "sources") as! [Any]).map { Int(($0 as! NSNumber).intValue) }
        let k = (Support.value(expected, "sampled", "k") as! NSNumber).intValue
        #expect(sources.count == k && k < reference.nodes.count)
        for weighted in [false, true] {
            let graph = try reference.graph(weighted: weighted)
            let kind = weighted ? "weighted" : "unweighted"
            for (key, normalized, endpoints) in [
                ("normalized", true, false), ("raw", false, false),
                ("endpoints", true, true), ("endpoints_raw", false, true),
            ] {
                let actual = try graph.betweennessCentrality(
                    weighted: weighted, normalized: normalized, endpoints: endpoints, sources: .explicit(sources))
                expectClose(actual, Support.doubles(expected, "sampled", "betweenness", kind, key),
                            tolerance: Support.tolerance, "\(name) sampled \(kind) \(key)")
            }
            for (key, normalized) in [("normalized", true), ("raw", false)] {
                let actual = try graph.edgeBetweennessCentrality(
                    weighted: weighted, normalized: normalized, sources: .explicit(sources))
                let want = Support.edgeValues(expected, ["sampled", "edge_betweenness", kind, key], graph: graph)
                expectClose(actual, want, tolerance: Support.tolerance, "\(name) sampled edges \(kind) \(key)")
            }
        }
    }

    @Test("NetworkX's worked examples on the path 0 - 1 - 2")
    func workedExamples() throws {
        var builder = CSRGraphBuilder(nodeCount: 3, isDirected: false)
        try builder.addEdge(0, 1)
        try builder.addEdge(1, 2)
        let path = builder.build()
        #expect(try path.betweennessCentrality() == [0, 1, 0])
        #expect(try path.betweennessCentrality(normalized: false) == [0, 1, 0])
        #expect(try path.betweennessCentrality(normalized: false, endpoints: true) == [2, 3, 2])
        expectClose(try path.betweennessCentrality(endpoints: true), [2.0 / 3, 1, 2.0 / 3], tolerance: 1e-15)
        #expect(try path.edgeBetweennessCentrality(normalized: false) == [2, 2])
        expectClose(try path.edgeBetweennessCentrality(), [2.0 / 3, 2.0 / 3], tolerance: 1e-15)
        // Sources 0 and 2 (NetworkX's example with k = 2, seed = 3): 2.25, 3, 2.25 with endpoints, raw.
        #expect(try path.betweennessCentrality(normalized: false, endpoints: true, sources: .explicit([0, 2])) == [2.25, 3, 2.25])
        #expect(try path.edgeBetweennessCentrality(normalized: false, sources: .explicit([0, 2])) == [2.25, 2.25])
        // The directed 3-path.
        var directed = CSRGraphBuilder(nodeCount: 3, isDirected: true)
        try directed.addEdge(0, 1)
        try directed.addEdge(1, 2)
        let arrow = directed.build()
        #expect(try arrow.betweennessCentrality(normalized: false) == [0, 1, 0])
        #expect(try arrow.betweennessCentrality(normalized: false, endpoints: true) == [2, 3, 2])
        expectClose(try arrow.betweennessCentrality(endpoints: true), [1.0 / 3, 0.5, 1.0 / 3], tolerance: 1e-15)
        #expect(try arrow.betweennessCentrality() == [0, 0.5, 0])
    }

    @Test("empty, single-node and edgeless graphs")
    func degenerate() throws {
        let empty = CSRGraphBuilder(nodeCount: 0, isDirected: false).build()
        #expect(try empty.betweennessCentrality() == [])
        #expect(try empty.edgeBetweennessCentrality() == [])
        let one = CSRGraphBuilder(nodeCount: 1, isDirected: true).build()
        #expect(try one.betweennessCentrality(endpoints: true) == [0])
        let isolated = CSRGraphBuilder(nodeCount: 5, isDirected: false).build()
        #expect(try isolated.betweennessCentrality(weighted: true) == [0, 0, 0, 0, 0])
    }

    // MARK: Weights

    @Test("a negative weight throws when weights are distances, and is ignored otherwise")
    func negativeWeight() throws {
        var builder = CSRGraphBuilder(nodeCount: 3, isDirected: true)
        try builder.addEdge(0, 1, weight: 1)
        try builder.addEdge(1, 2, weight: -2)
        let graph = builder.build()
        #expect(throws: CSRGraphError.negativeWeight(source: 1, target: 2, weight: -2)) {
            try graph.betweennessCentrality(weighted: true)
        }
        #expect(throws: CSRGraphError.negativeWeight(source: 1, target: 2, weight: -2)) {
            try graph.edgeBetweennessCentrality(weighted: true)
        }
        #expect(try graph.betweennessCentrality(normalized: false) == [0, 1, 0])
    }

    @Test("an explicit source outside the graph throws")
    func sourceOutOfRange() {
        let graph = Support.randomGraph(nodes: 5, edges: 6, directed: false, seed: 1)
        #expect(throws: CSRGraphError.nodeOutOfRange(node: 5, nodeCount: 5)) {
            try graph.betweennessCentrality(sources: .explicit([0, 5]))
        }
    }

    @Test("all-ones weights equal unweighted")
    func allOnesWeights() throws {
        var graphs = Support.generated()
        for name in ReferenceGraph.names { graphs.append((name, try ReferenceGraph(name).graph(weighted: false))) }
        for (name, graph) in graphs {
            let ones = Support.allOnes(graph)
            for endpoints in [false, true] {
                expectClose(try ones.betweennessCentrality(weighted: true, endpoints: endpoints),
                            try graph.betweennessCentrality(endpoints: endpoints), tolerance: 1e-12, name)
            }
            expectClose(try ones.edgeBetweennessCentrality(weighted: true),
                        try graph.edgeBetweennessCentrality(), tolerance: 1e-12, "\(name) edges")
            // `weighted: false` ignores weights; `weighted: true` without weights is unweighted.
            #expect(try ones.betweennessCentrality(weighted: false) == graph.betweennessCentrality())
            #expect(try graph.unweighted.betweennessCentrality(weighted: true) == graph.betweennessCentrality())
        }
    }

    @Test("weights change the result (the weighted path really uses them)")
    func weightsMatter() throws {
        let graph = try ReferenceGraph("weighted").graph(weighted: true)
        #expect(try graph.betweennessCentrality(weighted: true) != graph.betweennessCentrality(weighted: false))
    }

    @Test("zero weights are allowed")
    func zeroWeights() throws {
        // 0 -(0)- 1 -(1)- 2: the zero-length edge makes 0 and 1 equally far from 2.
        var builder = CSRGraphBuilder(nodeCount: 3, isDirected: true)
        try builder.addEdge(0, 1, weight: 0)
        try builder.addEdge(1, 2, weight: 1)
        let graph = builder.build()
        // NetworkX: betweenness_centrality(G, weight="weight", normalized=False) == {0: 0, 1: 1, 2: 0}.
        #expect(try graph.betweennessCentrality(weighted: true, normalized: false) == [0, 1, 0])
        #expect(try graph.edgeBetweennessCentrality(weighted: true, normalized: false) == [2, 2])
    }

    @Test("zero-weight ties, self-loops and cycles follow NetworkX's algorithm step by step")
    func zeroWeightTies() throws {
        // NetworkX 3.6.1 on this graph with edges added in this (sorted) order, normalized=False. Its
        // zero-weight results depend on adjacency order (the reversed insertion order gives other values);
        // the kernel scans neighbours by index, which is NetworkX's order for sorted insertion.
        let edges: [(Int, Int, Double)] = [(0, 1, 1), (0, 2, 1), (1, 1, 0), (1, 2, 0), (1, 3, 1), (2, 3, 1), (3, 4, 0)]
        let expected: [Bool: (nodes: [Double], edges: [Double])] = [
            false: ([0, 12.475, 1.0729166666666665, 3.6208333333333336, 0],
                    [1.6625, 1.1770833333333335, 10.404166666666667, 14.231250000000003, 2.0520833333333335,
                     1.4395833333333334, 10.922916666666667]),
            true: ([0, 5.533333333333333, 2.2, 3.0, 0],
                   [1.6333333333333333, 0.7333333333333334, 7.266666666666667, 3.466666666666667, 1.8, 4.2, 4.0]),
        ]
        for directed in [false, true] {
            var builder = CSRGraphBuilder(nodeCount: 5, isDirected: directed)
            for (u, v, w) in edges { try builder.addEdge(u, v, weight: w) }
            let graph = builder.build()
            #expect(graph.edgeCount == edges.count)
            let want = expected[directed]!
            expectClose(try graph.betweennessCentrality(weighted: true, normalized: false), want.nodes,
                        tolerance: Support.tolerance, "directed \(directed)")
            // Edge ids follow (source, target) order, which is the order above.
            expectClose(try graph.edgeBetweennessCentrality(weighted: true, normalized: false), want.edges,
                        tolerance: Support.tolerance, "directed \(directed) edges")
        }
    }

    // MARK: Metamorphic checks

    @Test("parallel equals serial bit for bit")
    func parallelEqualsSerial() throws {
        var graphs = Support.generated()
        graphs.append(("karate", try ReferenceGraph("karate").graph(weighted: true)))
        graphs.append(("directed_random", try ReferenceGraph("directed_random").graph(weighted: true)))
        for (name, graph) in graphs {
            for weighted in [false, true] {
                for endpoints in [false, true] {
                    let p = try graph.betweennessCentrality(weighted: weighted, endpoints: endpoints, parallel: true)
                    let s = try graph.betweennessCentrality(weighted: weighted, endpoints: endpoints, parallel: false)
                    #expect(p == s, "\(name) weighted \(weighted) endpoints \(endpoints)")
                }
                let sample = BetweennessSources.sample(count: max(1, graph.nodeCount / 2), seed: 9)
                #expect(try graph.betweennessCentrality(weighted: weighted, sources: sample, parallel: true)
                        == graph.betweennessCentrality(weighted: weighted, sources: sample, parallel: false), "\(name)")
                #expect(try graph.edgeBetweennessCentrality(weighted: weighted, parallel: true)
                        == graph.edgeBetweennessCentrality(weighted: weighted, parallel: false), "\(name) edges")
            }
        }
    }

    @Test("relabelling the nodes permutes the scores")
    func relabelling() throws {
        var graphs = Support.generated()
        for name in ["karate", "directed_cycles", "selfloops_directed", "disconnected"] {
            graphs.append((name, try ReferenceGraph(name).graph(weighted: true)))
        }
        for (i, (name, graph)) in graphs.enumerated() {
            let permutation = Support.permutation(graph.nodeCount, seed: UInt64(i))
            let relabelled = Support.relabel(graph, permutation, seed: UInt64(i))
            for weighted in [false, true] {
                let before = try graph.betweennessCentrality(weighted: weighted, endpoints: i % 2 == 0)
                let after = try relabelled.betweennessCentrality(weighted: weighted, endpoints: i % 2 == 0)
                expectClose(permutation.map { after[$0] }, before, tolerance: 1e-12, "\(name) weighted \(weighted)")
                let edgesBefore = try graph.edgeBetweennessCentrality(weighted: weighted)
                let edgesAfter = try relabelled.edgeBetweennessCentrality(weighted: weighted)
                let moved = (0 ..< graph.edgeCount).map { e in
                    edgesAfter[Support.edgeID(relabelled, permutation[Int(graph.edgeSources[e])],
                                              permutation[Int(graph.edgeTargets[e])])!]
                }
                expectClose(moved, edgesBefore, tolerance: 1e-12, "\(name) edges weighted \(weighted)")
            }
        }
    }

    @Test("brute force over all pairs equals Brandes", arguments: [false, true])
    func bruteForce(weighted: Bool) throws {
        for seed in UInt64(0) ..< 12 {
            let directed = seed % 2 == 1
            let n = 4 + Int(seed % 6)
            let graph = Support.randomGraph(
                nodes: n, edges: 2 * n, directed: directed, maxWeight: weighted ? 3 : 0, seed: 1000 + seed)
            let (distance, sigma) = Support.allPairs(graph, weighted: weighted)
            var nodes = [Double](repeating: 0, count: n)
            var withEndpoints = [Double](repeating: 0, count: n)
            var edges = [Double](repeating: 0, count: graph.edgeCount)
            for s in 0 ..< n {
                for t in 0 ..< n where t != s && distance[s][t] < .infinity {
                    withEndpoints[s] += 1
                    withEndpoints[t] += 1
                    for v in 0 ..< n where v != s && v != t && distance[s][v] + distance[v][t] == distance[s][t] {
                        nodes[v] += sigma[s][v] * sigma[v][t] / sigma[s][t]
                        withEndpoints[v] += sigma[s][v] * sigma[v][t] / sigma[s][t]
                    }
                    for e in 0 ..< graph.edgeCount {
                        let a = Int(graph.edgeSources[e]), b = Int(graph.edgeTargets[e])
                        let w = weighted ? graph.weight(ofEdge: e) : 1
                        for (x, y) in (directed ? [(a, b)] : [(a, b), (b, a)]) where x != y
                            && distance[s][x] + w + distance[y][t] == distance[s][t] {
                            edges[e] += sigma[s][x] * sigma[y][t] / sigma[s][t]
                        }
                    }
                }
            }
            let scale = directed ? 1.0 : 0.5
            let context = "seed \(seed) n \(n) directed \(directed) weighted \(weighted)"
            expectClose(try graph.betweennessCentrality(weighted: weighted, normalized: false),
                        nodes.map { $0 * scale }, tolerance: 1e-12, context)
            expectClose(try graph.betweennessCentrality(weighted: weighted, normalized: false, endpoints: true),
                        withEndpoints.map { $0 * scale }, tolerance: 1e-12, "\(context) endpoints")
            expectClose(try graph.edgeBetweennessCentrality(weighted: weighted, normalized: false),
                        edges.map { $0 * scale }, tolerance: 1e-12, "\(context) edges")
            // Normalized: divided by (n-1)(n-2) ordered pairs (n(n-1) with endpoints, and for edges).
            if n > 2 {
                expectClose(try graph.betweennessCentrality(weighted: weighted),
                            nodes.map { $0 / Double((n - 1) * (n - 2)) }, tolerance: 1e-12, "\(context) normalized")
                expectClose(try graph.edgeBetweennessCentrality(weighted: weighted),
                            edges.map { $0 / Double(n * (n - 1)) }, tolerance: 1e-12, "\(context) normalized edges")
            }
        }
    }

    @Test("path counts are doubles: a 37 x 37 grid does not overflow")
    func largePathCounts() throws {
        let side = 37
        var builder = CSRGraphBuilder(nodeCount: side * side, isDirected: false)
        for r in 0 ..< side {
            for c in 0 ..< side {
                if c + 1 < side { try builder.addEdge(r * side + c, r * side + c + 1) }
                if r + 1 < side { try builder.addEdge(r * side + c, (r + 1) * side + c) }
            }
        }
        let grid = builder.build()
        let scores = try grid.betweennessCentrality(normalized: false, sources: .explicit([0]))
        // One sampled source without endpoints: NetworkX's rescaling gives the source NaN (0 / 0).
        #expect(scores[0].isNaN)
        #expect(scores.dropFirst().allSatisfy { $0.isFinite && $0 >= 0 })
        // Corner to corner: C(72, 36) ≈ 4.4e20 shortest paths, more than Int64 holds. Every node is on a
        // shortest path from the corner to the opposite corner; the centre's dependency is the largest
        // of its anti-diagonal.
        #expect(scores[side * side - 1] == 0)
        let centre = (side / 2) * side + side / 2
        #expect(scores[centre] > 0 && scores[centre] >= scores[(side / 2 - 1) * side + side / 2 + 1])
    }

    // MARK: Sampling

    @Test("seeded samples are deterministic, distinct and in range; k = n is exact")
    func sampling() throws {
        let a = try BetweennessSources.sample(count: 10, seed: 7).nodes(nodeCount: 50)
        let b = try BetweennessSources.sample(count: 10, seed: 7).nodes(nodeCount: 50)
        let c = try BetweennessSources.sample(count: 10, seed: 8).nodes(nodeCount: 50)
        #expect(a == b)
        #expect(a != c)
        #expect(Set(a).count == 10 && a.allSatisfy { (0 ..< 50).contains($0) })
        // Pinned (computed independently in Python from SplitMix64 + Lemire + partial Fisher-Yates): the
        // generator's output is part of the contract, the same sample on every platform.
        #expect(try BetweennessSources.sample(count: 4, seed: 1).nodes(nodeCount: 10) == [5, 7, 9, 6])
        let graph = try ReferenceGraph("karate").graph(weighted: false)
        let all = try graph.betweennessCentrality()
        let everyNode = try graph.betweennessCentrality(sources: .sample(count: graph.nodeCount, seed: 3))
        expectClose(everyNode, all, tolerance: 1e-12, "k = n")
        // A sample rescales by n / k: its mean over many seeds is close to the exact value (loose check).
        var mean = [Double](repeating: 0, count: graph.nodeCount)
        for seed in UInt64(0) ..< 40 {
            let estimate = try graph.betweennessCentrality(normalized: false, endpoints: true, sources: .sample(count: 17, seed: seed))
            for v in mean.indices { mean[v] += estimate[v] / 40 }
        }
        let exact = try graph.betweennessCentrality(normalized: false, endpoints: true)
        let top = exact.indices.max { exact[$0] < exact[$1] }!
        #expect(abs(mean[top] - exact[top]) < 0.15 * exact[top])
    }
}

@Suite struct BetweennessSourceErrorTests {
    @Test func badSourceListsAreErrorsNotTraps() throws {
        var builder = CSRGraphBuilder(nodeCount: 4, isDirected: true)
        for (u, v) in [(0, 1), (1, 2), (2, 3)] { try builder.addEdge(u, v) }
        let graph = builder.build()
        #expect(throws: CSRGraphError.invalidSources(reason: "node 1 is listed twice")) {
            try graph.betweennessCentrality(sources: .explicit([1, 2, 1]))
        }
        #expect(throws: CSRGraphError.invalidSources(reason: "no sources given")) {
            try graph.betweennessCentrality(sources: .explicit([]))
        }
        #expect(throws: CSRGraphError.invalidSources(reason: "a sample of 5 sources from 4 nodes (needs 1 ... 4)")) {
            try graph.edgeBetweennessCentrality(sources: .sample(count: 5, seed: 1))
        }
        #expect(throws: CSRGraphError.self) { try graph.betweennessCentrality(sources: .sample(count: 0, seed: 1)) }
        #expect(try graph.betweennessCentrality(sources: .sample(count: 4, seed: 9)) == graph.betweennessCentrality())
    }
}
