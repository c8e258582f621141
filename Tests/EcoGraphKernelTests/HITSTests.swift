import EcoGraphKernel
import EcoGraphTestSupport
import Foundation
import Testing

@Suite struct HITSTests {
    @Test(arguments: ReferenceGraph.names)
    func matchesNetworkX(name: String) throws {
        let reference = try ReferenceGraph(name)
        let graph = try reference.graph(weighted: true)
        let expected = try SpectralFixture.expected(name)
        for (key, weighted) in [("hits", true), ("hits_unweighted", false)] {
            // Where the top singular value is repeated ("ambiguous"), the fixture holds the power-iteration limit
            // from the uniform vector (see reference_spectral.py and `hits`' documentation).
            let entry = try #require(expected[key] as? [String: Any])
            let hubs = try #require(SpectralFixture.values(entry["hubs"]))
            let authorities = try #require(SpectralFixture.values(entry["authorities"]))
            let result = try graph.hits(weighted: weighted, maxIterations: 10_000)
            expectClose(result.hubs, hubs, tolerance: 1e-8, "\(name) \(key) hubs")
            expectClose(result.authorities, authorities, tolerance: 1e-8, "\(name) \(key) authorities")
            expectClose(result.hubs.reduce(0, +), 1, tolerance: 1e-12)
            expectClose(result.authorities.reduce(0, +), 1, tolerance: 1e-12)
        }
    }

    @Test func smallCasesByHand() throws {
        var star = CSRGraphBuilder(nodeCount: 3, isDirected: true)
        try star.addEdge(0, 1)
        try star.addEdge(0, 2)
        let result = try star.build().hits()
        expectClose(result.hubs, [1, 0, 0], tolerance: 1e-12)
        expectClose(result.authorities, [0, 0.5, 0.5], tolerance: 1e-12)
        let empty = try CSRGraphBuilder(nodeCount: 0, isDirected: true).build().hits()
        #expect(empty.hubs.isEmpty && empty.authorities.isEmpty)
        let edgeless = try CSRGraphBuilder(nodeCount: 4, isDirected: true).build().hits()
        #expect(edgeless.hubs == [0.25, 0.25, 0.25, 0.25] && edgeless.authorities == edgeless.hubs)
    }

    @Test(arguments: ReferenceGraph.names)
    func allOnesWeightsEqualUnweighted(name: String) throws {
        let reference = try ReferenceGraph(name)
        let ones = try SpectralFixture.allOnes(reference).hits(maxIterations: 10_000)
        let plain = try reference.graph(weighted: false).hits(maxIterations: 10_000)
        expectClose(ones.hubs, plain.hubs, tolerance: 1e-15, name)
        expectClose(ones.authorities, plain.authorities, tolerance: 1e-15, name)
    }

    @Test(arguments: ReferenceGraph.names)
    func relabellingPermutesScores(name: String) throws {
        let reference = try ReferenceGraph(name)
        let permutation = SpectralFixture.permutation(reference.nodes.count)
        let original = try reference.graph(weighted: true).hits(maxIterations: 10_000)
        let relabelled = try SpectralFixture.relabelled(reference, weighted: true, permutation: permutation)
            .hits(maxIterations: 10_000)
        expectClose(relabelled.hubs, SpectralFixture.permute(original.hubs, permutation), tolerance: 1e-10, name)
        expectClose(
            relabelled.authorities, SpectralFixture.permute(original.authorities, permutation), tolerance: 1e-10, name)
    }

    @Test func parallelEqualsSerialExactly() throws {
        let graph = try SpectralFixture.largeRandomGraph(weighted: true)
        for weighted in [false, true] {
            let serial = try graph.hits(weighted: weighted, maxIterations: 100_000, parallel: false)
            let parallel = try graph.hits(weighted: weighted, maxIterations: 100_000, parallel: true)
            #expect(serial == parallel)
        }
    }
}
