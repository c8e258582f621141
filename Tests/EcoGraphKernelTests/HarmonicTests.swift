import EcoGraphKernel
import EcoGraphTestSupport
import Testing

@Suite("Harmonic")
struct HarmonicTests {
    typealias Support = PathTestSupport

    @Test("harmonic centrality equals NetworkX", arguments: ReferenceGraph.names)
    func reference(name: String) throws {
        let expected = try Support.expected(name)
        let reference = try ReferenceGraph(name)
        for weighted in [false, true] {
            let graph = try reference.graph(weighted: weighted)
            let kind = weighted ? "weighted" : "unweighted"
            expectClose(try graph.harmonicCentrality(weighted: weighted), Support.doubles(expected, "harmonic", kind),
                        tolerance: Support.tolerance, "\(name) \(kind)")
        }
    }

    @Test("worked examples: the path 0 - 1 - 2; a directed edge counts for its head")
    func workedExamples() throws {
        var builder = CSRGraphBuilder(nodeCount: 3, isDirected: false)
        try builder.addEdge(0, 1)
        try builder.addEdge(1, 2)
        #expect(try builder.build().harmonicCentrality() == [1.5, 2, 1.5])
        var arrow = CSRGraphBuilder(nodeCount: 3, isDirected: true)
        try arrow.addEdge(0, 1, weight: 4)
        try arrow.addEdge(1, 2, weight: 0)
        let graph = arrow.build()
        #expect(try graph.harmonicCentrality() == [0, 1, 1.5])
        // Distance 0 (1 -> 2 has weight 0) adds nothing, as in NetworkX.
        #expect(try graph.harmonicCentrality(weighted: true) == [0, 0.25, 0.25])
    }

    @Test("degenerate graphs and negative weights")
    func degenerate() throws {
        #expect(try CSRGraphBuilder(nodeCount: 0, isDirected: true).build().harmonicCentrality() == [])
        #expect(try CSRGraphBuilder(nodeCount: 2, isDirected: true).build().harmonicCentrality(weighted: true) == [0, 0])
        var builder = CSRGraphBuilder(nodeCount: 2, isDirected: true)
        try builder.addEdge(0, 1, weight: -0.5)
        let graph = builder.build()
        #expect(throws: CSRGraphError.negativeWeight(source: 0, target: 1, weight: -0.5)) {
            try graph.harmonicCentrality(weighted: true)
        }
        #expect(try graph.harmonicCentrality() == [0, 1])
    }

    @Test("all-ones weights equal unweighted; parallel equals serial")
    func metamorphic() throws {
        var graphs = Support.generated()
        for name in ReferenceGraph.names { graphs.append((name, try ReferenceGraph(name).graph(weighted: true))) }
        for (name, graph) in graphs {
            expectClose(try Support.allOnes(graph).harmonicCentrality(weighted: true),
                        try graph.harmonicCentrality(), tolerance: 1e-12, name)
            for weighted in [false, true] {
                #expect(try graph.harmonicCentrality(weighted: weighted, parallel: true)
                        == graph.harmonicCentrality(weighted: weighted, parallel: false), "\(name)")
            }
        }
    }

    @Test("relabelling the nodes permutes the scores")
    func relabelling() throws {
        for (i, (name, graph)) in Support.generated().enumerated() {
            let permutation = Support.permutation(graph.nodeCount, seed: UInt64(80 + i))
            let relabelled = Support.relabel(graph, permutation, seed: UInt64(i))
            for weighted in [false, true] {
                let before = try graph.harmonicCentrality(weighted: weighted)
                let after = try relabelled.harmonicCentrality(weighted: weighted)
                expectClose(permutation.map { after[$0] }, before, tolerance: 1e-12, "\(name) weighted \(weighted)")
            }
        }
    }

    @Test("brute force (Floyd–Warshall) equals the traversals", arguments: [false, true])
    func bruteForce(weighted: Bool) throws {
        for (name, graph) in Support.generated() {
            let n = graph.nodeCount
            let (distance, _) = Support.allPairs(graph, weighted: weighted)
            let expected = (0 ..< n).map { u in
                (0 ..< n).reduce(0.0) { sum, v in
                    let d = distance[v][u]
                    return d > 0 && d < .infinity ? sum + 1 / d : sum
                }
            }
            expectClose(try graph.harmonicCentrality(weighted: weighted), expected, tolerance: 1e-12, name)
        }
    }
}
