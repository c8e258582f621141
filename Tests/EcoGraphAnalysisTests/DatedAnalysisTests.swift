import EcoGraphAnalysis
import EcoGraphTestSupport
import Testing

/// The fact filter through the analysis layer: snapshots, confidence floors and inferred facts against the
/// same analyses of ecosystems filtered by hand; scenarios that name restrictions not in force.
@Suite("Dated analyses: snapshots and filters")
struct DatedAnalysisTests {
    @Test("an ecosystem's snapshot table is the table's snapshot: projection and snapshot commute")
    func snapshotsCommute() throws {
        var rng = SeededRandom(state: 5)
        for _ in 0 ..< 40 {
            let eco = RandomHistory.ecosystem(&rng, nodes: 10, edges: 25)
            let day = EcoDate(year: 2014 + rng.below(13), month: 1 + rng.below(12))!
            let whole = eco.graphTable()
            let (snapshotOfTable, keptNodes, _) = whole.snapshot(on: day)
            let tableOfSnapshot = eco.snapshot(on: day).graphTable()
            #expect(snapshotOfTable.nodeIDs == tableOfSnapshot.nodeIDs)
            #expect(snapshotOfTable.sources == tableOfSnapshot.sources && snapshotOfTable.targets == tableOfSnapshot.targets)
            #expect(snapshotOfTable.edgeKinds == tableOfSnapshot.edgeKinds && snapshotOfTable.weights == tableOfSnapshot.weights)
            #expect(keptNodes.map { whole.nodeIDs[$0] } == tableOfSnapshot.nodeIDs)
        }
    }

    @Test("an analysis of the map as of a day equals the analysis of the ecosystem filtered by hand to that day")
    func asOfEqualsHandFiltered() throws {
        var rng = SeededRandom(state: 23)
        for _ in 0 ..< 30 {
            let eco = RandomHistory.ecosystem(&rng, nodes: 14, edges: 40)
            let filter = FactFilter(asOf: EcoDate(year: 2014 + rng.below(13), month: 1 + rng.below(12)),
                                    minConfidence: [0, 0.5][rng.below(2)], excludeInferred: rng.below(2) == 0)
            let day = filter.asOf!.firstDay
            func alive(_ l: Lifetime) -> Bool { (l.since?.firstDay ?? .min) <= day && day < (l.until?.firstDay ?? .max) }
            var byHand = eco
            byHand.nodes = eco.nodes.filter { alive($0.lifetime) && $0.confidence >= filter.minConfidence && !(filter.excludeInferred && $0.inferred) }
            let ids = Set(byHand.nodes.map(\.id))
            byHand.edges = eco.edges.filter {
                alive($0.lifetime) && ($0.lifted.map { day < $0.firstDay } ?? true) && $0.confidence >= filter.minConfidence
                    && !(filter.excludeInferred && $0.inferred) && ids.contains($0.from) && ids.contains($0.to)
            }
            let filtered = LoadedGraph(ecosystem: eco, filter: filter)
            let handmade = LoadedGraph(ecosystem: byHand)
            #expect(filtered.table.nodeIDs == handmade.table.nodeIDs)
            let a = try filtered.chokepoints(), b = try handmade.chokepoints()
            #expect(a.chokepoints.map { "\($0.id)=\($0.impact)" } == b.chokepoints.map { "\($0.id)=\($0.impact)" })
            let p = try filtered.centrality(.pagerank), q = try handmade.centrality(.pagerank)
            #expect(p.scores.map(\.id) == q.scores.map(\.id) && p.scores.map(\.score) == q.scores.map(\.score))
            // The record is kept whole, and refiltering to everything gives the whole map back.
            #expect(filtered.record == eco && filtered.refiltered(.everything).table == LoadedGraph(ecosystem: eco).table)
        }
    }

    private func restrictions() -> Ecosystem {
        Ecosystem(nodes: [
            EcosystemNode(id: "us", kind: "state"), EcosystemNode(id: "kr", kind: "country"),
            EcosystemNode(id: "cn", kind: "state"),
            EcosystemNode(id: "app", kind: "technology", attributes: ["country": .string("cn")]),
            EcosystemNode(id: "chip", kind: "technology", attributes: ["country": .string("us")], lifetime: Lifetime(since: EcoDate("2020"))),
        ], edges: [
            EcosystemEdge(from: "kr", to: "app", kind: "adopts"),
            EcosystemEdge(from: "app", to: "chip", kind: "builds_on", confidence: 0.5, inferred: true),
            EcosystemEdge(id: "kr-ban", from: "kr", to: "app", kind: "bans", targets: ["kr"], lifetime: Lifetime(since: EcoDate("2025-02-17")),
                          scope: "app-stores", lifted: EcoDate("2025-04-28")),
            EcosystemEdge(id: "us-ctl", from: "us", to: "chip", kind: "export_controls", targets: ["cn"], lifetime: Lifetime(since: EcoDate("2022-10-07")),
                          scope: "jurisdiction"),
        ])
    }

    @Test("a scenario applies only the restrictions in force, and says why it leaves the others out")
    func scenariosSkipRestrictionsNotInForce() throws {
        let scenario = Scenario(name: "both", apply: ["kr-ban", "us-ctl"])
        func run(_ filter: FactFilter) throws -> (lost: [String], skipped: [String]) {
            let result = try LoadedGraph(ecosystem: restrictions(), filter: filter).whatIf(scenario)
            return (result.affected.map { "\($0.id):\($0.lost.joined(separator: "+"))" }, result.skipped.map(\.description))
        }
        // The whole record: the ban was lifted; the export control cuts the app (at home in cn) off the chip.
        let record = try run(.everything)
        #expect(record.skipped == ["kr-ban: lifted on 2025-04-28"])
        #expect(record.lost == ["app:chip", "kr:chip"])
        // In force: both apply; kr loses the app and, through it, the chip.
        let march = try run(FactFilter(asOf: EcoDate("2025-03")))
        #expect(march.skipped.isEmpty)
        #expect(march.lost == ["kr:app+chip", "app:chip"])
        #expect(try run(FactFilter(asOf: EcoDate("2025-04-28"))).skipped == ["kr-ban: lifted on 2025-04-28"])
        #expect(try run(FactFilter(asOf: EcoDate("2021"))).skipped == ["kr-ban: not yet in effect on 2021 (since 2025-02-17)",
                                                                       "us-ctl: not yet in effect on 2021 (since 2022-10-07)"])
        // Before the chip exists, the control's item is not on the map either.
        #expect(try run(FactFilter(asOf: EcoDate("2019"))).skipped.last == "us-ctl: not yet in effect on 2019 (since 2022-10-07)")
        // Filters that drop the inferred, half-sure dependency leave the control nothing to cut.
        let sure = try run(FactFilter(asOf: EcoDate("2025-03"), excludeInferred: true))
        #expect(sure.lost == ["kr:app"])
        #expect(try run(FactFilter(minConfidence: 0.6)).lost.isEmpty)
        // An unknown id is still an error, whatever the filter.
        #expect(throws: AnalysisError.self) { _ = try LoadedGraph(ecosystem: restrictions(), filter: FactFilter(asOf: EcoDate("2021"))).whatIf(Scenario(name: "x", apply: ["nope"])) }
    }

    @Test("an OR-group keeps the members that stay: the cascade reads the group of survivors")
    func orGroupsStayConsistent() throws {
        let eco = Ecosystem(nodes: [
            EcosystemNode(id: "m", kind: "model"), EcosystemNode(id: "a", kind: "technology"),
            EcosystemNode(id: "b", kind: "technology"), EcosystemNode(id: "c", kind: "technology"),
        ], edges: [
            EcosystemEdge(from: "m", to: "a", kind: "builds_on", alternatives: "compute"),
            EcosystemEdge(from: "m", to: "b", kind: "builds_on", alternatives: "compute", inferred: true),
            EcosystemEdge(from: "m", to: "c", kind: "builds_on"),
        ])
        let lose = Scenario(name: "no a", removeNodes: ["a"])
        // With b, losing a is survivable; without the inferred b, the group has only a, and m fails.
        let all = try LoadedGraph(ecosystem: eco).whatIf(lose, options: ChokepointOptions(model: .cascade))
        let stated = try LoadedGraph(ecosystem: eco, filter: FactFilter(excludeInferred: true)).whatIf(lose, options: ChokepointOptions(model: .cascade))
        #expect(all.affected.isEmpty)
        #expect(stated.affected.map(\.id) == ["m"])
    }
}
