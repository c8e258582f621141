import EcoGraphAnalysis
import EcoGraphTestSupport
import Testing

@Suite struct CentralityAnalysisTests {
    /// a -> b (1), b -> c (2), c -> a (1), c -> d (0.5).
    private func triangle() throws -> LoadedGraph { try LoadedGraph.load(path: Fixtures.path("cli/triangle.txt")) }

    private func scores(_ ranking: CentralityRanking) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: ranking.scores.map { ($0.id + ($0.target.map { "->" + $0 } ?? ""), $0.score) })
    }

    @Test func scoresAreKeyedByIDAndMatchNetworkX() throws {
        // Expected values: networkx 3.6.1 (pagerank with tol=1e-14).
        let g = try triangle()
        let pagerank = try g.centrality(.pagerank)
        #expect(pagerank.scores.map(\.id) == ["c", "b", "a", "d"])
        #expect(pagerank.scores.map(\.rank) == [1, 2, 3, 3])  // a and d tie exactly
        let expected = ["a": 0.21376215407628857, "b": 0.2646222887060541, "c": 0.30785340314136866, "d": 0.21376215407628857]
        for (id, value) in scores(pagerank) { expectClose(value, expected[id]!, tolerance: 1e-10, id) }
        let weighted = try g.centrality(.pagerank, options: CentralityOptions(weighted: true))
        #expect(weighted.weighted)
        let expectedWeighted = ["a": 0.24762374891072766, "b": 0.28187601686421176, "c": 0.3109904446246531, "d": 0.1595097896004074]
        for (id, value) in scores(weighted) { expectClose(value, expectedWeighted[id]!, tolerance: 1e-10, id) }
        let edges = try g.centrality(.edgeBetweenness)
        let expectedEdges = ["a->b": 1.0 / 3, "b->c": 0.41666666666666663, "c->a": 0.25, "c->d": 0.25]
        #expect(edges.scores.first?.id == "b" && edges.scores.first?.target == "c")
        for (id, value) in scores(edges) { expectClose(value, expectedEdges[id]!, tolerance: 1e-12, id) }
        let closeness = try g.centrality(.closeness)
        #expect(closeness.scores.first?.id == "d")
        expectClose(closeness.scores[0].score, 0.5, tolerance: 1e-12)
    }

    @Test func withoutWeightedEveryMeasureIgnoresWeights() throws {
        let g = try triangle()
        let unweighted = LoadedGraph(table: GraphTable(isDirected: true, nodeIDs: g.table.nodeIDs, sources: g.table.sources, targets: g.table.targets), name: "u")
        for measure in CentralityMeasure.allCases where measure != .eigenvector {
            let a = try g.centralityScores(measure)
            let b = try unweighted.centralityScores(measure)
            #expect(a == b, "\(measure)")
        }
    }

    @Test func undefinedMeasuresAndBadParametersAreClearErrors() throws {
        let g = try triangle()
        let katz = try #require(throws: AnalysisError.self) { try g.centrality(.katz, options: CentralityOptions(alpha: 1.5)) }
        #expect(katz.description.contains("diverges") && katz.description.contains("alpha"))
        let samples = try #require(throws: AnalysisError.self) { try g.centrality(.betweenness, options: CentralityOptions(samples: 9)) }
        #expect(samples.description.contains("between 1 and the number of nodes (4)"))
        let damping = try #require(throws: AnalysisError.self) { try g.centrality(.pagerank, options: CentralityOptions(alpha: 2)) }
        #expect(damping.description.contains("[0, 1]"))
        let dag = try LoadedGraph(ecosystem: EcosystemFile.read(contentsOf: Fixtures.path("ecosystems/small.yaml")))
        let eigen = try #require(throws: AnalysisError.self) { try dag.centrality(.eigenvector) }
        #expect(eigen.description.contains("without cycles"))
    }

    @Test func theDependencyViewRanksWhatIsDependedUpon() throws {
        let eco = try EcosystemFile.read(contentsOf: Fixtures.path("ecosystems/small.yaml"))
        let g = LoadedGraph(ecosystem: eco, view: .dependency)
        let ranking = try g.centrality(.inDegree)
        // model-a is adopted by far and (as developer) depended on by nothing else: in-degree 1; lab-a and
        // torch and hub each have one dependent; home has one (lab-a).
        let inDegree = scores(ranking)
        expectClose(inDegree["model-a"]!, 0.1, tolerance: 1e-15)
        expectClose(inDegree["far"]!, 0, tolerance: 1e-15)
        #expect(ranking.scores.first { $0.id == "lab-b" }?.kind == "institute")
        #expect(ranking.scores.first { $0.id == "lab-a" }?.label == "Lab A (实验室)")
    }

    @Test func sampledBetweennessIsDeterministicAndScaled() throws {
        let g = try LoadedGraph.load(path: Fixtures.path("cli/triangle.txt"))
        let options = CentralityOptions(samples: 4, seed: 3)
        // Sampling every source is the exact measure (scaled by n / k = 1).
        let exact = try g.centralityScores(.betweenness)
        let sampled = try g.centralityScores(.betweenness, options: options)
        for (a, b) in zip(sampled, exact) { expectClose(a, b, tolerance: 1e-12) }
        let two = CentralityOptions(samples: 2, seed: 11)
        #expect(try g.centralityScores(.betweenness, options: two) == g.centralityScores(.betweenness, options: two))
    }
}
