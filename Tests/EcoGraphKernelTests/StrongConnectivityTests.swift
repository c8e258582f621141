import EcoGraphKernel
import EcoGraphTestSupport
import Foundation
import Testing

@Suite struct StrongConnectivityTests {
    @Test(arguments: DominanceTestSupport.directedNames)
    func matchesNetworkXBruteForce(name: String) throws {
        let graph = try ReferenceGraph(name).graph(weighted: false)
        let expected = try DominanceTestSupport.expected(name)
        let cuts = graph.strongConnectivityCuts()
        #expect(cuts.articulationPoints == DominanceTestSupport.ints(expected["strong_articulation_points"]), "\(name)")
        let bridges = cuts.bridges.map { [Int(graph.edgeSources[$0]), Int(graph.edgeTargets[$0])] }
        #expect(bridges == DominanceTestSupport.pairs(expected["strong_bridges"]), "\(name)")
        #expect(graph.strongArticulationPoints() == cuts.articulationPoints)
        #expect(graph.strongBridges() == cuts.bridges)
        // The SCC partition the computation starts from.
        #expect(graph.stronglyConnectedComponents().members.sorted { $0.lexicographicallyPrecedes($1) }
            == DominanceTestSupport.pairs(expected["strongly_connected_components"]))
    }

    @Test func workedExamples() throws {
        // The complete digraph on 3 nodes: no cuts at all, although the root has two children in both
        // dominator trees.
        var complete = CSRGraphBuilder(nodeCount: 3, isDirected: true)
        for u in 0 ..< 3 { for v in 0 ..< 3 where u != v { try complete.addEdge(u, v) } }
        let none = complete.build().strongConnectivityCuts()
        #expect(none.articulationPoints.isEmpty && none.bridges.isEmpty)
        // Two cycles 0 -> 1 -> 2 -> 0 and 2 -> 3 -> 2 joined at 2, a self-loop on 3, a tail 3 -> 4: removing
        // any node of the 3-cycle splits it; removing 3 leaves {0, 1, 2} strongly connected.
        var builder = CSRGraphBuilder(nodeCount: 5, isDirected: true)
        for (u, v) in [(0, 1), (1, 2), (2, 0), (2, 3), (3, 2), (3, 3), (3, 4)] { try builder.addEdge(u, v) }
        let graph = builder.build()
        let cuts = graph.strongConnectivityCuts()
        #expect(cuts.articulationPoints == [0, 1, 2])
        let pairs = cuts.bridges.map { [Int(graph.edgeSources[$0]), Int(graph.edgeTargets[$0])] }
        #expect(pairs == [[0, 1], [1, 2], [2, 0], [2, 3], [3, 2]])
    }

    /// Remove each node and each edge and recount the strongly connected components.
    @Test func bruteForceOnRandomDigraphs() throws {
        for seed in 1 ... 300 as ClosedRange<UInt64> {
            let graph = DominanceTestSupport.randomGraph(seed: seed &* 15_485_863, maxNodes: 11, directed: seed % 10 != 0)
            let base = DominanceTestSupport.componentCount(graph)
            let points = (0 ..< graph.nodeCount).filter {
                DominanceTestSupport.componentCount(graph, removedNode: $0) > base
            }
            let bridges = (0 ..< graph.edgeCount).filter {
                DominanceTestSupport.componentCount(graph, removedEdge: $0) > base
            }
            let cuts = graph.strongConnectivityCuts()
            #expect(cuts.articulationPoints == points, "seed \(seed) directed \(graph.isDirected)")
            #expect(cuts.bridges == bridges, "seed \(seed) directed \(graph.isDirected)")
        }
    }
}
