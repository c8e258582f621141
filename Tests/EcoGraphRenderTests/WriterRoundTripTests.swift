import EcoGraphIO
import EcoGraphModel
import EcoGraphRender
import EcoGraphTestSupport
import Foundation
import Testing

/// Pieces random strings are made of: ASCII, Unicode (astral plane, combining marks, RTL, precomposed and
/// decomposed forms of one character), control characters, quotes, backslashes, HTML-like text, DOT and CSV
/// punctuation.
private let pieces: [String] = [
    "a", "node", "Z9", "x_y", "1.5", "-2",
    "北京", "😀", "𝔘", "e\u{301}", "\u{E9}", "עברית", "لاہور", "\u{202E}", "\u{200B}", "\u{FEFF}",
    "\t", "\n", "\r", "\r\n", "\u{1}", "\u{7F}", "\u{B}", "\u{C}", "\u{1F}", "\0",
    "\"", "'", "\"\"",
    "\\", "\\\\", "\\\\\\", "\\N", "\\n",
    "<b>&amp;</b>", "&lt;", "<", ">", "&",
    "%", "%1", "#", " ", ",", "->", "--", "{", "}", ";", "=", "+", ":", "[", "]", "/*", "//",
]

private func randomString(_ rng: inout SeededRandom) -> String {
    var s = ""
    switch Int.random(in: 0 ..< 10, using: &rng) {
    case 0: s = "%"
    case 1: s = "#"
    case 2: s = " "
    default: break
    }
    for _ in 0 ..< Int.random(in: 0 ... 4, using: &rng) { s += pieces.randomElement(using: &rng)! }
    return s
}

private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

/// A random date of any precision (a year, a month, a day) from year 1 to 9999, leap days included.
private func randomDate(_ rng: inout SeededRandom) -> EcoDate {
    let year = Int.random(in: 0 ..< 4, using: &rng) == 0 ? Int.random(in: 1 ... 9999, using: &rng) : Int.random(in: 1990 ... 2030, using: &rng)
    switch Int.random(in: 0 ..< 3, using: &rng) {
    case 0: return EcoDate(year: year)!
    case 1: return EcoDate(year: year, month: Int.random(in: 1 ... 12, using: &rng))!
    default:
        let day = EcoDate(dayNumber: EcoDate(year: year)!.firstDay + Int.random(in: 0 ..< 366, using: &rng))
        return day.year == year ? day : EcoDate(year: year, month: 12, day: 31)!
    }
}

/// A random lifetime: open, open at one end, or both ends with `until` after `since`.
private func randomLifetime(_ rng: inout SeededRandom) -> Lifetime {
    var lifetime = Lifetime()
    switch Int.random(in: 0 ..< 4, using: &rng) {
    case 0: break
    case 1: lifetime.since = randomDate(&rng)
    case 2: lifetime.until = randomDate(&rng)
    default:
        let a = randomDate(&rng), b = randomDate(&rng)
        if a.firstDay != b.firstDay { lifetime = Lifetime(since: min(a, b), until: max(a, b)) } else { lifetime.since = a }
    }
    return lifetime
}

/// A random table: ids distinct byte for byte, nodes in order of first appearance in the edges (so that edge
/// lists and CSV, which list no nodes, keep the order), labels, kinds and finite weights; with `dates`, node
/// and edge lifetime and confidence columns, each present or not.
private func randomTable(_ rng: inout SeededRandom, labels: Bool, nodeKinds: Bool, edgeKinds: Bool, dates: Bool = false) -> GraphTable {
    var ids: [String] = []
    var seen = Set<[UInt8]>()
    let n = Int.random(in: 1 ... 6, using: &rng)
    while ids.count < n {
        let id = randomString(&rng)
        if seen.insert(bytes(id)).inserted { ids.append(id) }
    }
    // Edges whose nodes appear in id order: the first edges walk through every node.
    var sources: [Int32] = []
    var targets: [Int32] = []
    for v in 0 ..< n where v % 2 == 0 {
        sources.append(Int32(v))
        targets.append(Int32(min(v + 1, n - 1)))
    }
    for _ in 0 ..< Int.random(in: 0 ... 4, using: &rng) {
        sources.append(Int32.random(in: 0 ..< Int32(n), using: &rng))
        targets.append(Int32.random(in: 0 ..< Int32(n), using: &rng))
    }
    let weights: [Double] = sources.indices.map { _ in
        [1, 0.1, -2.5, 1e-300, 6.02e23, 0, Double.random(in: -1e6 ... 1e6, using: &rng)].randomElement(using: &rng)!
    }
    var kindNames: [String] = []
    var kinds: [Int32] = []
    for _ in sources.indices {
        let kind = Bool.random(using: &rng) ? "depends_on" : randomString(&rng)
        if let k = kindNames.firstIndex(of: kind), bytes(kindNames[k]) == bytes(kind) {
            kinds.append(Int32(k))
        } else {
            kinds.append(Int32(kindNames.count))
            kindNames.append(kind)
        }
    }
    var nodeKindNames: [String] = []
    var nodeKindCodes: [Int32] = []
    for _ in 0 ..< n {
        nodeKindCodes.append(Int32(nodeKindNames.count))
        nodeKindNames.append(randomString(&rng))
    }
    var table = GraphTable(
        isDirected: Bool.random(using: &rng), nodeIDs: ids,
        nodeLabels: labels ? ids.map { id in Bool.random(using: &rng) ? id : randomString(&rng) } : nil,
        nodeKinds: nodeKinds ? nodeKindCodes : nil, nodeKindNames: nodeKinds ? nodeKindNames : [],
        sources: sources, targets: targets, weights: weights,
        edgeKinds: edgeKinds ? kinds : nil, edgeKindNames: edgeKinds ? kindNames : [])
    if dates {
        // Drawn after everything else, so that the undated cases stay those of the seed.
        if Int.random(in: 0 ..< 4, using: &rng) > 0 { table.nodeLifetimes = ids.map { _ in randomLifetime(&rng) } }
        if Int.random(in: 0 ..< 4, using: &rng) > 0 { table.edgeLifetimes = sources.map { _ in randomLifetime(&rng) } }
        func confidence() -> Double { [1, 0, 0.5, 0.1 + 0.2, 1e-9, Double.random(in: 0 ... 1, using: &rng)].randomElement(using: &rng)! }
        if Bool.random(using: &rng) { table.nodeConfidences = ids.map { _ in confidence() } }
        if Bool.random(using: &rng) { table.edgeConfidences = sources.map { _ in confidence() } }
    }
    return table
}

/// Everything a reader must give back, compared byte for byte (Swift's `==` on strings would hide a change of
/// Unicode normalisation).
private struct Summary: Equatable, CustomStringConvertible {
    var isDirected: Bool?
    var ids: [[UInt8]]
    var labels: [[UInt8]]?
    var nodeKinds: [[UInt8]]?
    var edges: [[[UInt8]]]
    var weights: [UInt64]?
    var nodeLifetimes: [Lifetime]?
    var edgeLifetimes: [Lifetime]?
    var nodeConfidences: [UInt64]?
    var edgeConfidences: [UInt64]?

    init(_ t: GraphTable, directed: Bool, labels: Bool, nodeKinds: Bool, edgeKinds: Bool, nodeDates: Bool = false, edgeDates: Bool = false) {
        isDirected = directed ? t.isDirected : nil
        ids = t.nodeIDs.map(bytes)
        self.labels = labels ? (0 ..< t.nodeCount).map { bytes(t.label(of: $0)) } : nil
        self.nodeKinds = nodeKinds ? (0 ..< t.nodeCount).map { bytes(t.kind(of: $0) ?? "<none>") } : nil
        edges = (0 ..< t.edgeCount).map { e in
            [bytes(t.nodeIDs[Int(t.sources[e])]), bytes(t.nodeIDs[Int(t.targets[e])]),
             edgeKinds ? bytes(t.edgeKinds.map { t.edgeKindNames[Int($0[e])] } ?? "<none>") : []]
        }
        weights = t.weights?.map(\.bitPattern)
        nodeLifetimes = nodeDates ? t.nodeLifetimes : nil
        edgeLifetimes = edgeDates ? t.edgeLifetimes : nil
        // Confidences go where dates go.
        nodeConfidences = nodeDates ? t.nodeConfidences?.map(\.bitPattern) : nil
        edgeConfidences = edgeDates ? t.edgeConfidences?.map(\.bitPattern) : nil
    }

    var description: String {
        func s(_ b: [UInt8]) -> String { String(reflecting: String(decoding: b, as: UTF8.self)) }
        func show(_ l: Lifetime) -> String { "\(l.since?.description ?? "")..\(l.until?.description ?? "")" }
        return "directed \(String(describing: isDirected)) ids \(ids.map(s)) labels \(labels.map { $0.map(s) } ?? []) "
            + "kinds \(nodeKinds.map { $0.map(s) } ?? []) edges \(edges.map { $0.map(s) }) weights \(weights ?? [])"
            + " node dates \(nodeLifetimes.map { $0.map(show) } ?? []) edge dates \(edgeLifetimes.map { $0.map(show) } ?? [])"
            + " confidences \(nodeConfidences.map { $0.map(Double.init(bitPattern:)) } ?? []) \(edgeConfidences.map { $0.map(Double.init(bitPattern:)) } ?? [])"
    }
}

/// What DOT cannot spell (`DOTGraph.exactQuotedID`): a NUL, an odd run of backslashes before a quote, a line
/// feed or the end; for a name, a leading `%`.
private func dotCannotSpell(_ s: String, isName: Bool) -> Bool {
    if isName && s.hasPrefix("%") { return true }
    // A line feed alone between the start, a quote or a backslash and the end, a quote or a backslash.
    let scalars = Array(s.unicodeScalars)
    for (k, c) in scalars.enumerated() where c == "\n" {
        let before = k == 0 || scalars[k - 1] == "\"" || scalars[k - 1] == "\\"
        let after = k == scalars.count - 1 || scalars[k + 1] == "\"" || scalars[k + 1] == "\\"
        if before && after { return true }
    }
    var run = 0
    for scalar in s.unicodeScalars {
        if scalar == "\0" { return true }
        if scalar == "\\" { run += 1; continue }
        if (scalar == "\"" || scalar == "\n") && run % 2 == 1 { return true }
        run = 0
    }
    return run % 2 == 1
}

private func xmlCannotHold(_ s: String) -> Bool {
    s.unicodeScalars.contains { v in
        (v.value < 0x20 && v != "\t" && v != "\n" && v != "\r") || v.value == 0xFFFE || v.value == 0xFFFF
    }
}

private func edgeListCannotSpell(_ s: String) -> Bool {
    s.isEmpty || s.hasPrefix("#") || s.utf8.contains { [0, 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C].contains($0) }
}

@Suite("writer → reader round trips (seeded property test)")
struct WriterRoundTripTests {
    static let cases = 300

    /// Writes, then reads; either the table comes back the same or the writer refused, and it refused exactly
    /// when `cannotWrite` says the format cannot spell the table.
    private func check(
        format: String, seed: UInt64, labels: Bool, nodeKinds: Bool, edgeKinds: Bool, directed: Bool,
        nodeDates: Bool = false, edgeDates: Bool = false,
        write: (GraphTable) throws(GraphWriteError) -> String, read: (String, GraphTable) throws -> GraphTable,
        cannotWrite: (GraphTable) -> Bool
    ) -> (written: Int, refused: Int) {
        var rng = SeededRandom(state: seed)
        var written = 0
        var refused = 0
        for number in 0 ..< Self.cases {
            let table = randomTable(&rng, labels: labels, nodeKinds: nodeKinds, edgeKinds: edgeKinds, dates: true)
            let expected = Summary(table, directed: directed, labels: labels, nodeKinds: nodeKinds, edgeKinds: edgeKinds,
                                   nodeDates: nodeDates, edgeDates: edgeDates)
            let mustRefuse = cannotWrite(table)
            let text: String
            do {
                text = try write(table)
            } catch {
                refused += 1
                #expect(mustRefuse, "\(format) case \(number): refused \(expected): \(error)")
                continue
            }
            written += 1
            #expect(!mustRefuse, "\(format) case \(number): wrote what it cannot spell: \(expected)")
            do {
                let back = try read(text, table)
                let got = Summary(back, directed: directed, labels: labels, nodeKinds: nodeKinds, edgeKinds: edgeKinds,
                                  nodeDates: nodeDates, edgeDates: edgeDates)
                #expect(got == expected, "\(format) case \(number):\n\(String(reflecting: text))")
            } catch {
                Issue.record("\(format) case \(number): cannot read back \(String(reflecting: text)): \(error)")
            }
        }
        return (written, refused)
    }

    @Test("DOT: exact (dates and confidences included), or GraphWriteError for what DOT cannot spell")
    func dot() {
        let counts = check(
            format: "DOT", seed: 1, labels: true, nodeKinds: true, edgeKinds: true, directed: true, nodeDates: true, edgeDates: true,
            write: GenericGraphWriter.dot, read: { text, _ in try DOTReader().read(string: text, fileName: "w.dot") },
            cannotWrite: { t in
                t.nodeIDs.contains { dotCannotSpell($0, isName: true) }
                    || (t.nodeLabels ?? []).contains { dotCannotSpell($0, isName: false) }
                    || zip(t.nodeIDs, t.nodeLabels ?? []).contains { id, label in label != id && (label.isEmpty || label == "\\N") }
                    || (t.nodeKindNames + t.edgeKindNames).contains { dotCannotSpell($0, isName: false) }
            })
        #expect(counts.written > 50 && counts.refused > 10, "\(counts)")
    }

    @Test("GraphML: exact (dates and confidences included), or GraphWriteError for what XML cannot hold")
    func graphML() {
        let counts = check(
            format: "GraphML", seed: 2, labels: true, nodeKinds: true, edgeKinds: true, directed: true, nodeDates: true, edgeDates: true,
            write: GenericGraphWriter.graphML, read: { text, _ in try GraphMLReader().read(string: text, fileName: "w.graphml") },
            cannotWrite: { t in
                (t.nodeIDs + (t.nodeLabels ?? []) + t.nodeKindNames + t.edgeKindNames).contains(where: xmlCannotHold)
            })
        #expect(counts.written > 50, "\(counts)")
    }

    @Test("CSV: exact edges, weights, kinds, edge dates and confidences, or GraphWriteError")
    func csv() {
        let counts = check(
            format: "CSV", seed: 3, labels: false, nodeKinds: false, edgeKinds: true, directed: false, edgeDates: true,
            write: GenericGraphWriter.csv,
            read: { text, t in try CSVReader(isDirected: t.isDirected).read(string: text, fileName: "w.csv") },
            cannotWrite: { t in t.nodeIDs.contains(where: \.isEmpty) || (t.nodeIDs + t.edgeKindNames).contains { $0.utf8.contains(0) } })
        #expect(counts.written > 50, "\(counts)")
    }

    @Test("edge list: exact edges and weights, or GraphWriteError for ids it cannot spell")
    func edgeList() {
        let counts = check(
            format: "edge list", seed: 4, labels: false, nodeKinds: false, edgeKinds: false, directed: false,
            write: GenericGraphWriter.edgeList,
            read: { text, t in try EdgeListReader(isDirected: t.isDirected).read(string: text, fileName: "w.txt") },
            cannotWrite: { t in t.nodeIDs.contains(where: edgeListCannotSpell) })
        #expect(counts.written > 20, "\(counts)")
    }
}
