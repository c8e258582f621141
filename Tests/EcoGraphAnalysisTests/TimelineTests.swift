import EcoGraphAnalysis
import EcoGraphTestSupport
import Foundation
import Testing

/// Timelines against per-date snapshots computed independently: the ecosystem filtered by hand
/// (`Ecosystem.snapshot(on:)`), loaded afresh, and analysed as any graph is.
@Suite struct TimelineTests {
    /// A random history: nodes of four kinds with random lifetimes (some undated), dependency edges of three
    /// kinds in both readings (`builds_on` source depends, `develops` target depends), OR-groups, parallel edges
    /// with their own lifetimes and weights, a lifted ban and an influence edge (neither in the dependency view),
    /// random confidences and inferred facts.
    static func history(seed: UInt64, nodes n: Int = 24, edges m: Int = 60) -> Ecosystem {
        var random = SeededRandom(state: seed)
        func lifetime(dated: Int) -> Lifetime {
            guard random.below(100) < dated else { return .always }
            let since = random.below(3) == 0 ? nil : EcoDate(year: 2016 + random.below(8), month: 1 + random.below(12))
            let until = random.below(2) == 0 ? nil : EcoDate(year: 2020 + random.below(8), month: random.below(2) == 0 ? nil : 1 + random.below(12))
            if let since, let until, until <= since { return Lifetime(since: since) }
            return Lifetime(since: since, until: until)
        }
        let kinds = ["model", "technology", "company", "country"]
        var nodes: [EcosystemNode] = []
        for i in 0 ..< n {
            nodes.append(EcosystemNode(
                id: "n\(i)", label: "Node \(i)", kind: kinds[i % 4],
                attributes: i % 5 == 0 ? ["group": .list(["watched"])] : [:],
                inferred: random.below(10) == 0, confidence: [1, 1, 0.8, 0.3][random.below(4)], lifetime: lifetime(dated: 70)))
        }
        var edges: [EcosystemEdge] = []
        for _ in 0 ..< m {
            let u = random.below(n), v = random.below(n)
            let kind = ["builds_on", "develops", "adopts"][random.below(3)]
            edges.append(EcosystemEdge(
                from: "n\(u)", to: "n\(v)", kind: kind, weight: Double(1 + random.below(4)),
                confidence: random.below(5) == 0 ? 0.4 : 1, alternatives: random.below(3) == 0 ? "g\(random.below(2))" : nil,
                inferred: random.below(8) == 0, lifetime: lifetime(dated: 60)))
        }
        // A parallel pair with different lifetimes and weights, a lifted ban and an influence edge.
        edges.append(EcosystemEdge(from: "n1", to: "n2", kind: "builds_on", weight: 3, lifetime: Lifetime(until: EcoDate(year: 2021))))
        edges.append(EcosystemEdge(from: "n1", to: "n2", kind: "builds_on", weight: 7, lifetime: Lifetime(since: EcoDate(year: 2020))))
        edges.append(EcosystemEdge(id: "ban", from: "n3", to: "n0", kind: "bans", lifetime: Lifetime(since: EcoDate(year: 2019)), lifted: EcoDate(year: 2022)))
        edges.append(EcosystemEdge(from: "n2", to: "n0", kind: "partners_with", lifetime: Lifetime(since: EcoDate(year: 2018))))
        return Ecosystem(name: "history \(seed)", nodes: nodes, edges: edges)
    }

    static let dates: [EcoDate] = EcoDate.series(from: EcoDate(year: 2015)!, to: EcoDate(year: 2028)!, step: .year)
        + EcoDate.series(from: EcoDate(year: 2021, month: 2)!, to: EcoDate(year: 2021, month: 9)!, step: .month)

    /// Each node's value on a day's independently loaded snapshot, by id (nil: the measure failed that day).
    private func independent(_ measure: TimelineMeasure, _ ecosystem: Ecosystem, on day: EcoDate, filter: FactFilter = .everything,
                             options: TimelineOptions) throws -> [String: Double]? {
        var dayFilter = filter
        dayFilter.asOf = day
        let snapshot = LoadedGraph(ecosystem: ecosystem, filter: dayFilter)
        switch measure {
        case .centrality(let centrality):
            guard let scores = try? snapshot.centralityScores(centrality, options: options.centrality) else { return nil }
            return Dictionary(uniqueKeysWithValues: scores.enumerated().map { (snapshot.id($0.offset), $0.element) })
        case .impact:
            // The selections are the timeline's (resolved on the whole record), restricted to the day's nodes.
            var dependency = options.dependency
            let alive = Set(snapshot.table.nodeIDs)
            let whole = LoadedGraph(ecosystem: ecosystem, filter: FactFilter(minConfidence: filter.minConfidence, excludeInferred: filter.excludeInferred))
            func restricted(_ selection: NodeSelection) throws -> NodeSelection {
                selection == .all ? .all : .ids(try whole.nodes(in: selection).map(whole.id).filter(alive.contains))
            }
            dependency.consumers = try restricted(dependency.consumers)
            dependency.providers = try restricted(dependency.providers)
            let report = try snapshot.chokepoints(dependency)
            var values = Dictionary(uniqueKeysWithValues: snapshot.table.nodeIDs.map { ($0, 0.0) })
            for entry in report.chokepoints { values[entry.id] = Double(entry.impact) }
            return values
        }
    }

    /// Competition ranks of values, descending, by brute force: 1 + the number of strictly higher values.
    private func ranks(_ values: [String: Double]) -> [String: Int] {
        values.mapValues { v in 1 + values.values.filter { $0 > v }.count }
    }

    private func expectMatchesSnapshots(_ timeline: Timeline, _ ecosystem: Ecosystem, filter: FactFilter = .everything,
                                        tolerance: Double, _ context: String) throws {
        #expect(timeline.dates == Self.dates)
        for (i, day) in timeline.dates.enumerated() {
            let expected = try independent(timeline.measure, ecosystem, on: day, filter: filter, options: timeline.options)
            let got = Dictionary(uniqueKeysWithValues: timeline.nodes.compactMap { node in node.points[i].map { (node.id, $0) } })
            guard let expected else {
                #expect(timeline.snapshots[i].failure != nil && got.isEmpty, "\(context) \(day): the snapshot fails, the timeline does not")
                continue
            }
            #expect(timeline.snapshots[i].failure == nil, "\(context) \(day)")
            #expect(Set(got.keys) == Set(expected.keys), "\(context) \(day): the live nodes")
            let expectedRanks = ranks(expected)
            for (id, value) in expected {
                guard let point = got[id] else { continue }
                if tolerance == 0 {
                    #expect(point.value == value, "\(context) \(day) \(id)")
                } else {
                    expectClose(point.value, value, tolerance: tolerance, "\(context) \(day) \(id)")
                }
                // Ranks compare exactly when values do; otherwise a near-tie may order either way.
                if tolerance == 0 || point.value == value { #expect(point.rank == expectedRanks[id], "\(context) \(day) \(id) rank") }
            }
            let live = LoadedGraph(ecosystem: ecosystem, filter: { var f = filter; f.asOf = day; return f }())
            #expect(timeline.snapshots[i].nodeCount == live.nodeCount && timeline.snapshots[i].edgeCount == live.table.edgeCount, "\(context) \(day)")
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func impactEqualsTheImpactOfEachSnapshotExactly(seed: UInt64) throws {
        let ecosystem = Self.history(seed: seed)
        let graph = LoadedGraph(ecosystem: ecosystem)
        let selections: [(NodeSelection, NodeSelection, ImpactModel)] = [
            (.all, .all, .reach), (NodeSelection("country"), NodeSelection("model"), .reach),
            (NodeSelection("group:watched"), .all, .reach), (.all, .all, .cascade),
        ]
        for (consumers, providers, model) in selections {
            let options = TimelineOptions(dependency: ChokepointOptions(consumers: consumers, providers: providers, model: model))
            let timeline = try graph.timeline(measure: .impact, dates: Self.dates, options: options)
            try expectMatchesSnapshots(timeline, ecosystem, tolerance: 0, "seed \(seed) \(consumers)/\(providers)/\(model)")
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func everyNodeMeasureEqualsItsValueOnEachSnapshot(seed: UInt64) throws {
        let ecosystem = Self.history(seed: seed)
        let graph = LoadedGraph(ecosystem: ecosystem)
        for case .centrality(let measure) in TimelineMeasure.all {
            let options = TimelineOptions(centrality: CentralityOptions(weighted: measure == .pagerank))
            let timeline = try graph.timeline(measure: .centrality(measure), dates: Self.dates, options: options)
            try expectMatchesSnapshots(timeline, ecosystem, tolerance: 1e-12, "seed \(seed) \(measure)")
        }
    }

    @Test func aConfidenceFloorAppliesOnEveryDateAndAnAsOfDayIsIgnored() throws {
        let ecosystem = Self.history(seed: 9)
        let filter = FactFilter(minConfidence: 0.5, excludeInferred: true)
        let timeline = try LoadedGraph(ecosystem: ecosystem, filter: filter).timeline(measure: .centrality(.pagerank), dates: Self.dates)
        try expectMatchesSnapshots(timeline, ecosystem, filter: filter, tolerance: 1e-12, "confidence floor")
        var asOf = filter
        asOf.asOf = EcoDate(year: 2020)
        #expect(try LoadedGraph(ecosystem: ecosystem, filter: asOf).timeline(measure: .centrality(.pagerank), dates: Self.dates) == timeline)
    }

    @Test func aSnapshotIsReusedExactlyWhenItsNodesAndEdgesEqualThePreviousDates() throws {
        let ecosystem = Self.history(seed: 4)
        let timeline = try LoadedGraph(ecosystem: ecosystem).timeline(measure: .centrality(.degree), dates: Self.dates)
        func facts(_ day: EcoDate) -> [String] {
            let graph = LoadedGraph(ecosystem: ecosystem, filter: FactFilter(asOf: day))
            return graph.table.nodeIDs + (0 ..< graph.table.edgeCount).map { e in
                "\(graph.table.sources[e])>\(graph.table.targets[e])/\(graph.table.weights![e])"
            }
        }
        var reused = 0
        for i in timeline.dates.indices.dropFirst() {
            let same = facts(timeline.dates[i]) == facts(timeline.dates[i - 1])
            if same {
                reused += 1
                let source = try #require(timeline.snapshots[i].sameAs)
                #expect(timeline.snapshots[i - 1].sameAs ?? (i - 1) == source, "\(timeline.dates[i])")
            } else {
                #expect(timeline.snapshots[i].sameAs == nil, "\(timeline.dates[i])")
            }
        }
        #expect(reused > 0, "the monthly dates of 2021 repeat snapshots")
        #expect(timeline.snapshots[0].sameAs == nil)
    }

    @Test func aFileWithoutDatesGivesTheSameValuesOnEveryDate() throws {
        var ecosystem = Self.history(seed: 5)
        for i in ecosystem.nodes.indices { ecosystem.nodes[i].lifetime = .always }
        for i in ecosystem.edges.indices { ecosystem.edges[i].lifetime = .always; ecosystem.edges[i].lifted = nil }
        let graph = LoadedGraph(ecosystem: ecosystem)
        for measure in [TimelineMeasure.impact, .centrality(.pagerank), .centrality(.betweenness)] {
            let timeline = try graph.timeline(measure: measure, dates: Self.dates)
            let whole: [Double]
            switch measure {
            case .impact:
                let report = try graph.chokepoints()
                var values = [Double](repeating: 0, count: graph.nodeCount)
                for entry in report.chokepoints { values[entry.node] = Double(entry.impact) }
                whole = values
            case .centrality(let centrality):
                whole = try graph.centralityScores(centrality)
            }
            #expect(timeline.nodes.map(\.id) == graph.table.nodeIDs)
            for (k, node) in timeline.nodes.enumerated() {
                #expect(node.points.allSatisfy { $0 == node.points[0] }, "\(measure) \(node.id)")
                #expect(node.points[0]?.value == whole[k], "\(measure) \(node.id)")
            }
            #expect(timeline.snapshots.dropFirst().allSatisfy { $0.sameAs == 0 })
        }
    }

    @Test func parallelEqualsSerialByteForByte() throws {
        let graph = LoadedGraph(ecosystem: Self.history(seed: 7, nodes: 60, edges: 200))
        for measure in [TimelineMeasure.impact, .centrality(.pagerank), .centrality(.closeness), .centrality(.katz)] {
            let parallel = try graph.timeline(measure: measure, dates: Self.dates, options: TimelineOptions(parallel: true))
            let serial = try graph.timeline(measure: measure, dates: Self.dates, options: TimelineOptions(parallel: false))
            #expect(parallel.nodes == serial.nodes && parallel.snapshots == serial.snapshots, "\(measure)")
            #expect(parallel.dates.indices.allSatisfy { parallel.ranked(at: $0) == serial.ranked(at: $0) }, "\(measure)")
            #expect(parallel.outputValue.json == serial.outputValue.json, "\(measure)")
        }
    }

    @Test func rankingsAndTopFollowTheRanks() throws {
        let timeline = try LoadedGraph(ecosystem: Self.history(seed: 3)).timeline(measure: .centrality(.pagerank), dates: Self.dates)
        for date in timeline.dates.indices {
            // By brute force: the nodes with a value, sorted by rank, then id.
            let expected = timeline.nodes.indices.filter { timeline.nodes[$0].points[date] != nil }.sorted { a, b in
                let ra = timeline.nodes[a].points[date]!.rank, rb = timeline.nodes[b].points[date]!.rank
                return ra != rb ? ra < rb : timeline.nodes[a].id < timeline.nodes[b].id
            }
            #expect(timeline.ranked(at: date) == expected)
            #expect(expected.count == timeline.snapshots[date].nodeCount)
        }
        let last = timeline.dates.count - 1
        let latest = timeline.nodes.indices.sorted { a, b in
            let ra = timeline.nodes[a].points[last]?.rank ?? Int.max, rb = timeline.nodes[b].points[last]?.rank ?? Int.max
            return ra != rb ? ra < rb : timeline.nodes[a].id < timeline.nodes[b].id
        }
        #expect(timeline.orderedByLatestRank == latest)
        let top = Set(timeline.top(3))
        let expected = Set(timeline.dates.indices.flatMap { timeline.ranked(at: $0).prefix(3) })
        #expect(top == expected)
    }

    @Test func changeDatesAreTheRecordsOrTheTables() throws {
        let ecosystem = Self.history(seed: 2)
        #expect(LoadedGraph(ecosystem: ecosystem, filter: FactFilter(asOf: EcoDate(year: 2020))).changeDates == ecosystem.changeDates)
        let table = GraphTable(isDirected: true, nodeIDs: ["a", "b"], sources: [0], targets: [1],
                               nodeLifetimes: [Lifetime(since: EcoDate(year: 2021)), .always],
                               edgeLifetimes: [Lifetime(since: EcoDate(year: 2021, month: 6), until: EcoDate(year: 2023))])
        #expect(LoadedGraph(table: table, name: "t").changeDates.map(\.description) == ["2021", "2021-06", "2023"])
        #expect(LoadedGraph(table: GraphTable(isDirected: true, nodeIDs: ["a"], sources: [], targets: []), name: "u").changeDates.isEmpty)
        // A generic table's timeline reads its lifetimes.
        let dates = [2020, 2021, 2022, 2024].map { EcoDate(year: $0)! }
        let timeline = try LoadedGraph(table: table, name: "t").timeline(measure: .centrality(.inDegree), dates: dates)
        #expect(timeline.snapshots.map(\.nodeCount) == [1, 2, 2, 2] && timeline.snapshots.map(\.edgeCount) == [0, 0, 1, 0])
        #expect(timeline.nodes.map(\.id) == ["a", "b"])
        #expect(timeline.nodes[0].points[0] == nil && timeline.nodes[1].points.dropFirst().map { $0?.value } == [0, 1, 0])
        #expect(timeline.snapshots[3].sameAs == nil, "2024 is not 2022's map")
    }

    @Test func anEdgeMeasureOrAnUnknownSelectionIsAnError() throws {
        let graph = LoadedGraph(ecosystem: Self.history(seed: 1))
        #expect(throws: AnalysisError.invalidParameter(.measure, value: "edge-betweenness", expected: "impact or a measure that scores nodes")) {
            try graph.timeline(measure: .centrality(.edgeBetweenness), dates: Self.dates)
        }
        #expect(throws: AnalysisError.unknownNodeKind("robot")) {
            try graph.timeline(measure: .impact, dates: Self.dates, options: TimelineOptions(dependency: ChokepointOptions(consumers: .kind("robot"))))
        }
        #expect(TimelineMeasure(name: "impact") == .impact && TimelineMeasure(name: "in-degree") == .centrality(.inDegree))
        #expect(TimelineMeasure(name: "nope") == nil)
        #expect(!TimelineMeasure.all.contains(.centrality(.edgeBetweenness)))
    }

    @Test func aMeasureFailingOnSomeDatesIsRecordedAndOnEveryDateThrown() throws {
        // A DAG from 2020 (eigenvector centrality is undefined on it) that gains a cycle in 2022.
        let ecosystem = Ecosystem(
            nodes: ["a", "b", "c"].map { EcosystemNode(id: $0, kind: "model") },
            edges: [
                EcosystemEdge(from: "a", to: "b", kind: "builds_on"),
                EcosystemEdge(from: "b", to: "c", kind: "builds_on"),
                EcosystemEdge(from: "c", to: "a", kind: "builds_on", lifetime: Lifetime(since: EcoDate(year: 2022))),
            ])
        let graph = LoadedGraph(ecosystem: ecosystem)
        let dates = EcoDate.series(from: EcoDate(year: 2020)!, to: EcoDate(year: 2023)!, step: .year)
        let timeline = try graph.timeline(measure: .centrality(.eigenvector), dates: dates)
        #expect(timeline.snapshots.map { $0.failure != nil } == [true, true, false, false])
        #expect(timeline.nodes.allSatisfy { $0.points[0] == nil && $0.points[2] != nil })
        #expect(timeline.snapshots[3].sameAs == 2)
        let early = Array(dates.prefix(2))
        #expect(throws: AnalysisError.self) { try graph.timeline(measure: .centrality(.eigenvector), dates: early) }
        // Impact on the chain a → b → c: a loses b and c without b (2), a and b each lose c (2).
        let impact = try graph.timeline(measure: .impact, dates: dates)
        #expect(impact.nodes.map { $0.points[0]?.value } == [0, 2, 2])
        #expect(impact.nodes.map { $0.points[0]?.rank } == [3, 1, 1])
        // On the cycle each node is lost by the two others, and takes the node after it from one of them: 3.
        #expect(impact.nodes.map { $0.points[3]?.value } == [3, 3, 3])
        #expect(impact.nodes.map { $0.points[3]?.rank } == [1, 1, 1])
    }
}
