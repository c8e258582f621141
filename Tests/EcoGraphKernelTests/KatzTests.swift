import EcoGraphKernel
import EcoGraphTestSupport
import Foundation
import Testing

@Suite struct KatzTests {
    @Test(arguments: ReferenceGraph.names)
    func matchesNetworkX(name: String) throws {
        let reference = try ReferenceGraph(name)
        let graph = try reference.graph(weighted: true)
        let expected = try SpectralFixture.expected(name)
        for (suffix, weighted) in [("", false), ("_weighted", true)] {
            let rho = SpectralFixture.number(expected["spectral_radius" + suffix])
            if let values = SpectralFixture.values(expected["katz" + suffix]) {
                expectClose(try graph.katzCentrality(weighted: weighted), values, tolerance: 1e-8, "\(name) katz\(suffix)")
                let raw = try #require(SpectralFixture.values(expected["katz_unnormalized" + suffix]))
                expectClose(
                    try graph.katzCentrality(normalized: false, weighted: weighted), raw, tolerance: 1e-8,
                    "\(name) unnormalized\(suffix)")
                let beta = try #require(SpectralFixture.values(expected["katz_beta"]))
                let perNode = try #require(SpectralFixture.values(expected["katz_per_node_beta" + suffix]))
                expectClose(
                    try graph.katzCentrality(beta: beta, weighted: weighted), perNode, tolerance: 1e-8,
                    "\(name) per-node beta\(suffix)")
            } else {
                // alpha 0.1 is above 1/lambda_max: we say so, with lambda_max.
                #expect(SpectralFixture.error(expected["katz" + suffix]) == "Diverges")
                do {
                    _ = try graph.katzCentrality(weighted: weighted)
                    Issue.record("\(name): expected katzDiverges")
                } catch let error {
                    guard case .katzDiverges(let alpha, let radius) = error else {
                        Issue.record("wrong error \(error)"); return
                    }
                    #expect(alpha == 0.1)
                    expectClose(radius, rho, tolerance: 1e-8, "\(name) spectral radius")
                }
            }
            let other = SpectralFixture.number(expected["katz_other_alpha" + suffix])
            let otherValues = try #require(SpectralFixture.values(expected["katz_other" + suffix]))
            expectClose(
                try graph.katzCentrality(alpha: other, weighted: weighted), otherValues, tolerance: 1e-8,
                "\(name) katz alpha \(other)\(suffix)")
        }
    }

    /// Above the bound 1/lambda_max the series diverges: the error fires and names the bound; just below it
    /// the iteration converges.
    @Test(arguments: ReferenceGraph.names)
    func divergenceIsDetected(name: String) throws {
        let reference = try ReferenceGraph(name)
        let graph = try reference.graph(weighted: true)
        let expected = try SpectralFixture.expected(name)
        for (suffix, weighted) in [("", false), ("_weighted", true)] {
            let rho = SpectralFixture.number(expected["spectral_radius" + suffix])
            guard rho > 0 else {
                // A DAG: every alpha converges (the series is finite).
                #expect(try graph.katzCentrality(alpha: 1000, weighted: weighted).allSatisfy { $0.isFinite })
                continue
            }
            let bound = 1 / rho
            for factor in [1.001, 1.5, 10] {
                do {
                    _ = try graph.katzCentrality(alpha: factor * bound, weighted: weighted)
                    Issue.record("\(name)\(suffix): alpha \(factor) x bound should diverge")
                } catch let error {
                    let admissible = try #require(error.katzAlphaBound, "\(error)")
                    expectClose(admissible, bound, tolerance: 1e-8, "\(name)\(suffix) bound")
                    #expect(error.description.contains("diverges"))
                }
            }
            let below = try graph.katzCentrality(alpha: 0.95 * bound, weighted: weighted, maxIterations: 100_000)
            #expect(below.allSatisfy { $0.isFinite && $0 >= 0 })
        }
    }

    @Test func smallCasesByHand() throws {
        var path = CSRGraphBuilder(nodeCount: 3, isDirected: true)
        try path.addEdge(0, 1)
        try path.addEdge(1, 2)
        expectClose(try path.build().katzCentrality(normalized: false), [1, 1.1, 1.11], tolerance: 1e-12)
        #expect(try CSRGraphBuilder(nodeCount: 0, isDirected: true).build().katzCentrality() == [])
        let karate = try ReferenceGraph("karate").graph(weighted: false)
        #expect(throws: CentralityError.self) { try karate.katzCentrality(beta: [1, 2]) }
        #expect(throws: CentralityError.self) { try karate.katzCentrality(alpha: .nan) }
    }

    @Test(arguments: ReferenceGraph.names)
    func allOnesWeightsEqualUnweighted(name: String) throws {
        let reference = try ReferenceGraph(name)
        let ones = try SpectralFixture.allOnes(reference)
        let plain = try reference.graph(weighted: false)
        expectClose(try ones.katzCentrality(alpha: 0.05, weighted: true), try plain.katzCentrality(alpha: 0.05),
                    tolerance: 1e-15, name)
    }

    @Test(arguments: ReferenceGraph.names)
    func relabellingPermutesScores(name: String) throws {
        let reference = try ReferenceGraph(name)
        let permutation = SpectralFixture.permutation(reference.nodes.count)
        let original = try reference.graph(weighted: false).katzCentrality(alpha: 0.05)
        let relabelled = try SpectralFixture.relabelled(reference, weighted: false, permutation: permutation)
        expectClose(try relabelled.katzCentrality(alpha: 0.05), SpectralFixture.permute(original, permutation),
                    tolerance: 1e-10, name)
    }

    @Test func parallelEqualsSerialExactly() throws {
        let graph = try SpectralFixture.largeRandomGraph(weighted: true)
        for weighted in [false, true] {
            #expect(
                try graph.katzCentrality(alpha: 0.01, weighted: weighted, parallel: false)
                    == graph.katzCentrality(alpha: 0.01, weighted: weighted, parallel: true))
        }
    }
}
