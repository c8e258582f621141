import EcoGraphKernel
import EcoGraphTestSupport
import Testing

@Suite("Closeness")
struct ClosenessTests {
    typealias Support = PathTestSupport

    @Test("closeness equals NetworkX", arguments: ReferenceGraph.names)
    func reference(name: String) throws {
        let expected = try Support.expected(name)
        let reference = try ReferenceGraph(name)
        for weighted in [false, true] {
            let graph = try reference.graph(weighted: weighted)
            let kind = weighted ? "weighted" : "unweighted"
            expectClose(try graph.closenessCentrality(weighted: weighted),
                        Support.doubles(expected, "closeness", kind, "wf_improved"),
                        tolerance: Support.tolerance, "\(name) \(kind)")
            expectClose(try graph.closenessCentrality(weighted: weighted, wfImproved: false),
                        Support.doubles(expected, "closeness", kind, "plain"),
                        tolerance: Support.tolerance, "\(name) \(kind) wf_improved=False")
        }
    }

    @Test("worked example: the path 0 - 1 - 2, and a directed star uses incoming distances")
    func workedExamples() throws {
        var builder = CSRGraphBuilder(nodeCount: 3, isDirected: false)
        try builder.addEdge(0, 1)
        try builder.addEdge(1, 2)
        expectClose(try builder.build().closenessCentrality(), [2.0 / 3, 1, 2.0 / 3], tolerance: 1e-15)
        // 1 -> 0, 2 -> 0, 3 isolated: only 0 is reached (by 2 of the 3 other nodes, at distance 1).
        var star = CSRGraphBuilder(nodeCount: 4, isDirected: true)
        try star.addEdge(1, 0)
        try star.addEdge(2, 0)
        let graph = star.build()
        #expect(try graph.closenessCentrality(wfImproved: false) == [1, 0, 0, 0])
        #expect(try graph.closenessCentrality() == [2.0 / 3, 0, 0, 0])
    }

    @Test("degenerate graphs")
    func degenerate() throws {
        #expect(try CSRGraphBuilder(nodeCount: 0, isDirected: false).build().closenessCentrality() == [])
        #expect(try CSRGraphBuilder(nodeCount: 1, isDirected: true).build().closenessCentrality() == [0])
        // Zero weights: reached nodes at total distance 0 give 0, as in NetworkX.
        var builder = CSRGraphBuilder(nodeCount: 2, isDirected: false)
        try builder.addEdge(0, 1, weight: 0)
        #expect(try builder.build().closenessCentrality(weighted: true) == [0, 0])
        #expect(try builder.build().closenessCentrality(weighted: false) == [1, 1])
    }

    @Test("a negative weight throws when weights are distances")
    func negativeWeight() throws {
        var builder = CSRGraphBuilder(nodeCount: 2, isDirected: false)
        try builder.addEdge(0, 1, weight: -1)
        let graph = builder.build()
        #expect(throws: CSRGraphError.negativeWeight(source: 0, target: 1, weight: -1)) {
            try graph.closenessCentrality(weighted: true)
        }
        #expect(try graph.closenessCentrality() == [1, 1])
    }

    @Test("all-ones weights equal unweighted; parallel equals serial")
    func metamorphic() throws {
        var graphs = Support.generated()
        for name in ReferenceGraph.names { graphs.append((name, try ReferenceGraph(name).graph(weighted: true))) }
        for (name, graph) in graphs {
            for wf in [false, true] {
                expectClose(try Support.allOnes(graph).closenessCentrality(weighted: true, wfImproved: wf),
                            try graph.closenessCentrality(wfImproved: wf), tolerance: 1e-12, name)
                for weighted in [false, true] {
                    #expect(try graph.closenessCentrality(weighted: weighted, wfImproved: wf, parallel: true)
                            == graph.closenessCentrality(weighted: weighted, wfImproved: wf, parallel: false), "\(name)")
                }
            }
        }
    }

    @Test("relabelling the nodes permutes the scores")
    func relabelling() throws {
        for (i, (name, graph)) in Support.generated().enumerated() {
            let permutation = Support.permutation(graph.nodeCount, seed: UInt64(50 + i))
            let relabelled = Support.relabel(graph, permutation, seed: UInt64(i))
            for weighted in [false, true] {
                let before = try graph.closenessCentrality(weighted: weighted)
                let after = try relabelled.closenessCentrality(weighted: weighted)
                expectClose(permutation.map { after[$0] }, before, tolerance: 1e-12, "\(name) weighted \(weighted)")
            }
        }
    }

    @Test("brute force (Floyd–Warshall) equals the traversals", arguments: [false, true])
    func bruteForce(weighted: Bool) throws {
        for (name, graph) in Support.generated() {
            let n = graph.nodeCount
            let (distance, _) = Support.allPairs(graph, weighted: weighted)
            var expected = [Double](repeating: 0, count: n)
            for u in 0 ..< n {
                let incoming = (0 ..< n).filter { $0 != u && distance[$0][u] < .infinity }.map { distance[$0][u] }
                let total = incoming.reduce(0, +)
                if total > 0 && n > 1 {
                    expected[u] = Double(incoming.count) / total * Double(incoming.count) / Double(n - 1)
                }
            }
            expectClose(try graph.closenessCentrality(weighted: weighted), expected, tolerance: 1e-12, name)
        }
    }
}
