@testable import EcoGraphKernel
import EcoGraphTestSupport
import Foundation
import Testing

@Suite struct PageRankTests {
    @Test(arguments: ReferenceGraph.names)
    func matchesNetworkX(name: String) throws {
        let reference = try ReferenceGraph(name)
        let weighted = try reference.graph(weighted: true)
        let expected = try SpectralFixture.expected(name)
        let value = { (key: String) throws -> [Double] in try #require(SpectralFixture.values(expected[key]), "\(key)") }
        let personalization = try value("pagerank_personalization")
        let dangling = try value("pagerank_dangling")

        expectClose(try weighted.pageRank(weighted: false), try value("pagerank"), tolerance: 1e-8, "\(name)")
        expectClose(try weighted.pageRank(), try value("pagerank_weighted"), tolerance: 1e-8, "\(name) weighted")
        expectClose(
            try weighted.pageRank(personalization: personalization, weighted: false),
            try value("pagerank_personalized"), tolerance: 1e-8, "\(name) personalized")
        expectClose(
            try weighted.pageRank(personalization: personalization, dangling: dangling, weighted: false),
            try value("pagerank_personalized_dangling"), tolerance: 1e-8, "\(name) dangling")
        expectClose(
            try weighted.pageRank(alpha: 0.5, weighted: false), try value("pagerank_alpha_0.5"), tolerance: 1e-8,
            "\(name) alpha 0.5")
        expectClose(
            try weighted.pageRank(alpha: 0.5), try value("pagerank_alpha_0.5_weighted"), tolerance: 1e-8,
            "\(name) alpha 0.5 weighted")
        let sum = try weighted.pageRank().reduce(0, +)
        expectClose(sum, 1, tolerance: 1e-12, "\(name) sums to 1")
    }

    @Test(arguments: ReferenceGraph.names)
    func allOnesWeightsEqualUnweighted(name: String) throws {
        let reference = try ReferenceGraph(name)
        let ones = try SpectralFixture.allOnes(reference)
        let plain = try reference.graph(weighted: false)
        #expect(ones.weights != nil)
        expectClose(try ones.pageRank(), try plain.pageRank(), tolerance: 1e-15, name)
    }

    @Test(arguments: ReferenceGraph.names)
    func relabellingPermutesScores(name: String) throws {
        let reference = try ReferenceGraph(name)
        let permutation = SpectralFixture.permutation(reference.nodes.count)
        let original = try reference.graph(weighted: true).pageRank()
        let relabelled = try SpectralFixture.relabelled(reference, weighted: true, permutation: permutation)
        expectClose(try relabelled.pageRank(), SpectralFixture.permute(original, permutation), tolerance: 1e-10, name)
    }

    @Test(arguments: [false, true])
    func parallelEqualsSerialExactly(weighted: Bool) throws {
        let graph = try SpectralFixture.largeRandomGraph(weighted: weighted)
        var personalization = [Double](repeating: 0, count: graph.nodeCount)
        for v in stride(from: 0, to: graph.nodeCount, by: 3) { personalization[v] = Double(v % 7) }
        let serial = try graph.pageRank(parallel: false)
        let parallel = try graph.pageRank(parallel: true)
        #expect(serial == parallel)
        #expect(
            try graph.pageRank(personalization: personalization, parallel: false)
                == graph.pageRank(personalization: personalization, parallel: true))
        expectClose(serial.reduce(0, +), 1, tolerance: 1e-10)
    }

    @Test func smallCasesByHand() throws {
        // A 2-cycle: symmetric, 1/2 each. The null graph: empty.
        var cycle = CSRGraphBuilder(nodeCount: 2, isDirected: true)
        try cycle.addEdge(0, 1)
        try cycle.addEdge(1, 0)
        expectClose(try cycle.build().pageRank(), [0.5, 0.5], tolerance: 1e-14)
        #expect(try CSRGraphBuilder(nodeCount: 0, isDirected: true).build().pageRank() == [])
        // 0 -> 1, node 1 dangling: x1 = 0.85 x0 + (0.85 x1 + 0.15) / 2, x0 = (0.85 x1 + 0.15) / 2.
        var chain = CSRGraphBuilder(nodeCount: 2, isDirected: true)
        try chain.addEdge(0, 1)
        // With x0 + x1 = 1: 2 x0 = 0.85 (1 - x0) + 0.15, so x0 = 1 / 2.85.
        expectClose(try chain.build().pageRank(), [1 / 2.85, 1.85 / 2.85], tolerance: 1e-12)
    }

    @Test func invalidParametersThrow() throws {
        let graph = try ReferenceGraph("karate").graph(weighted: true)
        #expect(throws: CentralityError.self) { try graph.pageRank(alpha: 1.5) }
        #expect(throws: CentralityError.self) { try graph.pageRank(personalization: [1, 2]) }
        #expect(throws: CentralityError.self) {
            try graph.pageRank(personalization: [Double](repeating: 0, count: graph.nodeCount))
        }
        do {
            _ = try graph.pageRank(maxIterations: 3)
            Issue.record("expected notConverged")
        } catch let error {
            guard case .notConverged(let measure, let iterations, _, _) = error else {
                Issue.record("wrong error \(error)"); return
            }
            #expect(measure == "PageRank" && iterations == 3)
            #expect(error.description.contains("maxIterations"))
        }
        var negative = CSRGraphBuilder(nodeCount: 2, isDirected: true)
        try negative.addEdge(0, 1, weight: -1)
        #expect(throws: CentralityError.negativeWeight(measure: "PageRank", source: 0, target: 1, weight: -1)) {
            try negative.build().pageRank()
        }
    }

    // MARK: - The solver by components (PRPACK's method) against the power iteration

    /// Both methods on one graph and one set of options; the power iteration is run tight (its default
    /// stop, an L1 change below n * 1e-12, leaves it up to about 6 n * 1e-12 from its fixed point).
    static func expectSameFixedPoint(
        _ graph: CSRGraph, alpha: Double = 0.85, personalization: [Double]? = nil, dangling: [Double]? = nil,
        weighted: Bool, _ label: String
    ) throws {
        let solve = { (method: PageRankMethod, tolerance: Double) throws -> [Double] in
            try graph.pageRank(
                alpha: alpha, personalization: personalization, dangling: dangling, weighted: weighted,
                tolerance: tolerance, maxIterations: 10_000, parallel: false, method: method)
        }
        let components = try solve(.components, 1e-12)
        let power = try solve(.powerIteration, 1e-15)
        let l1 = zip(components, power).reduce(0) { $0 + abs($1.0 - $1.1) }
        #expect(l1 <= 1e-10, "\(label): L1 \(l1)")
        expectClose(components.reduce(0, +), 1, tolerance: 1e-13, "\(label) sums to 1")
        // The default stop of the power iteration is within its own error bound of the fixed point.
        let loose = try solve(.powerIteration, 1e-12)
        let looseL1 = zip(components, loose).reduce(0) { $0 + abs($1.0 - $1.1) }
        let bound = 2 * Double(graph.nodeCount) * 1e-12 / (1 - alpha)
        #expect(looseL1 <= bound, "\(label): L1 to the default stop \(looseL1)")
    }

    @Test(arguments: ReferenceGraph.names)
    func componentsSolverMatchesPowerIteration(name: String) throws {
        let reference = try ReferenceGraph(name)
        let graph = try reference.graph(weighted: true)
        let expected = try SpectralFixture.expected(name)
        let personalization = try #require(SpectralFixture.values(expected["pagerank_personalization"]))
        let dangling = try #require(SpectralFixture.values(expected["pagerank_dangling"]))
        for weighted in [false, true] {
            let label = "\(name) weighted \(weighted)"
            try Self.expectSameFixedPoint(graph, weighted: weighted, label)
            try Self.expectSameFixedPoint(graph, alpha: 0.5, weighted: weighted, "\(label) alpha 0.5")
            try Self.expectSameFixedPoint(graph, personalization: personalization, weighted: weighted, "\(label) p")
            try Self.expectSameFixedPoint(
                graph, personalization: personalization, dangling: dangling, weighted: weighted, "\(label) p d")
            try Self.expectSameFixedPoint(graph, dangling: dangling, weighted: weighted, "\(label) d")
        }
        // And against NetworkX directly.
        let value = { (key: String) throws -> [Double] in try #require(SpectralFixture.values(expected[key]), "\(key)") }
        let solve = { (p: [Double]?, d: [Double]?, weighted: Bool) throws -> [Double] in
            try graph.pageRank(
                alpha: 0.85, personalization: p, dangling: d, weighted: weighted, tolerance: 1e-12,
                maxIterations: 1000, parallel: false, method: .components)
        }
        expectClose(try solve(nil, nil, false), try value("pagerank"), tolerance: 1e-8, name)
        expectClose(try solve(nil, nil, true), try value("pagerank_weighted"), tolerance: 1e-8, name)
        expectClose(try solve(personalization, dangling, false), try value("pagerank_personalized_dangling"),
                    tolerance: 1e-8, name)
    }

    /// A random directed graph: a DAG (arcs from lower to higher rank) plus `backArcs` arcs against it
    /// (cycles; each spans at most `backSpan` ranks), a few self-loops, and many sinks.
    static func randomGraph(
        nodes: Int, arcs: Int, backArcs: Int, backSpan: Int? = nil, selfLoops: Int, weighted: Bool,
        zeroWeights: Bool = false, seed: UInt64
    ) throws -> CSRGraph {
        var generator = SeededGenerator(seed: seed)
        var builder = CSRGraphBuilder(nodeCount: nodes, isDirected: true)
        let rank = Array(0 ..< nodes).shuffled(using: &generator)  // a random topological order
        func weight() -> Double? {
            guard weighted else { return nil }
            if zeroWeights && Int.random(in: 0 ..< 10, using: &generator) == 0 { return 0 }
            return Double.random(in: 0.1 ..< 5, using: &generator)
        }
        for _ in 0 ..< arcs {
            let a = Int.random(in: 0 ..< nodes, using: &generator), b = Int.random(in: 0 ..< nodes, using: &generator)
            guard a != b else { continue }
            try builder.addEdge(rank[min(a, b)], rank[max(a, b)], weight: weight())
        }
        for _ in 0 ..< backArcs {
            let a = Int.random(in: 0 ..< nodes, using: &generator)
            let span = backSpan ?? nodes
            let b = min(nodes - 1, max(0, a + Int.random(in: -span ... span, using: &generator)))
            guard a != b else { continue }
            try builder.addEdge(rank[max(a, b)], rank[min(a, b)], weight: weight())
        }
        for _ in 0 ..< selfLoops {
            let v = Int.random(in: 0 ..< nodes, using: &generator)
            try builder.addEdge(v, v, weight: weight())
        }
        return builder.build()
    }

    @Test(arguments: 0 ..< 12)
    func componentsSolverMatchesPowerIterationOnRandomGraphs(seed: Int) throws {
        let nodes = [1, 2, 7, 60, 300, 1000][seed % 6]
        let weighted = seed % 2 == 1
        let cases: [(String, Int)] = [("dag", 0), ("few cycles", nodes / 20 + 1), ("many cycles", nodes)]
        for (kind, backArcs) in cases {
            let graph = try Self.randomGraph(
                nodes: nodes, arcs: 2 * nodes, backArcs: backArcs, selfLoops: seed % 3 == 0 ? nodes / 10 + 1 : 0,
                weighted: weighted, zeroWeights: seed % 4 == 3, seed: UInt64(seed * 10 + backArcs))
            var generator = SeededGenerator(seed: UInt64(seed + 100))
            let personalization = (0 ..< nodes).map { v in
                v == 0 || Bool.random(using: &generator) ? Double.random(in: 0.5 ..< 2, using: &generator) : 0
            }
            let dangling = (0 ..< nodes).map { v in v == nodes - 1 || v % 3 == 0 ? Double(v % 5 + 1) : 0 }
            let label = "seed \(seed) \(kind) n \(nodes)"
            try Self.expectSameFixedPoint(graph, weighted: weighted, label)
            try Self.expectSameFixedPoint(graph, alpha: 0.99, weighted: weighted, "\(label) alpha 0.99")
            try Self.expectSameFixedPoint(graph, personalization: personalization, weighted: weighted, "\(label) p")
            try Self.expectSameFixedPoint(graph, dangling: dangling, weighted: weighted, "\(label) d")
            try Self.expectSameFixedPoint(
                graph, personalization: personalization, dangling: dangling, weighted: weighted, "\(label) p d")
        }
    }

    @Test func automaticChoiceAndDeterminism() throws {
        // A near-DAG takes the components path: parallel == serial, and the same bits as forcing it.
        let nearDAG = try Self.randomGraph(
            nodes: 30_000, arcs: 40_000, backArcs: 300, backSpan: 3, selfLoops: 20, weighted: false, seed: 5)
        #expect(nearDAG.looksLikeNearDAG())
        #expect(nearDAG.topologicalComponents(nontrivialLimit: 30_000 / PageRankMethod.nontrivialFraction) != nil)
        let serial = try nearDAG.pageRank(parallel: false)
        #expect(serial == (try nearDAG.pageRank(parallel: true)))
        #expect(serial == (try nearDAG.pageRank(
            alpha: 0.85, personalization: nil, dangling: nil, weighted: true, tolerance: 1e-12,
            maxIterations: 1000, parallel: true, method: .components)))
        // A graph with a giant component gives up early and keeps the power iteration.
        let giant = try SpectralFixture.largeRandomGraph(weighted: false)
        #expect(!giant.looksLikeNearDAG())
        #expect(giant.topologicalComponents(nontrivialLimit: giant.nodeCount / PageRankMethod.nontrivialFraction) == nil)
        #expect(giant.topologicalComponents(nontrivialLimit: giant.nodeCount) != nil)
    }

    @Test func componentsOrderIsTopological() throws {
        for seed in 0 ..< 5 {
            let graph = try Self.randomGraph(
                nodes: 500, arcs: 1500, backArcs: 40 * seed, selfLoops: 5, weighted: false, seed: UInt64(seed))
            let components = try #require(graph.topologicalComponents(nontrivialLimit: graph.nodeCount))
            var position = [Int](repeating: -1, count: graph.nodeCount)
            for c in 0 ..< components.starts.count - 1 {
                for i in Int(components.starts[c]) ..< Int(components.starts[c + 1]) {
                    position[Int(components.order[i])] = c
                }
            }
            #expect(!position.contains(-1))
            let scc = graph.stronglyConnectedComponents().component
            for u in 0 ..< graph.nodeCount {
                for v in graph.successors(of: u) {
                    #expect(position[u] <= position[Int(v)])
                    #expect((position[u] == position[Int(v)]) == (scc[u] == scc[Int(v)]))
                }
            }
        }
    }

    @Test func componentsSolverThrowsWhenAComponentDoesNotConverge() throws {
        var builder = CSRGraphBuilder(nodeCount: 3, isDirected: true)
        try builder.addEdge(0, 1)
        try builder.addEdge(1, 2)
        try builder.addEdge(2, 1)
        let graph = builder.build()
        do {
            _ = try graph.pageRank(
                alpha: 0.85, personalization: nil, dangling: nil, weighted: false, tolerance: 1e-12,
                maxIterations: 3, parallel: false, method: .components)
            Issue.record("expected notConverged")
        } catch let error {
            guard case .notConverged(let measure, let iterations, _, _) = error else {
                Issue.record("wrong error \(error)"); return
            }
            #expect(measure == "PageRank" && iterations == 3)
        }
    }
}
