@testable import EcoGraphKernel
import Testing

@Suite("Multi-source BFS")
struct MultiSourceBFSTests {
    /// A seeded random graph with `parts` disjoint blocks of random edges, a path tail (many levels, sparse
    /// frontiers), self-loops, parallel edges and isolated nodes.
    static func graph(nodes n: Int, edgesPerNode: Double, parts: Int, directed: Bool, seed: UInt64) -> CSRGraph {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var builder = CSRGraphBuilder(nodeCount: n, isDirected: directed)
        let isolated = n / 10
        let tail = n / 5
        let body = n - isolated - tail
        if body > 0 {
            let blockSize = max(1, body / parts)
            for _ in 0 ..< Int(Double(body) * edgesPerNode) {
                let block = Int(next() % UInt64(parts))
                let start = min(block * blockSize, body - 1)
                let size = max(1, min(blockSize, body - start))
                let u = start + Int(next() % UInt64(size)), v = start + Int(next() % UInt64(size))
                try! builder.addEdge(u, v)
                if next() % 7 == 0 { try! builder.addEdge(u, v) }
            }
            for _ in 0 ..< max(1, n / 20) {
                let u = Int(next() % UInt64(body))
                try! builder.addEdge(u, u)
            }
        }
        // A path hanging off the body: 0 -> body -> body + 1 -> ... (and a loop on its last node).
        if tail > 0 {
            var previous = 0
            for v in body ..< body + tail {
                try! builder.addEdge(previous, v)
                previous = v
            }
            try! builder.addEdge(previous, previous)
        }
        return builder.build()
    }

    static func cases() -> [(String, CSRGraph)] {
        var graphs: [(String, CSRGraph)] = []
        var seed: UInt64 = 1
        for n in [1, 2, 5, 63, 64, 65, 127, 128, 130, 200, 333, 700] {
            for (density, parts) in [(0.8, 1), (2.5, 3), (6.0, 1)] {
                for directed in [false, true] {
                    seed += 1
                    graphs.append(("n\(n) d\(density) parts\(parts) \(directed ? "directed" : "undirected")",
                                   graph(nodes: n, edgesPerNode: density, parts: parts, directed: directed, seed: seed)))
                }
            }
        }
        return graphs
    }

    static func singleSource(_ graph: CSRGraph) -> [DistanceSummary] {
        let n = graph.nodeCount
        return graph.withArcView(weighted: false) { view in
            var workspace = DistanceWorkspace(nodeCount: n, weighted: false)
            var result: [DistanceSummary] = []
            for u in 0 ..< n { result.append(workspace.breadthFirst(from: u, view)) }
            return result
        }
    }

    @Test("MS-BFS summaries equal one BFS per source; parallel equals serial")
    func equalsSingleSource() {
        for (name, base) in Self.cases() {
            for graph in [base, base.reversed] {
                let expected = Self.singleSource(graph)
                let serial = graph.multiSourceDistanceSummaries(parallel: false)
                let parallel = graph.multiSourceDistanceSummaries(parallel: true)
                #expect(serial.count == expected.count, "\(name)")
                for (u, (got, want)) in zip(serial, expected).enumerated() {
                    #expect(got.reached == want.reached && got.hopSum == want.hopSum
                            && got.distanceSum == want.distanceSum, "\(name) node \(u)")
                    #expect(abs(got.reciprocalSum - want.reciprocalSum) <= 1e-12 * max(1, abs(want.reciprocalSum)),
                            "\(name) node \(u): \(got.reciprocalSum) vs \(want.reciprocalSum)")
                }
                for (u, (a, b)) in zip(serial, parallel).enumerated() {
                    #expect(a.reached == b.reached && a.hopSum == b.hopSum && a.reciprocalSum == b.reciprocalSum,
                            "\(name) node \(u)")
                }
            }
        }
    }

    @Test("closeness and harmonic on graphs of more than 64 nodes match the single-source traversal")
    func centralities() throws {
        for (name, graph) in Self.cases() where graph.nodeCount > 64 {
            let n = graph.nodeCount
            let incoming = Self.singleSource(graph.reversed)
            let closeness = incoming.map { s -> Double in
                guard s.hopSum > 0, n > 1 else { return 0 }
                let others = Double(s.reached) - 1
                return others / Double(s.hopSum) * (others / Double(n - 1))
            }
            #expect(try graph.closenessCentrality() == closeness, "\(name)")
            let harmonic = try graph.harmonicCentrality()
            for u in 0 ..< n {
                #expect(abs(harmonic[u] - incoming[u].reciprocalSum) <= 1e-12 * max(1, incoming[u].reciprocalSum),
                        "\(name) node \(u)")
            }
        }
    }
}
