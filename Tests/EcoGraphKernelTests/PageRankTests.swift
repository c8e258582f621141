import EcoGraphKernel
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
}
