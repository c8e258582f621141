import EcoGraphAnalysis
import EcoGraphTestSupport
import Testing

/// Random dated ecosystems (histories) and edits of them, for the diff's property tests.
private enum History {
    static let years = Array(2018 ... 2026)

    static func date(_ rng: inout SeededRandom) -> EcoDate {
        let year = years[rng.below(years.count)]
        switch rng.below(3) {
        case 0: return EcoDate(year: year)!
        case 1: return EcoDate(year: year, month: 1 + rng.below(12))!
        default: return EcoDate(year: year, month: 1 + rng.below(12), day: 1 + rng.below(28))!
        }
    }

    static func lifetime(_ rng: inout SeededRandom) -> Lifetime {
        switch rng.below(4) {
        case 0: return Lifetime(since: date(&rng))
        case 1: return Lifetime(until: date(&rng))
        case 2:
            let a = date(&rng), b = date(&rng)
            return a.firstDay < b.firstDay ? Lifetime(since: a, until: b) : Lifetime(since: b, until: a)
        default: return .always
        }
    }

    /// Nodes `n0 ...` of kinds technology, company and country; dependency edges (builds_on, develops, adopts),
    /// bans (restrictions, some lifted) and influence edges, about a third of everything dated, some edges with
    /// ids, some repeated without.
    static func ecosystem(_ rng: inout SeededRandom, nodes n: Int, edges m: Int) -> Ecosystem {
        let kinds = ["technology", "technology", "company", "country"]
        var eco = Ecosystem(name: "history")
        for i in 0 ..< n {
            eco.nodes.append(EcosystemNode(
                id: "n\(i)", label: "Node \(i)", kind: kinds[rng.below(kinds.count)],
                attributes: rng.below(2) == 0 ? ["year": .number(Double(2018 + rng.below(8)))] : [:],
                sources: ["s\(rng.below(5))"], confidence: [1, 0.5, 0.8][rng.below(3)],
                lifetime: rng.below(3) == 0 ? lifetime(&rng) : .always))
        }
        for e in 0 ..< m {
            let u = rng.below(n), v = rng.below(n)
            var kind: String
            switch (eco.nodes[u].kind, eco.nodes[v].kind) {
            case ("company", "technology"): kind = rng.below(2) == 0 ? "develops" : "builds_on"
            case ("country", "technology"): kind = ["adopts", "adopts", "bans"][rng.below(3)]
            case ("technology", "technology"): kind = "builds_on"
            default: kind = "partners_with"
            }
            var edge = EcosystemEdge(id: rng.below(4) == 0 || kind == "bans" ? "e\(e)" : nil, from: "n\(u)", to: "n\(v)", kind: kind,
                                     weight: Double(1 + rng.below(3)), sources: ["s\(rng.below(5))"],
                                     lifetime: rng.below(3) == 0 ? lifetime(&rng) : .always)
            if kind == "bans" && rng.below(2) == 0 { edge.lifted = date(&rng) }
            eco.edges.append(edge)
            if rng.below(8) == 0 {  // a repeat without id, perhaps with other dates
                var repeatEdge = edge
                repeatEdge.id = nil
                repeatEdge.lifetime = lifetime(&rng)
                eco.edges.append(repeatEdge)
            }
        }
        return eco
    }

    /// An edited copy: some nodes dropped (with their edges), some added, some relabelled or re-attributed,
    /// some edges dropped, added, reweighted, re-dated, or (with an id) moved to other ends.
    static func edited(_ eco: Ecosystem, _ rng: inout SeededRandom) -> Ecosystem {
        var out = eco
        let dropped = Set(eco.nodes.indices.filter { _ in rng.below(10) == 0 }.map { eco.nodes[$0].id })
        out.nodes.removeAll { dropped.contains($0.id) }
        out.edges.removeAll { dropped.contains($0.from) || dropped.contains($0.to) }
        for i in out.nodes.indices {
            switch rng.below(12) {
            case 0: out.nodes[i].label += " (renamed)"
            case 1: out.nodes[i].attributes["year"] = .string("2020")
            case 2: out.nodes[i].sources.append("s9")
            case 3: out.nodes[i].lifetime = lifetime(&rng)
            case 4: out.nodes[i].note = "edited"
            default: break
            }
        }
        for i in 0 ..< 3 { out.nodes.append(EcosystemNode(id: "new\(i)", kind: "technology", sources: ["s1"])) }
        out.edges.removeAll { _ in rng.below(10) == 0 }
        let ids = out.nodes.map(\.id)
        for i in out.edges.indices {
            switch rng.below(10) {
            case 0: out.edges[i].weight += 1
            case 1: out.edges[i].lifetime = lifetime(&rng)
            case 2: out.edges[i].inferred.toggle()
            case 3 where out.edges[i].id != nil: out.edges[i].to = ids[rng.below(ids.count)]
            default: break
            }
        }
        for i in 0 ..< 4 {
            out.edges.append(EcosystemEdge(from: ids[rng.below(ids.count)], to: "new\(i % 3)", kind: "builds_on", sources: ["s2"]))
        }
        return out
    }

    /// Whether a fact with this lifetime is alive on a day, from the day numbers (independent of `Lifetime`).
    static func alive(_ lifetime: Lifetime, _ day: EcoDate) -> Bool {
        let d = day.firstDay
        if let since = lifetime.since, since.firstDay > d { return false }
        if let until = lifetime.until, until.firstDay <= d { return false }
        return true
    }

    /// Each edge's key as the diff defines it, computed here by counting.
    static func keys(_ edges: [EcosystemEdge]) -> [DiffEdgeKey] {
        var count: [String: Int] = [:]
        return edges.map { edge in
            if let id = edge.id { return .id(id) }
            let triple = edge.from + "\u{0}" + edge.to + "\u{0}" + edge.kind
            defer { count[triple, default: 0] += 1 }
            return .ends(from: edge.from, to: edge.to, kind: edge.kind, occurrence: count[triple, default: 0])
        }
    }

    /// The dependency pairs (dependent, dependency) of the edges alive, by the roles of the kinds used here.
    static func dependencyPairs(_ eco: Ecosystem) -> [(String, String)] {
        eco.edges.compactMap { edge in
            switch edge.kind {
            case "builds_on", "adopts": (edge.from, edge.to)
            case "develops": (edge.to, edge.from)
            default: nil
            }
        }
    }

    /// Everything reachable from a node (not the node itself) by breadth-first search.
    static func reach(_ pairs: [(String, String)], from start: String) -> Set<String> {
        var next: [String: [String]] = [:]
        for (u, v) in pairs { next[u, default: []].append(v) }
        var seen: Set<String> = [start], queue = [start], head = 0
        while head < queue.count {
            for v in next[queue[head]] ?? [] where !seen.contains(v) { seen.insert(v); queue.append(v) }
            head += 1
        }
        seen.remove(start)
        return seen
    }
}

@Suite struct DiffTests {
    @Test func oneFileAtTwoDatesDiffsTheFactsAliveOnEachDay() throws {
        var rng = SeededRandom(state: 11)
        for round in 0 ..< 40 {
            let record = History.ecosystem(&rng, nodes: 6 + rng.below(30), edges: rng.below(80))
            let d1 = History.date(&rng), d2 = History.date(&rng)
            let before = LoadedGraph(ecosystem: record, filter: FactFilter(asOf: d1))
            let after = before.refiltered(FactFilter(asOf: d2))
            let diff = EcosystemDiff(before: before, after: after)

            // Brute force over the record: alive nodes by id, alive edges by record index.
            func aliveNodes(_ day: EcoDate) -> Set<String> { Set(record.nodes.filter { History.alive($0.lifetime, day) }.map(\.id)) }
            let keys = History.keys(record.edges)
            func aliveEdges(_ day: EcoDate) -> Set<DiffEdgeKey> {
                let nodes = aliveNodes(day)
                return Set(record.edges.indices.filter { i in
                    let edge = record.edges[i]
                    let lifted = edge.lifted.map { $0.firstDay <= day.firstDay } ?? false
                    return History.alive(edge.lifetime, day) && !lifted && nodes.contains(edge.from) && nodes.contains(edge.to)
                }.map { keys[$0] })
            }
            let (n1, n2) = (aliveNodes(d1), aliveNodes(d2)), (e1, e2) = (aliveEdges(d1), aliveEdges(d2))
            #expect(diff.addedNodes.map(\.id) == n2.subtracting(n1).sorted(), "round \(round)")
            #expect(diff.removedNodes.map(\.id) == n1.subtracting(n2).sorted(), "round \(round)")
            #expect(diff.addedEdges.map(\.key) == e2.subtracting(e1).sorted(), "round \(round)")
            #expect(diff.removedEdges.map(\.key) == e1.subtracting(e2).sorted(), "round \(round)")
            // The facts alive on both days are the same facts of the same record.
            #expect(diff.changedNodes.isEmpty && diff.changedEdges.isEmpty, "round \(round)")
        }
    }

    @Test func twoFilesDiffAddedRemovedAndChangedFieldsByBruteForce() throws {
        var rng = SeededRandom(state: 12)
        for round in 0 ..< 40 {
            let a = History.ecosystem(&rng, nodes: 5 + rng.below(25), edges: rng.below(60))
            let b = History.edited(a, &rng)
            let diff = EcosystemDiff(before: a, after: b)

            let nodesA = Dictionary(a.nodes.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
            let nodesB = Dictionary(b.nodes.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
            #expect(diff.addedNodes.map(\.id) == Set(nodesB.keys).subtracting(nodesA.keys).sorted(), "round \(round)")
            #expect(diff.removedNodes.map(\.id) == Set(nodesA.keys).subtracting(nodesB.keys).sorted(), "round \(round)")
            // Changed nodes and which fields, from the structs themselves.
            var expectedNodes: [String: Set<String>] = [:]
            for (id, x) in nodesA {
                guard let y = nodesB[id] else { continue }
                var fields = Set<String>()
                if x.label != y.label { fields.insert("label") }
                if x.kind != y.kind { fields.insert("kind") }
                if x.confidence != y.confidence { fields.insert("confidence") }
                for name in Set(x.attributes.keys).union(y.attributes.keys) where x.attributes[name] != y.attributes[name] { fields.insert("attributes." + name) }
                if x.lifetime.since != y.lifetime.since { fields.insert("since") }
                if x.lifetime.until != y.lifetime.until { fields.insert("until") }
                if Set(x.sources) != Set(y.sources) { fields.insert("sources") }
                if x.note != y.note { fields.insert("note") }
                if !fields.isEmpty { expectedNodes[id] = fields }
            }
            #expect(Dictionary(uniqueKeysWithValues: diff.changedNodes.map { ($0.node.id, Set($0.changes.map(\.field))) }) == expectedNodes, "round \(round)")
            // A relabelled node reports its labels.
            for change in diff.changedNodes {
                if let label = change.changes.first(where: { $0.field == "label" }) {
                    #expect(label.before == nodesA[change.node.id]?.label && label.after == nodesB[change.node.id]?.label)
                }
            }

            let edgesA = Dictionary(zip(History.keys(a.edges), a.edges).map { ($0, $1) }, uniquingKeysWith: { x, _ in x })
            let edgesB = Dictionary(zip(History.keys(b.edges), b.edges).map { ($0, $1) }, uniquingKeysWith: { x, _ in x })
            #expect(diff.addedEdges.map(\.key) == Set(edgesB.keys).subtracting(edgesA.keys).sorted(), "round \(round)")
            #expect(diff.removedEdges.map(\.key) == Set(edgesA.keys).subtracting(edgesB.keys).sorted(), "round \(round)")
            var expectedEdges: [DiffEdgeKey: Set<String>] = [:]
            for (key, x) in edgesA {
                guard let y = edgesB[key] else { continue }
                var fields = Set<String>()
                if x.from != y.from { fields.insert("from") }
                if x.to != y.to { fields.insert("to") }
                if x.weight != y.weight { fields.insert("weight") }
                if x.lifetime.since != y.lifetime.since { fields.insert("since") }
                if x.lifetime.until != y.lifetime.until { fields.insert("until") }
                if x.inferred != y.inferred { fields.insert("inferred") }
                if x.lifted != y.lifted { fields.insert("lifted") }
                if x.confidence != y.confidence { fields.insert("confidence") }
                if Set(x.sources) != Set(y.sources) { fields.insert("sources") }
                if x.note != y.note { fields.insert("note") }
                if !fields.isEmpty { expectedEdges[key] = fields }
            }
            #expect(Dictionary(uniqueKeysWithValues: diff.changedEdges.map { ($0.edge.key, Set($0.changes.map(\.field))) }) == expectedEdges, "round \(round)")
            for change in diff.changedEdges {
                if let weight = change.changes.first(where: { $0.field == "weight" }) {
                    #expect(weight.before.flatMap(Double.init) == edgesA[change.edge.key]?.weight)
                    #expect(weight.after.flatMap(Double.init) == edgesB[change.edge.key]?.weight)
                }
            }
        }
    }

    @Test func aFileAgainstItselfIsEmptyAndSwappingSidesSwapsAddedAndRemoved() throws {
        var rng = SeededRandom(state: 13)
        for _ in 0 ..< 30 {
            let a = History.ecosystem(&rng, nodes: 5 + rng.below(20), edges: rng.below(50))
            let b = History.edited(a, &rng)
            #expect(EcosystemDiff(before: a, after: a).isEmpty)
            let forward = EcosystemDiff(before: a, after: b), backward = EcosystemDiff(before: b, after: a)
            #expect(forward.addedNodes == backward.removedNodes && forward.removedNodes == backward.addedNodes)
            #expect(forward.addedEdges == backward.removedEdges && forward.removedEdges == backward.addedEdges)
            #expect(forward.changedNodes.map(\.node.id) == backward.changedNodes.map(\.node.id))
            for (x, y) in zip(forward.changedNodes, backward.changedNodes) {
                #expect(x.changes == y.changes.map { FieldChange(field: $0.field, before: $0.after, after: $0.before) })
            }
            for (x, y) in zip(forward.changedEdges, backward.changedEdges) {
                #expect(x.edge.key == y.edge.key)
                #expect(x.changes == y.changes.map { FieldChange(field: $0.field, before: $0.after, after: $0.before) })
            }
            let graph = LoadedGraph(ecosystem: a)
            let same = try graph.diff(to: graph)
            #expect(same.facts.isEmpty && same.consequences.reach.isEmpty && same.consequences.rankShifts.isEmpty
                    && same.consequences.impactShifts.isEmpty)
        }
    }

    @Test func consumersCutOffAndReconnectedEqualBreadthFirstSearchOnBothSides() throws {
        var rng = SeededRandom(state: 14)
        for round in 0 ..< 40 {
            let a = History.ecosystem(&rng, nodes: 5 + rng.below(25), edges: rng.below(70))
            let b = History.edited(a, &rng)
            let selections: [(NodeSelection, NodeSelection)] = [(.all, .all), (.kind("country"), .all), (.all, .kind("technology"))]
            let (consumers, providers) = selections[round % 3]
            let options = DiffOptions(dependency: ChokepointOptions(consumers: consumers, providers: providers))
            let outcome = Result { () throws(AnalysisError) in
                try LoadedGraph(ecosystem: a).diffConsequences(to: LoadedGraph(ecosystem: b), options: options)
            }
            if case .failure(.unknownNodeKind) = outcome { continue }  // no node of the kind on either side
            let result = try outcome.get()

            func selected(_ eco: Ecosystem, _ selection: NodeSelection) -> Set<String> {
                if case .kind(let kind) = selection { return Set(eco.nodes.filter { $0.kind == kind }.map(\.id)) }
                return Set(eco.nodes.map(\.id))
            }
            let (idsA, idsB) = (Set(a.nodes.map(\.id)), Set(b.nodes.map(\.id)))
            let compared = selected(a, consumers).union(selected(b, consumers)).intersection(idsA).intersection(idsB)
            let (pairsA, pairsB) = (History.dependencyPairs(a), History.dependencyPairs(b))
            var expected: [String: (lost: [String], gained: [String])] = [:]
            for c in compared {
                let before = History.reach(pairsA, from: c).intersection(selected(a, providers))
                let after = History.reach(pairsB, from: c).intersection(selected(b, providers))
                if before != after { expected[c] = (before.subtracting(after).sorted(), after.subtracting(before).sorted()) }
            }
            #expect(result.consumersCompared == compared.count, "round \(round)")
            #expect(Set(result.reach.map(\.consumer)) == Set(expected.keys), "round \(round)")
            for change in result.reach {
                #expect(change.lost == expected[change.consumer]?.lost && change.gained == expected[change.consumer]?.gained, "round \(round) \(change.consumer)")
            }
            #expect(result.lostPairs == expected.values.reduce(0) { $0 + $1.lost.count })
            #expect(result.gainedPairs == expected.values.reduce(0) { $0 + $1.gained.count })
            #expect(result.pairsListed)

            // Past the pair limit: the same consumers and counts, no lists.
            let total = result.lostPairs + result.gainedPairs
            guard total > 0 else { continue }
            var limited = options
            limited.pairLimit = total - 1
            let counted = try LoadedGraph(ecosystem: a).diffConsequences(to: LoadedGraph(ecosystem: b), options: limited)
            #expect(!counted.pairsListed && counted.lostPairs == result.lostPairs && counted.gainedPairs == result.gainedPairs)
            #expect(counted.reach.map(\.consumer) == result.reach.map(\.consumer))
            #expect(counted.reach.allSatisfy { $0.lost.isEmpty && $0.gained.isEmpty })
            #expect(counted.reach.map(\.lostCount) == result.reach.map(\.lost.count))
        }
    }

    @Test func rankingShiftsEqualTheRankingsOfEachSide() throws {
        var rng = SeededRandom(state: 15)
        let measures: [CentralityMeasure] = [.pagerank, .inDegree, .betweenness, .edgeBetweenness, .harmonic]
        for round in 0 ..< 30 {
            let a = LoadedGraph(ecosystem: History.ecosystem(&rng, nodes: 8 + rng.below(25), edges: 10 + rng.below(60)))
            let b = LoadedGraph(ecosystem: History.edited(a.ecosystem!, &rng))
            let measure = measures[round % measures.count]
            let top = 1 + rng.below(8)
            let result = try a.diffConsequences(to: b, options: DiffOptions(measure: measure, top: top))

            // Each side ranked on its own.
            struct Key: Hashable { var id: String, target: String? }
            func ranks(_ ranking: CentralityRanking) -> [Key: (Int, Double)] {
                Dictionary(ranking.scores.map { (Key(id: $0.id, target: $0.target), ($0.rank, $0.score)) }, uniquingKeysWith: { x, _ in x })
            }
            func check(_ shifts: [RankShift], _ before: [Key: (Int, Double)], _ after: [Key: (Int, Double)], _ what: String) {
                var expected: [Key: RankShift.Movement] = [:]
                for key in Set(before.keys).union(after.keys) {
                    let wasIn = (before[key]?.0 ?? .max) <= top, isIn = (after[key]?.0 ?? .max) <= top
                    if !wasIn && isIn { expected[key] = .entered }
                    if wasIn && !isIn { expected[key] = .left }
                    if wasIn && isIn && before[key]!.0 != after[key]!.0 { expected[key] = .moved }
                }
                #expect(Dictionary(uniqueKeysWithValues: shifts.map { (Key(id: $0.id, target: $0.target), $0.movement) }) == expected, "round \(round) \(what)")
                for shift in shifts {
                    let key = Key(id: shift.id, target: shift.target)
                    #expect(shift.rankBefore == before[key]?.0 && shift.rankAfter == after[key]?.0, "round \(round) \(what)")
                    #expect(shift.scoreBefore == before[key]?.1 && shift.scoreAfter == after[key]?.1, "round \(round) \(what)")
                }
            }
            check(result.rankShifts, ranks(try a.centrality(measure)), ranks(try b.centrality(measure)), measure.rawValue)

            // Chokepoints: nodes with impact > 0, competition-ranked by impact, on each side.
            func impactRanks(_ graph: LoadedGraph) throws -> [Key: (Int, Double)] {
                let entries = try graph.chokepoints().chokepoints.filter { $0.impact > 0 }
                return Dictionary(uniqueKeysWithValues: entries.map { entry in
                    (Key(id: entry.id, target: nil), (1 + entries.filter { $0.impact > entry.impact }.count, Double(entry.impact)))
                })
            }
            check(result.impactShifts, try impactRanks(a), try impactRanks(b), "impact")
        }
    }

    @Test func genericTablesDiffEdgesByEndsWithRepeatsAndWeights() throws {
        var rng = SeededRandom(state: 16)
        for _ in 0 ..< 30 {
            let n = 4 + rng.below(10)
            func table(_ edges: [(Int, Int, Double)], directed: Bool) -> GraphTable {
                GraphTable(isDirected: directed, nodeIDs: (0 ..< n).map { "v\($0)" }, sources: edges.map { Int32($0.0) },
                           targets: edges.map { Int32($0.1) }, weights: edges.map(\.2))
            }
            let directed = rng.below(2) == 0
            let edgesA = (0 ..< rng.below(30)).map { _ in (rng.below(n), rng.below(n), Double(1 + rng.below(2))) }
            var edgesB = edgesA.filter { _ in rng.below(5) != 0 }
            for i in edgesB.indices where rng.below(6) == 0 { edgesB[i].2 += 1 }
            edgesB += (0 ..< rng.below(6)).map { _ in (rng.below(n), rng.below(n), 1.0) }
            let diff = EcosystemDiff(before: LoadedGraph(table: table(edgesA, directed: directed), name: "a"),
                                     after: LoadedGraph(table: table(edgesB, directed: directed), name: "b"))

            // The multisets of (ends, occurrence): ends in id order when undirected.
            func keyed(_ edges: [(Int, Int, Double)]) -> [DiffEdgeKey: Double] {
                var count: [String: Int] = [:], out: [DiffEdgeKey: Double] = [:]
                for (u, v, w) in edges {
                    var (x, y) = ("v\(u)", "v\(v)")
                    if !directed && y < x { swap(&x, &y) }
                    let occurrence = count[x + " " + y, default: 0]
                    count[x + " " + y] = occurrence + 1
                    out[.ends(from: x, to: y, kind: nil, occurrence: occurrence)] = w
                }
                return out
            }
            let (ka, kb) = (keyed(edgesA), keyed(edgesB))
            #expect(diff.addedEdges.map(\.key) == Set(kb.keys).subtracting(ka.keys).sorted())
            #expect(diff.removedEdges.map(\.key) == Set(ka.keys).subtracting(kb.keys).sorted())
            let reweighted = ka.keys.filter { kb[$0] != nil && kb[$0] != ka[$0] }.sorted()
            #expect(diff.changedEdges.map(\.edge.key) == reweighted)
            #expect(diff.changedEdges.allSatisfy { $0.changes.map(\.field) == ["weight"] })
            #expect(diff.addedNodes.isEmpty && diff.removedNodes.isEmpty && diff.changedNodes.isEmpty)
        }
    }

    @Test func aFileWithoutDatesIsTheSameOnAnyTwoDays() throws {
        let record = try EcosystemFile.read(contentsOf: Fixtures.path("ecosystems/supply-chain.yaml"))
        let before = LoadedGraph(ecosystem: record, filter: FactFilter(asOf: EcoDate("2019")!))
        let diff = try before.diff(to: before.refiltered(FactFilter(asOf: EcoDate("2025-06-01")!)))
        #expect(diff.facts.isEmpty)
        #expect(diff.consequences.reach.isEmpty && diff.consequences.rankShifts.isEmpty && diff.consequences.impactShifts.isEmpty)
        #expect(diff.before.description == "\(before.name) as of 2019" && diff.after.asOf == EcoDate("2025-06-01"))
    }

    @Test func aValueThatChangesOnlyInKindSaysSo() throws {
        let a = Ecosystem(nodes: [EcosystemNode(id: "x", kind: "technology", attributes: ["year": .number(2020)])])
        var b = a
        b.nodes[0].attributes["year"] = .string("2020")
        b.nodes[0].attributes["license"] = .string("MIT")
        let diff = EcosystemDiff(before: a, after: b)
        #expect(diff.changedNodes.first?.changes == [
            FieldChange(field: "attributes.license", before: nil, after: "MIT"),
            FieldChange(field: "attributes.year", before: "2020 (number)", after: "2020 (text)"),
        ])
    }

    @Test func selectionsMayNameNothingOnOneSideButNotOnBoth() throws {
        let a = LoadedGraph(ecosystem: Ecosystem(nodes: [EcosystemNode(id: "x", kind: "technology")]))
        let b = LoadedGraph(ecosystem: Ecosystem(nodes: [EcosystemNode(id: "x", kind: "technology"), EcosystemNode(id: "k", kind: "country")]))
        #expect(try a.diffConsequences(to: b, options: DiffOptions(dependency: ChokepointOptions(consumers: .word("country")))).consumersCompared == 0)
        #expect(throws: AnalysisError.unknownNode("nope")) {
            try a.diffConsequences(to: b, options: DiffOptions(dependency: ChokepointOptions(consumers: .ids(["k", "nope"]))))
        }
        #expect(throws: AnalysisError.unknownNodeKind("model")) {
            try a.diffConsequences(to: b, options: DiffOptions(dependency: ChokepointOptions(consumers: .kind("model"))))
        }
        #expect(throws: AnalysisError.invalidParameter(.top, value: "0", expected: "at least 1")) {
            try a.diffConsequences(to: b, options: DiffOptions(top: 0))
        }
    }
}
