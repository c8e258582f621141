import EcoGraphIO
import EcoGraphModel
import EcoGraphTestSupport
import Foundation
import Testing

/// The ecosystem writer and reader are exact inverses for any text a label, note, description or attribute
/// may hold: random Unicode (astral, combining, right-to-left), control characters, quotes, backslashes,
/// YAML and JSON syntax, leading and trailing spaces, and strings that look like numbers, booleans or null.
@Suite struct EcosystemRoundTripTests {
    static let pieces: [String] = [
        "a", "Z", "0", "-1.5", "1e3", "true", "null", "~", ".inf", "yes", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{1}", "\u{7F}",
        "\"", "'", "\\", "\\n", "#", ": ", "- ", "[", "]", "{", "}", ",", "&a", "*a", "!tag", "%", "@", "`", "|", ">",
        "é", "e\u{301}", "中文", "🧠", "𝔸", "\u{200F}עברית", "\u{FEFF}", "\u{2028}", "<b>&amp;</b>", "---", "...",
    ]

    /// A random text that does not begin with U+FEFF (YAML readers drop a leading byte order mark, so
    /// validation refuses one there; see `aLeadingByteOrderMarkIsRefused`).
    static func randomText(_ g: inout SeededRandom) -> String {
        var text = (0 ..< 1 + g.below(6)).map { _ in pieces[g.below(pieces.count)] }.joined()
        while text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        return text
    }

    @Test func aLeadingByteOrderMarkIsRefused() {
        let ecosystem = Ecosystem(nodes: [EcosystemNode(id: "a", label: "\u{FEFF}x", kind: "company", attributes: ["t": .string("\u{FEFF}y")])])
        let issues = ecosystem.validate()
        #expect(issues.map(\.field) == ["label", "attributes.t"])
        #expect(issues.allSatisfy { $0.message.contains("byte order mark") })
    }

    @Test(arguments: 0 ..< 200) func anyTextRoundTrips(_ seed: Int) throws {
        var g = SeededRandom(state: UInt64(seed) &* 7919)
        var ecosystem = Ecosystem(name: Self.randomText(&g), description: Self.randomText(&g))
        let ids = ["a", "b-\(seed)", "中心", "x_y.z"]
        for (k, id) in ids.enumerated() {
            ecosystem.nodes.append(EcosystemNode(
                id: id, label: Self.randomText(&g), kind: k == 0 ? "company" : "model",
                attributes: ["text": .string(Self.randomText(&g)), "list": .list([Self.randomText(&g), Self.randomText(&g)])],
                note: Self.randomText(&g)))
        }
        ecosystem.edges.append(EcosystemEdge(from: "a", to: "b-\(seed)", kind: "develops", note: Self.randomText(&g)))
        for format in [EcosystemFormat.yaml, .json] {
            let text = EcosystemFile.encode(ecosystem, as: format)
            let again = try EcosystemFile.decode(text, format: format, file: "r")
            #expect(again.nodes.map(\.label).map { Array($0.unicodeScalars) } == ecosystem.nodes.map(\.label).map { Array($0.unicodeScalars) }, "\(format) seed \(seed)")
            #expect(again.nodes.map(\.note) == ecosystem.nodes.map(\.note), "\(format) seed \(seed)")
            #expect(again.nodes.map(\.attributes) == ecosystem.nodes.map(\.attributes), "\(format) seed \(seed)")
            #expect(Array(again.name.unicodeScalars) == Array(ecosystem.name.unicodeScalars) && again.description == ecosystem.description, "\(format) seed \(seed)")
            #expect(again.edges.map(\.note) == ecosystem.edges.map(\.note), "\(format) seed \(seed)")
            #expect(EcosystemFile.encode(again, as: format) == text, "\(format) seed \(seed): not byte-stable")
        }
    }

    /// A random date of any precision in `years`.
    static func randomDate(_ g: inout SeededRandom, _ years: ClosedRange<Int>) -> EcoDate {
        let year = years.lowerBound + g.below(years.count)
        switch g.below(3) {
        case 0: return EcoDate(year: year)!
        case 1: return EcoDate(year: year, month: 1 + g.below(12))!
        default: return EcoDate(year: year, month: 1 + g.below(12), day: 1 + g.below(28))!
        }
    }

    /// Dates, scopes and liftings, on a map the checks accept: every node exists from before 2011 (some end
    /// after 2030), each edge holds within 2015-2029, and a restriction is lifted within its own lifetime.
    @Test(arguments: 0 ..< 100) func datesRoundTrip(_ seed: Int) throws {
        var g = SeededRandom(state: UInt64(seed) &* 104_729)
        var ecosystem = Ecosystem(name: "dated \(seed)")
        for (id, kind) in [("s", "state"), ("a", "company"), ("b", "model"), ("c", "model")] {
            let since = g.below(4) == 0 ? nil : Self.randomDate(&g, 1990 ... 2010)
            let until = g.below(3) == 0 ? Self.randomDate(&g, 2031 ... 2040) : nil
            ecosystem.nodes.append(EcosystemNode(id: id, label: id, kind: kind, lifetime: Lifetime(since: since, until: until)))
        }
        func edgeLifetime() -> Lifetime {
            Lifetime(since: g.below(3) == 0 ? nil : Self.randomDate(&g, 2015 ... 2016), until: g.below(2) == 0 ? nil : Self.randomDate(&g, 2026 ... 2029))
        }
        ecosystem.edges.append(EcosystemEdge(from: "a", to: "b", kind: "develops", lifetime: Lifetime(since: Self.randomDate(&g, 2015 ... 2016))))
        ecosystem.edges.append(EcosystemEdge(from: "c", to: "b", kind: "derived_from", lifetime: Lifetime(since: Self.randomDate(&g, 2015 ... 2016))))
        ecosystem.edges.append(EcosystemEdge(
            id: "ban", from: "s", to: "c", kind: "bans", lifetime: edgeLifetime(),
            scope: ["jurisdiction", "app-stores", "own-scope", nil][g.below(4)],
            lifted: g.below(2) == 0 ? nil : Self.randomDate(&g, 2020 ... 2024)))
        for format in [EcosystemFormat.yaml, .json] {
            let text = EcosystemFile.encode(ecosystem, as: format)
            let again = try EcosystemFile.decode(text, format: format, file: "d")
            #expect(again.nodes.map(\.lifetime) == ecosystem.nodes.map(\.lifetime), "\(format) seed \(seed)")
            #expect(again.edges.map(\.lifetime) == ecosystem.edges.map(\.lifetime), "\(format) seed \(seed)")
            #expect(again.edges.map(\.lifted) == ecosystem.edges.map(\.lifted) && again.edges.map(\.scope) == ecosystem.edges.map(\.scope), "\(format) seed \(seed)")
            #expect(EcosystemFile.encode(again, as: format) == text, "\(format) seed \(seed): not byte-stable")
        }
    }
}
