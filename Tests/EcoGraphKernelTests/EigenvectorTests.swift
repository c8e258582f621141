import EcoGraphKernel
import EcoGraphTestSupport
import Foundation
import Testing

@Suite struct EigenvectorTests {
    @Test(arguments: ReferenceGraph.names)
    func matchesNetworkX(name: String) throws {
        let reference = try ReferenceGraph(name)
        let graph = try reference.graph(weighted: true)
        let expected = try SpectralFixture.expected(name)
        for (key, weighted) in [("eigenvector", false), ("eigenvector_weighted", true)] {
            if let values = SpectralFixture.values(expected[key]) {
                let scores = try graph.eigenvectorCentrality(weighted: weighted)
                expectClose(scores, values, tolerance: 1e-8, "\(name) \(key)")
                expectClose(scores.reduce(0) { $0 + $1 * $1 }, 1, tolerance: 1e-12, "\(name) unit norm")
                #expect(scores.allSatisfy { $0 >= 0 })
            } else {
                // NetworkX raised PowerIterationFailedConvergence: we throw too, more specifically on a DAG.
                #expect(SpectralFixture.error(expected[key]) == "PowerIterationFailedConvergence")
                #expect(throws: CentralityError.self) { try graph.eigenvectorCentrality(weighted: weighted) }
            }
        }
    }

    @Test func undefinedCasesThrowTypedErrors() throws {
        let empty = CSRGraphBuilder(nodeCount: 0, isDirected: false).build()
        #expect(throws: CentralityError.emptyGraph(measure: "eigenvector centrality")) {
            try empty.eigenvectorCentrality()
        }
        let dag = try ReferenceGraph("dag").graph(weighted: true)
        #expect(throws: CentralityError.acyclicGraph(measure: "eigenvector centrality")) {
            try dag.eigenvectorCentrality()
        }
        #expect(CentralityError.acyclicGraph(measure: "eigenvector centrality").description.contains("Katz"))
        // Three cycles of spectral radius 1 in a chain: the dominant eigenvalue is shared, no convergence.
        let cycles = try ReferenceGraph("directed_cycles").graph(weighted: false)
        do {
            _ = try cycles.eigenvectorCentrality()
            Issue.record("expected notConverged")
        } catch let error {
            guard case .notConverged(let measure, let iterations, _, _) = error else {
                Issue.record("wrong error \(error)"); return
            }
            #expect(measure == "eigenvector centrality" && iterations == 1000)
        }
    }

    @Test func smallCasesByHand() throws {
        // Star 0 - 1, 0 - 2: (1/sqrt 2, 1/2, 1/2). No edges: 1/sqrt(n).
        var star = CSRGraphBuilder(nodeCount: 3, isDirected: false)
        try star.addEdge(0, 1)
        try star.addEdge(0, 2)
        expectClose(try star.build().eigenvectorCentrality(), [(0.5).squareRoot(), 0.5, 0.5], tolerance: 1e-11)
        let isolated = CSRGraphBuilder(nodeCount: 4, isDirected: true).build()
        #expect(try isolated.eigenvectorCentrality() == [0.5, 0.5, 0.5, 0.5])
    }

    @Test(arguments: ReferenceGraph.names)
    func allOnesWeightsEqualUnweighted(name: String) throws {
        let reference = try ReferenceGraph(name)
        let ones = try SpectralFixture.allOnes(reference)
        let plain = try reference.graph(weighted: false)
        switch (Result { () throws(CentralityError) in try ones.eigenvectorCentrality(weighted: true) },
                Result { () throws(CentralityError) in try plain.eigenvectorCentrality() }) {
        case let (.success(a), .success(b)): expectClose(a, b, tolerance: 1e-15, name)
        case let (.failure(a), .failure(b)): #expect(a == b)
        default: Issue.record("\(name): one failed, the other did not")
        }
    }

    @Test(arguments: ReferenceGraph.names)
    func relabellingPermutesScores(name: String) throws {
        let reference = try ReferenceGraph(name)
        let permutation = SpectralFixture.permutation(reference.nodes.count)
        guard let original = try? reference.graph(weighted: true).eigenvectorCentrality(weighted: true) else { return }
        let relabelled = try SpectralFixture.relabelled(reference, weighted: true, permutation: permutation)
        expectClose(
            try relabelled.eigenvectorCentrality(weighted: true), SpectralFixture.permute(original, permutation),
            tolerance: 1e-10, name)
    }

    @Test func parallelEqualsSerialExactly() throws {
        for weighted in [false, true] {
            let graph = try SpectralFixture.largeRandomGraph(directed: false, weighted: weighted)
            #expect(
                try graph.eigenvectorCentrality(weighted: weighted, parallel: false)
                    == graph.eigenvectorCentrality(weighted: weighted, parallel: true))
        }
    }
}
