import EcoGraphAnalysis
import EcoGraphTestSupport
import Foundation
import Testing

@Suite struct BundledEcosystemTests {
    @Test func theBundledGraphIsTheOneInGraphs() throws {
        let shipped = try String(contentsOfFile: Ecosystem.bundledPath(), encoding: .utf8)
        let curated = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Graphs/china-open-source-ai.yaml"), encoding: .utf8)
        #expect(shipped == curated)
    }

    @Test func loadsCleanAndIsRichEnough() throws {
        let eco = try Ecosystem.bundled()
        #expect(eco.nodes.count >= 60)
        #expect(eco.edges.count >= 120)
        let kinds = Set(eco.nodes.map(\.kind))
        for kind in Schema.builtIn.nodeKinds.map(\.id) { #expect(kinds.contains(kind), "no node of kind \(kind)") }
    }

    @Test func everyNodeAndEdgeCitesASource() throws {
        let eco = try Ecosystem.bundled()
        for node in eco.nodes { #expect(!node.sources.isEmpty, "node \(node.id) has no source") }
        for edge in eco.edges { #expect(!edge.sources.isEmpty, "edge \(edge.from) -> \(edge.to) has no source") }
        // The seed document's lines are cited as seed:L<n>; every cited line exists in it.
        let seed = Fixtures.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/seed/000_2203733937e6a448.txt")
        if let text = try? String(contentsOf: seed, encoding: .utf8) {
            let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
            let cited = (eco.nodes.flatMap(\.sources) + eco.edges.flatMap(\.sources)).filter { $0.hasPrefix("seed:") }
            #expect(!cited.isEmpty)
            for source in cited {
                for line in source.dropFirst(5).split(separator: "-") {
                    #expect(Int(line.dropFirst())! <= lineCount, "\(source) is past the seed's \(lineCount) lines")
                }
            }
        }
    }
}

@Suite struct ProjectionTests {
    private func small() throws -> Ecosystem { try EcosystemFile.read(contentsOf: Fixtures.path("ecosystems/small.yaml")) }

    @Test func theDependencyViewOrientsEdgesFromDependentToDependency() throws {
        let eco = try small()
        let table = eco.graphTable(view: .dependency)
        let pairs = (0 ..< table.edgeCount).map { "\(table.nodeIDs[Int(table.sources[$0])])->\(table.nodeIDs[Int(table.targets[$0])])" }
        #expect(pairs == [
            "model-a->lab-a", "model-b->lab-b", "model-a->torch", "model-b->gpu", "model-a->hub",
            "far->model-a", "far->model-b", "lab-a->home",
        ])
        #expect(table.weights?[2] == 2)
    }

    @Test func statisticsMatchNetworkX() throws {
        // Values from networkx 3.6.1: G = nx.MultiDiGraph(edges of small.yaml); D = nx.DiGraph(G).
        let stats = try small().statistics
        #expect(stats.nodes == 11 && stats.edges == 14 && stats.distinctEdges == 13)
        #expect(stats.weaklyConnectedComponents == 1 && stats.stronglyConnectedComponents == 11)
        expectClose(stats.density, 13.0 / 110.0, tolerance: 1e-15)
        #expect(stats.kinds.map(\.kind) == ["company", "model", "state", "institute", "country", "initiative", "technology", "community"])
        #expect(stats.kinds.map(\.count) == [1, 2, 1, 1, 1, 1, 3, 1])
        #expect(stats.edgeKinds.first! == ("develops", 2))
    }
}
