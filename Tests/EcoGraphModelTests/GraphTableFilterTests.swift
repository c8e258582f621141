import EcoGraphModel
import EcoGraphTestSupport
import Testing

/// `GraphTable.filtered(_:)` and `snapshot(on:)`: by hand on a small table, and against a brute-force
/// reading of the definition on random tables.
@Suite struct GraphTableFilterTests {
    func date(_ text: String) -> EcoDate { EcoDate(text)! }

    /// a (from 2020) -> b (until 2024, confidence 0.5) -> c; c -> a (from 2022-06, confidence 0.8); a -> c.
    var table: GraphTable {
        GraphTable(
            isDirected: true, nodeIDs: ["a", "b", "c"], nodeLabels: ["A", "B", "C"],
            sources: [0, 1, 2, 0], targets: [1, 2, 0, 2], weights: [1, 2, 3, 4],
            nodeLifetimes: [Lifetime(since: date("2020")), Lifetime(until: date("2024")), .always],
            edgeLifetimes: [.always, .always, Lifetime(since: date("2022-06")), .always],
            nodeConfidences: [1, 0.5, 1], edgeConfidences: [1, 1, 0.8, 1])
    }

    func pairs(_ t: GraphTable) -> [String] {
        (0 ..< t.edgeCount).map { "\(t.nodeIDs[Int(t.sources[$0])])>\(t.nodeIDs[Int(t.targets[$0])])" }
    }

    @Test func byHand() {
        let in2021 = table.snapshot(on: date("2021-03"))
        #expect(in2021.table.nodeIDs == ["a", "b", "c"] && pairs(in2021.table) == ["a>b", "b>c", "a>c"] && in2021.edges == [0, 1, 3])
        #expect(in2021.table.weights == [1, 2, 4] && in2021.table.edgeConfidences == [1, 1, 1])
        let in2024 = table.snapshot(on: date("2024"))
        #expect(in2024.table.nodeIDs == ["a", "c"] && in2024.nodes == [0, 2] && pairs(in2024.table) == ["c>a", "a>c"])
        #expect(in2024.table.nodeLabels == ["A", "C"] && in2024.table.nodeLifetimes == [Lifetime(since: date("2020")), .always])
        let sure = table.filtered(FactFilter(minConfidence: 0.9))
        #expect(sure.table.nodeIDs == ["a", "c"] && pairs(sure.table) == ["a>c"] && sure.table.nodeConfidences == [1, 1])
        let before = table.filtered(FactFilter(asOf: date("2019"), minConfidence: 0.5))
        #expect(before.table.nodeIDs == ["b", "c"] && pairs(before.table) == ["b>c"])
        // A table without dates or confidences is kept whole by any day and floor; inferred is unknown to tables.
        var plain = table
        plain.nodeLifetimes = nil; plain.edgeLifetimes = nil; plain.nodeConfidences = nil; plain.edgeConfidences = nil
        #expect(plain.filtered(FactFilter(asOf: date("1900"), minConfidence: 1, excludeInferred: true)).table == plain)
    }

    @Test(arguments: 0 ..< 200) func againstTheDefinition(_ seed: Int) {
        var g = SeededRandom(state: UInt64(seed) &+ 1)
        let n = 1 + g.below(7), m = g.below(12)
        func lifetime() -> Lifetime {
            let a = 2000 + g.below(10), b = 2000 + g.below(10)
            switch g.below(4) {
            case 0: return .always
            case 1: return Lifetime(since: EcoDate(year: a))
            case 2: return Lifetime(until: EcoDate(year: a))
            default: return a == b ? Lifetime(since: EcoDate(year: a)) : Lifetime(since: EcoDate(year: min(a, b)), until: EcoDate(year: max(a, b)))
            }
        }
        func confidence() -> Double { [1, 0.2, 0.5, 0.9][g.below(4)] }
        let sources = (0 ..< m).map { _ in Int32(g.below(n)) }, targets = (0 ..< m).map { _ in Int32(g.below(n)) }
        let t = GraphTable(
            isDirected: true, nodeIDs: (0 ..< n).map { "v\($0)" }, sources: sources, targets: targets,
            nodeLifetimes: g.below(3) == 0 ? nil : (0 ..< n).map { _ in lifetime() },
            edgeLifetimes: g.below(3) == 0 ? nil : (0 ..< m).map { _ in lifetime() },
            nodeConfidences: g.below(3) == 0 ? nil : (0 ..< n).map { _ in confidence() },
            edgeConfidences: g.below(3) == 0 ? nil : (0 ..< m).map { _ in confidence() })
        let filter = FactFilter(asOf: g.below(3) == 0 ? nil : EcoDate(year: 1999 + g.below(12)), minConfidence: [0, 0.3, 0.6, 1][g.below(4)])
        // The definition, read literally: a day in [since, until), a confidence at least the floor, both ends kept.
        func alive(_ l: Lifetime?) -> Bool {
            guard let day = filter.asOf?.year, let l else { return true }
            return (l.since.map { $0.year <= day } ?? true) && (l.until.map { day < $0.year } ?? true)
        }
        let nodes = (0 ..< n).filter { alive(t.nodeLifetimes?[$0]) && (t.nodeConfidences?[$0] ?? 1) >= filter.minConfidence }
        let edges = (0 ..< m).filter {
            alive(t.edgeLifetimes?[$0]) && (t.edgeConfidences?[$0] ?? 1) >= filter.minConfidence
                && nodes.contains(Int(sources[$0])) && nodes.contains(Int(targets[$0]))
        }
        let got = t.filtered(filter)
        #expect(got.nodes == nodes && got.edges == edges, "seed \(seed)")
        #expect(got.table.nodeIDs == nodes.map { "v\($0)" }, "seed \(seed)")
        #expect(pairs(got.table) == edges.map { "v\(sources[$0])>v\(targets[$0])" }, "seed \(seed)")
        #expect(got.table.edgeConfidences == t.edgeConfidences.map { c in edges.map { c[$0] } }, "seed \(seed)")
        if let day = filter.asOf, filter.minConfidence == 0 { #expect(t.snapshot(on: day) == got, "seed \(seed)") }
    }
}
