import EcoGraphKernel
import EcoGraphTestSupport
import Testing

@Suite("Subgraphs by masks")
struct SubgraphTests {
    /// Every array of two graphs.
    func expectEqual(_ a: CSRGraph, _ b: CSRGraph, _ context: String) {
        #expect(a.nodeCount == b.nodeCount && a.isDirected == b.isDirected, "\(context)")
        #expect(a.outOffsets == b.outOffsets && a.outTargets == b.outTargets && a.outEdges == b.outEdges, "\(context) out")
        #expect(a.inOffsets == b.inOffsets && a.inSources == b.inSources && a.inEdges == b.inEdges, "\(context) in")
        #expect(a.edgeSources == b.edgeSources && a.edgeTargets == b.edgeTargets, "\(context) edges")
        #expect(a.weights == b.weights && a.selfLoopCount == b.selfLoopCount, "\(context) weights, loops: \(String(describing: a.weights)) \(String(describing: b.weights))")
    }

    @Test("equal to building the kept edges from scratch, on 300 random graphs with random masks")
    func againstTheBuilder() throws {
        var random = SeededRandom(state: 0x5AB6)
        for trial in 0 ..< 300 {
            let n = 1 + random.below(25)
            let directed = trial % 3 != 0, weighted = trial % 2 == 0
            var builder = CSRGraphBuilder(nodeCount: n, isDirected: directed)
            for _ in 0 ..< random.below(4 * n + 1) {
                try builder.addEdge(random.below(n), random.below(n), weight: weighted ? Double(random.below(9) + 1) : nil)
            }
            let graph = builder.build()
            let keepEdges = (0 ..< graph.edgeCount).map { _ in random.below(4) != 0 }
            let keepNodes: [Bool]? = trial % 4 == 1 ? nil : (0 ..< n).map { _ in random.below(5) != 0 }
            let replacement: [Double]? = weighted && trial % 5 == 0 ? (0 ..< graph.edgeCount).map { Double($0) + 0.5 } : nil
            let sub = graph.subgraph(keepingEdges: keepEdges, keepingNodes: keepNodes, weights: replacement)

            // The reference: the kept nodes renumbered in order, the kept edges added in id order.
            let kept = (0 ..< n).filter { keepNodes?[$0] ?? true }
            var newIndex = [Int](repeating: -1, count: n)
            for (i, v) in kept.enumerated() { newIndex[v] = i }
            var reference = CSRGraphBuilder(nodeCount: kept.count, isDirected: directed)
            var keptEdges: [Int32] = []
            for e in 0 ..< graph.edgeCount where keepEdges[e] {
                let u = newIndex[Int(graph.edgeSources[e])], v = newIndex[Int(graph.edgeTargets[e])]
                guard u >= 0, v >= 0 else { continue }
                try reference.addEdge(u, v, weight: graph.weights.map { _ in (replacement ?? graph.weights!)[e] })
                keptEdges.append(Int32(e))
            }
            expectEqual(sub.graph, reference.build(), "trial \(trial)")
            #expect(sub.edges == keptEdges)
            #expect(sub.nodes == keepNodes.map { _ in kept.map { Int32($0) } })
            for e in 0 ..< graph.edgeCount { #expect(sub.edge(fromOriginal: e) == keptEdges.firstIndex(of: Int32(e))) }
        }
    }

    @Test("keeping everything gives the same graph; keeping nothing, the nodes alone")
    func extremes() throws {
        var builder = CSRGraphBuilder(nodeCount: 4, isDirected: true)
        for (u, v) in [(0, 1), (1, 2), (2, 0), (3, 3), (0, 2)] { try builder.addEdge(u, v, weight: Double(u + v)) }
        let graph = builder.build()
        let all = graph.subgraph(keepingEdges: [Bool](repeating: true, count: graph.edgeCount), keepingNodes: [true, true, true, true])
        expectEqual(all.graph, graph, "all")
        #expect(all.nodes == [0, 1, 2, 3] && all.edges == [0, 1, 2, 3, 4])
        let none = graph.subgraph(keepingEdges: [Bool](repeating: false, count: graph.edgeCount))
        #expect(none.graph.nodeCount == 4 && none.graph.edgeCount == 0 && none.graph.outOffsets == [0, 0, 0, 0, 0] && none.nodes == nil)
        // Dropping node 1 takes 0 -> 1 and 1 -> 2; node 2 becomes 1.
        let dropped = graph.subgraph(keepingEdges: [Bool](repeating: true, count: graph.edgeCount), keepingNodes: [true, false, true, true])
        #expect(dropped.graph.nodeCount == 3 && dropped.nodes == [0, 2, 3])
        #expect(zip(dropped.graph.edgeSources, dropped.graph.edgeTargets).map { [$0, $1] } == [[0, 1], [1, 0], [2, 2]])
        #expect(dropped.graph.weights == [2, 2, 6] && dropped.graph.selfLoopCount == 1)
    }
}
