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

/// The bundled map's dates (issue 11): every restriction's scope and start, the Korean suspension's lifting,
/// and snapshots that hold only what existed on their day.
@Suite struct BundledDatesTests {
    private static let eco = try! Ecosystem.bundled()

    private func day(_ text: String) -> EcoDate { EcoDate(text)! }

    /// Every restriction of the map with the scope and the day it took effect, as its sources give them
    /// (Graphs/CHANGES.md lists the source of each), and the day it was lifted.
    private static let restrictions: [String: (scope: String, since: String, lifted: String?)] = [
        "us-bis-2022-10-a100": ("jurisdiction", "2022-10-07", nil),
        "us-bis-2022-10-h100": ("jurisdiction", "2022-10-07", nil),
        "us-bis-2023-10-h800": ("jurisdiction", "2023-11-17", nil),
        "us-2025-04-h20": ("jurisdiction", "2025-04-09", nil),
        "us-bis-2024-12-hbm": ("jurisdiction", "2024-12-02", nil),
        "us-bis-2023-10-duv": ("jurisdiction", "2023-11-17", nil),
        "us-entity-list-2019-huawei": ("entity", "2019-05-16", nil),
        "us-entity-list-2020-smic": ("entity", "2020-12-18", nil),
        "us-entity-list-2025-zhipu": ("entity", "2025-01-16", nil),
        "us-bis-2025-05-ascend-910b": ("jurisdiction", "2025-05-13", nil),
        "us-bis-2025-05-ascend-910c": ("jurisdiction", "2025-05-13", nil),
        "nl-2023-09-duv": ("jurisdiction", "2023-09-01", nil),
        "nl-euv-licence": ("jurisdiction", "2019", nil),
        "china-2025-h20-guidance": ("jurisdiction", "2025-07-31", nil),
        "eu-countries-ban-deepseek": ("jurisdiction", "2025-01-30", nil),
        "it-garante-2025-01-deepseek": ("jurisdiction", "2025-01-30", nil),
        "kr-pipc-2025-02-deepseek": ("app-stores", "2025-02-15", "2025-04-28"),
        "tw-2025-01-deepseek": ("government-devices", "2025-01-31", nil),
        "au-2025-02-deepseek": ("government-devices", "2025-02-04", nil),
        "tx-2025-01-deepseek": ("government-devices", "2025-01-28", nil),
        "in-2025-01-deepseek": ("government-devices", "2025-01-29", nil),
    ]

    @Test func everyRestrictionHasAKnownScopeAndTheDayItTookEffect() throws {
        let eco = Self.eco
        let schema = eco.schema
        let restrictions = eco.edges.filter { schema.edgeKind($0.kind)?.restriction != nil }
        #expect(Set(restrictions.compactMap(\.id)) == Set(Self.restrictions.keys))
        for edge in restrictions {
            let id = try #require(edge.id)
            let expected = try #require(Self.restrictions[id])
            #expect(edge.scope.map(RestrictionScope.known.contains) == true, "\(id): scope \(edge.scope ?? "none")")
            #expect(edge.scope == expected.scope, "\(id)")
            #expect(edge.lifetime.since == day(expected.since), "\(id)")
            #expect(edge.lifetime.until == nil, "\(id)")
            #expect(edge.lifted == expected.lifted.map(day), "\(id)")
        }
        // Valid, and nothing for a curator to look at: no restriction without a known scope.
        #expect(eco.validate().isEmpty)
        #expect(eco.warnings().isEmpty)
    }

    /// Whom the dependency view reaches from a node, walked here from the ecosystem's own edges and kind
    /// roles (not through `LoadedGraph`), leaving out the dependency edges `cut`.
    private func reach(from start: String, in eco: Ecosystem, cutting cut: Set<EdgeRef> = []) -> Set<String> {
        var next: [String: [String]] = [:]
        let schema = eco.schema
        for edge in eco.edges {
            guard let dependent = schema.edgeKind(edge.kind)?.dependent else { continue }
            let (u, v) = dependent == .source ? (edge.from, edge.to) : (edge.to, edge.from)
            if !cut.contains(EdgeRef(from: u, to: v)) { next[u, default: []].append(v) }
        }
        var seen: Set<String> = [start], stack = [start]
        while let u = stack.popLast() {
            for v in next[u, default: []] where seen.insert(v).inserted { stack.append(v) }
        }
        seen.remove(start)
        return seen
    }

    @Test func theKoreanSuspensionIsLiftedInTheRecordAndInForceOnThe1stOfMarch2025() throws {
        let korea = Scenario(name: "korea", apply: ["kr-pipc-2025-02-deepseek"])
        // The whole record: lifted on 2025-04-28, so not applied.
        let record = try LoadedGraph(ecosystem: Self.eco).whatIf(korea)
        #expect(record.skipped.map(\.id) == ["kr-pipc-2025-02-deepseek"])
        #expect(record.skipped.map(\.reason) == [.lifted(day("2025-04-28"))])
        #expect(record.cutDependencies.isEmpty && record.lostPairs == 0 && record.affected.isEmpty)

        // As of 1 March 2025 (and the last day before the lifting) it is in force: South Korea loses the app
        // and what it reached only through it.
        for asOf in ["2025-03-01", "2025-04-27"] {
            let filter = FactFilter(asOf: day(asOf))
            let result = try LoadedGraph(ecosystem: Self.eco, filter: filter).whatIf(korea)
            #expect(result.skipped.isEmpty)
            let cut = EdgeRef(from: "south-korea", to: "deepseek-app")
            #expect(result.cutDependencies.map(\.description) == [cut.description])
            let snapshot = Self.eco.filtered(filter)
            let lost = reach(from: "south-korea", in: snapshot).subtracting(reach(from: "south-korea", in: snapshot, cutting: [cut]))
            #expect(lost.contains("deepseek-app") && lost.contains("deepseek-r1") && lost.contains("china"))
            #expect(result.affected.map(\.id) == ["south-korea"])
            #expect(result.affected.first.map { Set($0.lost) } == lost)
            #expect(result.lostPairs == lost.count)
        }
        // Before the suspension and from the lifting on: not in force, and said why.
        let before = try LoadedGraph(ecosystem: Self.eco, filter: FactFilter(asOf: day("2025-02-14"))).whatIf(korea)
        #expect(before.lostPairs == 0 && before.skipped.map(\.id) == ["kr-pipc-2025-02-deepseek"])
        let after = try LoadedGraph(ecosystem: Self.eco, filter: FactFilter(asOf: day("2025-04-28"))).whatIf(korea)
        #expect(after.lostPairs == 0 && after.skipped.first?.reason == .lifted(day("2025-04-28")))
    }

    @Test func theMapChangesOnSortedDaysThatIncludeItsRulesAndReleases() {
        let dates = Self.eco.changeDates
        #expect(!dates.isEmpty)
        #expect(zip(dates, dates.dropFirst()).allSatisfy { $0 < $1 })
        for expected in ["2016-08", "2022-10-07", "2024-09-19", "2025-02-15", "2025-04-28"] {
            #expect(dates.contains(day(expected)), "\(expected)")
        }
        // Exactly the dates the file names in lifetimes and liftings.
        let named = Set(Self.eco.nodes.flatMap { [$0.lifetime.since, $0.lifetime.until] }.compactMap { $0 })
            .union(Self.eco.edges.flatMap { [$0.lifetime.since, $0.lifetime.until, $0.lifted] }.compactMap { $0 })
        #expect(Set(dates) == named && dates.count == named.count)
    }

    @Test func aSnapshotHoldsOnlyWhatHadBeenReleasedByItsDay() throws {
        let eco = Self.eco
        let early = eco.snapshot(on: day("2019-01"))
        let start = day("2019-01").firstDay
        let models = early.nodes.filter { $0.kind == "model" }
        #expect(models.allSatisfy { ($0.lifetime.since?.firstDay ?? Int.min) <= start })
        #expect(models.isEmpty)  // every model of the map is dated, the earliest in 2023
        let ids = Set(early.nodes.map(\.id))
        #expect(ids.isSuperset(of: ["paddlepaddle", "cuda", "waic", "nvidia", "china"]))  // 2016-08, 2007, 2018, undated
        #expect(ids.isDisjoint(with: ["nvidia-a100", "mindspore", "modelscope", "qwen3"]))  // 2020-05, 2020-03-28, ...
        #expect(early.edges.allSatisfy { ids.contains($0.from) && ids.contains($0.to) })
        #expect(early.validate().isEmpty)

        // Metamorphic: every dated node is in the snapshot of its first day and not in that of the day before.
        for node in eco.nodes {
            guard let since = node.lifetime.since else { continue }
            #expect(eco.snapshot(on: since).nodes.contains { $0.id == node.id }, "\(node.id) on \(since)")
            #expect(!eco.snapshot(on: EcoDate(dayNumber: since.firstDay - 1)).nodes.contains { $0.id == node.id }, "\(node.id) before \(since)")
        }
    }
}
