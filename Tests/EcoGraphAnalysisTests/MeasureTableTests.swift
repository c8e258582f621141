import EcoGraphAnalysis
import EcoGraphTestSupport
import Foundation
import Testing

/// The measure table: each measure's conventions as NetworkX states them, the sweep of every measure, and
/// typed errors that name no command-line flag.
@Suite struct MeasureTableTests {
    private func table(_ edges: [(String, String)], directed: Bool = true) -> LoadedGraph {
        let ids = Array(Set(edges.flatMap { [$0.0, $0.1] })).sorted()
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, Int32($0)) })
        let table = GraphTable(isDirected: directed, nodeIDs: ids, nodeLabels: ids, nodeKinds: nil, nodeKindNames: [],
                               sources: edges.map { index[$0.0]! }, targets: edges.map { index[$0.1]! }, weights: nil,
                               edgeKinds: nil, edgeKindNames: [])
        return LoadedGraph(table: table, name: "t")
    }

    @Test func conventionsFollowNetworkX() {
        let reading = Dictionary(uniqueKeysWithValues: CentralityMeasure.allCases.map { ($0, $0.definition.weights) })
        #expect(reading == [
            .degree: .ignored, .inDegree: .ignored, .outDegree: .ignored, .coreNumber: .ignored,
            .betweenness: .distance, .edgeBetweenness: .distance, .closeness: .distance, .harmonic: .distance,
            .eigenvector: .strength, .pagerank: .strength, .katz: .strength, .hubs: .strength, .authorities: .strength,
        ])
        #expect(CentralityMeasure.allCases.filter(\.needsDirectedGraph) == [.inDegree, .outDegree])
        #expect(CentralityMeasure.allCases.filter(\.scoresEdges) == [.edgeBetweenness])
        #expect(CentralityMeasure.allCases.filter(\.definition.samplesSources) == [.betweenness, .edgeBetweenness])
        let raw = CentralityOptions(normalized: false)
        #expect(CentralityMeasure.allCases.filter { $0.isNormalized(.init()) } == CentralityMeasure.allCases.filter { ![.harmonic, .coreNumber].contains($0) })
        #expect(CentralityMeasure.allCases.filter { !$0.isNormalized(raw) } == [.betweenness, .edgeBetweenness, .harmonic, .katz, .coreNumber])
        #expect(CentralityMeasure.pagerank.definition.alpha?.default == 0.85 && CentralityMeasure.katz.definition.alpha?.default == 0.1)
        #expect(CentralityMeasure.defaultRanking == .pagerank)
        #expect(Set(CentralityMeasure.allCases.map(\.displayName)).count == CentralityMeasure.allCases.count)
    }

    @Test func theDefaultAlphaIsTheTablesAndAnExplicitOneAgrees() throws {
        let g = table([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])
        #expect(try g.centralityScores(.pagerank) == g.centralityScores(.pagerank, options: CentralityOptions(alpha: 0.85)))
        #expect(try g.centralityScores(.katz) == g.centralityScores(.katz, options: CentralityOptions(alpha: 0.1)))
        #expect(try g.centralityScores(.pagerank) != g.centralityScores(.pagerank, options: CentralityOptions(alpha: 0.5)))
    }

    @Test func everyCentralityComputesEachMeasureOnceAndSaysWhyOthersAreMissing() throws {
        // Undirected triangle with a tail: in/out-degree are undefined, everything else is computed.
        let undirected = table([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")], directed: false)
        let sweep = undirected.everyCentrality()
        #expect(sweep.skipped.map(\.measure) == [.inDegree, .outDegree])
        #expect(sweep.skipped.allSatisfy { $0.reason == .needsDirectedGraph })
        #expect(sweep.computed.map(\.measure) == CentralityMeasure.allCases.filter { !$0.needsDirectedGraph && !$0.scoresEdges })
        for (measure, scores) in sweep.computed {
            #expect(try scores == undirected.centralityScores(measure), "\(measure)")
        }
        // NetworkX: degree_centrality of the tailed triangle is [2/3, 2/3, 1, 1/3] (ids a, b, c, d).
        expectClose(try #require(sweep.scores(.degree)), [2.0 / 3, 2.0 / 3, 1, 1.0 / 3], tolerance: 1e-15)
        #expect(undirected.everyCentrality(edges: true).computed.contains { $0.measure == .edgeBetweenness })

        // A DAG: eigenvector centrality is undefined, with the kernel's own reason.
        let dag = table([("a", "b"), ("b", "c")]).everyCentrality()
        let eigenvector = try #require(dag.skipped.first { $0.measure == .eigenvector })
        guard case .failed(.measureFailed(.eigenvector, .centrality(.acyclicGraph))) = eigenvector.reason else {
            Issue.record("expected the kernel's acyclic-graph error, got \(eigenvector.reason)")
            return
        }
    }

    @Test func parameterErrorsAreValuesThatNameNoFlag() throws {
        let g = table([("a", "b"), ("b", "c"), ("c", "a")])
        let samples = try #require(throws: AnalysisError.self) { try g.centralityScores(.betweenness, options: CentralityOptions(samples: 9)) }
        #expect(samples == .invalidParameter(.samples, value: "9", expected: "between 1 and the number of nodes (3)"))
        let damping = try #require(throws: AnalysisError.self) { try g.centralityScores(.pagerank, options: CentralityOptions(alpha: 2)) }
        #expect(damping == .invalidParameter(.alpha, value: "2", expected: "in [0, 1] for PageRank"))
        let katz = try #require(throws: AnalysisError.self) { try g.centralityScores(.katz, options: CentralityOptions(alpha: 1.5)) }
        guard case .measureFailed(.katz, .centrality(.katzDiverges(alpha: 1.5, _))) = katz else {
            Issue.record("expected Katz divergence, got \(katz)")
            return
        }
        let every: [AnalysisError] = [
            samples, damping, katz, .unknownNode("x"), .unknownNodeKind("k"), .unknownGroup("g"), .unresolvedSelection("w"),
            .overlappingSelections(["a"]), .unknownEdgeKind("e"), .noEdgeKinds, .unknownEdgeID("i"), .unknownAttribute("c"),
            .noNodeAttributes, .notARestriction(edgeID: "i", kind: "adopts"), .restrictionsNeedTypedDependencyView,
            .invalidParameter(.top, value: "0", expected: "at least 1"), .invalidParameter(.depth, value: "-1", expected: "0 or more"),
            .scenario(name: "s", .unknownNode("x")),
        ]
        for error in every {
            #expect(!error.description.contains("--"), "\(error.description)")
            #expect(!error.description.contains("\n"))
        }
        #expect(AnalysisError.scenario(name: "s", .scenario(name: "t", .noEdgeKinds)).reason == .noEdgeKinds)
    }
}
