import EcoGraphKernel
import EcoGraphTestSupport
import Foundation
import Testing

@Suite struct BiconnectivityTests {
    @Test(arguments: ReferenceGraph.names)
    func matchesNetworkX(name: String) throws {
        let graph = try ReferenceGraph(name).graph(weighted: false)
        let expected = try DominanceTestSupport.expected(name)
        let structure = graph.biconnectivity()
        #expect(structure.articulationPoints == DominanceTestSupport.ints(expected["articulation_points"]), "\(name)")
        #expect(structure.bridges.map { [$0.u, $0.v] } == DominanceTestSupport.pairs(expected["bridges"]), "\(name)")
        #expect(structure.components == DominanceTestSupport.pairs(expected["biconnected_components"]), "\(name)")
        #expect(graph.articulationPoints() == structure.articulationPoints)
        #expect(graph.bridges() == structure.bridges)
        #expect(graph.biconnectedComponents() == structure.components)
    }

    @Test func workedExample() throws {
        // Two triangles sharing node 2, a tail 4 - 5, a self-loop on 5, an isolated 6; directed input.
        var builder = CSRGraphBuilder(nodeCount: 7, isDirected: true)
        for (u, v) in [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 2), (4, 5), (5, 4), (5, 5)] {
            try builder.addEdge(u, v)
        }
        let structure = builder.build().biconnectivity()
        #expect(structure.articulationPoints == [2, 4])
        #expect(structure.bridges == [.init(5, 4)])
        #expect(structure.components == [[0, 1, 2], [2, 3, 4], [4, 5]])
        let empty = CSRGraphBuilder(nodeCount: 0, isDirected: false).build().biconnectivity()
        #expect(empty.articulationPoints.isEmpty && empty.bridges.isEmpty && empty.components.isEmpty)
    }

    /// Articulation points and bridges by removal and recount; components checked by their properties:
    /// every non-loop edge lies in exactly one component, and two components share at most one node, an
    /// articulation point.
    @Test func bruteForceOnRandomGraphs() throws {
        for seed in 1 ... 250 as ClosedRange<UInt64> {
            let graph = DominanceTestSupport.randomGraph(seed: seed &* 104_729, maxNodes: 12, directed: seed % 2 == 0)
            let undirected = graph.undirected
            let base = DominanceTestSupport.componentCount(undirected)
            let points = (0 ..< graph.nodeCount).filter {
                DominanceTestSupport.componentCount(undirected, removedNode: $0) > base
            }
            let bridges = (0 ..< undirected.edgeCount).filter {
                DominanceTestSupport.componentCount(undirected, removedEdge: $0) > base
            }.map { Biconnectivity.Bridge(Int(undirected.edgeSources[$0]), Int(undirected.edgeTargets[$0])) }
            let structure = graph.biconnectivity()
            #expect(structure.articulationPoints == points, "seed \(seed)")
            #expect(structure.bridges == bridges.sorted(), "seed \(seed)")
            let sets = structure.components.map(Set.init)
            for e in 0 ..< undirected.edgeCount where undirected.edgeSources[e] != undirected.edgeTargets[e] {
                let u = Int(undirected.edgeSources[e]), v = Int(undirected.edgeTargets[e])
                #expect(sets.filter { $0.contains(u) && $0.contains(v) }.count == 1, "seed \(seed) edge \(u)-\(v)")
            }
            for i in sets.indices {
                #expect(sets[i].count >= 2)
                for j in sets.indices where j > i {
                    let shared = sets[i].intersection(sets[j])
                    #expect(shared.count <= 1 && shared.allSatisfy(points.contains))
                }
            }
            // A component of two nodes is a bridge, and every bridge is such a component.
            #expect(Set(structure.components.filter { $0.count == 2 }.map { Biconnectivity.Bridge($0[0], $0[1]) })
                == Set(bridges))
        }
    }

    /// A long path: the search must not recurse.
    @Test func deepPath() throws {
        let n = 200_000
        var builder = CSRGraphBuilder(nodeCount: n, isDirected: false)
        for v in 0 ..< n - 1 { try builder.addEdge(v, v + 1) }
        let structure = builder.build().biconnectivity()
        #expect(structure.articulationPoints == Array(1 ..< n - 1))
        #expect(structure.bridges.count == n - 1 && structure.components.count == n - 1)
    }
}
