import EcoGraphKernel
import EcoGraphTestSupport
import Foundation
import Testing

/// Reads `Tests/Fixtures/expected/spectral/<graph>.json` (written by `reference_spectral.py`) and builds the
/// variants of a reference graph that the metamorphic checks of the degree, spectral and core tests need.
enum SpectralFixture {
    static func expected(_ graph: String) throws -> [String: Any] {
        try expectedValues(family: "spectral", graph: graph)
    }

    /// The values stored under `key`, or `nil` when the entry is an error (or missing).
    static func values(_ object: Any?) -> [Double]? {
        guard let list = object as? [Any] else { return nil }
        return list.map { number($0) }
    }

    static func number(_ value: Any?) -> Double {
        if let double = value as? Double { return double }
        if let number = value as? NSNumber { return number.doubleValue }
        if let int = value as? Int { return Double(int) }
        Issue.record("not a number: \(String(describing: value))")
        return .nan
    }

    /// The NetworkX exception class name when the entry records one.
    static func error(_ object: Any?) -> String? {
        (object as? [String: Any])?["error"] as? String
    }

    /// The reference graph with every weight set to 1 (a weighted graph equal to the unweighted one).
    static func allOnes(_ reference: ReferenceGraph) throws -> CSRGraph {
        var builder = CSRGraphBuilder(nodeCount: reference.nodes.count, isDirected: reference.isDirected)
        for (u, v, _) in reference.edges { try builder.addEdge(u, v, weight: 1) }
        return builder.build()
    }

    /// A fixed permutation of `0 ..< n` (node `v` becomes `permutation[v]`).
    static func permutation(_ n: Int, seed: UInt64 = 42) -> [Int] {
        var generator = SeededGenerator(seed: seed)
        return Array(0 ..< n).shuffled(using: &generator)
    }

    /// The reference graph with node `v` renamed `permutation[v]`, edges added in the same order.
    static func relabelled(_ reference: ReferenceGraph, weighted: Bool, permutation: [Int]) throws -> CSRGraph {
        var builder = CSRGraphBuilder(nodeCount: reference.nodes.count, isDirected: reference.isDirected)
        for (u, v, w) in reference.edges {
            try builder.addEdge(permutation[u], permutation[v], weight: weighted ? w : nil)
        }
        return builder.build()
    }

    /// `values` of the original graph, rearranged to the relabelled graph's node order.
    static func permute(_ values: [Double], _ permutation: [Int]) -> [Double] {
        var result = [Double](repeating: .nan, count: values.count)
        for (v, value) in values.enumerated() { result[permutation[v]] = value }
        return result
    }

    /// A seeded random digraph big enough for the parallel code paths (nodes + arcs above their threshold).
    static func largeRandomGraph(nodes: Int = 20_000, edges: Int = 100_000, directed: Bool = true, weighted: Bool)
        throws -> CSRGraph
    {
        var generator = SeededGenerator(seed: 7)
        var builder = CSRGraphBuilder(nodeCount: nodes, isDirected: directed)
        for _ in 0 ..< edges {
            // Skewed targets, so that rows differ in length.
            let u = Int.random(in: 0 ..< nodes, using: &generator)
            let r = Double.random(in: 0 ..< 1, using: &generator)
            let v = Int(Double(nodes) * r * r * r)
            try builder.addEdge(u, min(v, nodes - 1), weight: weighted ? Double.random(in: 0.5 ..< 3, using: &generator) : nil)
        }
        return builder.build()
    }
}

@Suite struct DegreeTests {
    @Test(arguments: ReferenceGraph.names)
    func matchesNetworkX(name: String) throws {
        let reference = try ReferenceGraph(name)
        let graph = try reference.graph(weighted: true)
        let expected = try SpectralFixture.expected(name)
        let degree = try #require(SpectralFixture.values(expected["degree_centrality"]))
        expectClose(graph.degreeCentrality(), degree, tolerance: 1e-9, "\(name) degree")
        if reference.isDirected {
            let inDegree = try #require(SpectralFixture.values(expected["in_degree_centrality"]))
            let outDegree = try #require(SpectralFixture.values(expected["out_degree_centrality"]))
            expectClose(try graph.inDegreeCentrality(), inDegree, tolerance: 1e-9, "\(name) in-degree")
            expectClose(try graph.outDegreeCentrality(), outDegree, tolerance: 1e-9, "\(name) out-degree")
        } else {
            #expect(SpectralFixture.error(expected["in_degree_centrality"]) == "NetworkXNotImplemented")
            #expect(throws: CentralityError.self) { try graph.inDegreeCentrality() }
            #expect(throws: CentralityError.self) { try graph.outDegreeCentrality() }
        }
    }

    @Test func selfLoopsCountTwice() throws {
        // Undirected: 0 - 0, 0 - 1 gives degrees [3, 1] (NetworkX: a self-loop adds 2).
        var undirected = CSRGraphBuilder(nodeCount: 3, isDirected: false)
        try undirected.addEdge(0, 0)
        try undirected.addEdge(0, 1)
        #expect(undirected.build().degreeCentrality() == [1.5, 0.5, 0])
        // Directed: 0 -> 0 counts once in and once out.
        var directed = CSRGraphBuilder(nodeCount: 3, isDirected: true)
        try directed.addEdge(0, 0)
        try directed.addEdge(0, 1)
        let graph = directed.build()
        #expect(graph.degreeCentrality() == [1.5, 0.5, 0])
        #expect(try graph.inDegreeCentrality() == [0.5, 0.5, 0])
        #expect(try graph.outDegreeCentrality() == [1, 0, 0])
    }

    @Test func tinyGraphs() throws {
        #expect(CSRGraphBuilder(nodeCount: 0, isDirected: false).build().degreeCentrality() == [])
        #expect(CSRGraphBuilder(nodeCount: 1, isDirected: false).build().degreeCentrality() == [1])
        var loop = CSRGraphBuilder(nodeCount: 1, isDirected: true)
        try loop.addEdge(0, 0)
        #expect(try loop.build().inDegreeCentrality() == [1])
        #expect(CSRGraphBuilder(nodeCount: 0, isDirected: true).build().degreeCentrality() == [])
    }

    @Test func relabellingPermutesScores() throws {
        for name in ReferenceGraph.names {
            let reference = try ReferenceGraph(name)
            let permutation = SpectralFixture.permutation(reference.nodes.count)
            let original = try reference.graph(weighted: false).degreeCentrality()
            let relabelled = try SpectralFixture.relabelled(reference, weighted: false, permutation: permutation)
            #expect(relabelled.degreeCentrality() == SpectralFixture.permute(original, permutation), "\(name)")
        }
    }
}
