import EcoGraphAnalysis
import EcoGraphIO
import EcoGraphModel
import EcoGraphRender
import EcoGraphTestSupport
import Foundation
import Testing

/// Dates out of a typed ecosystem, through every generic format that carries them, and back: the lifetimes
/// read back equal the projection's, and reading the map as of a day from the written file gives what reading
/// it as of that day from the ecosystem gives (a metamorphic check over every day the map changes).
@Suite("Dated interop: ecosystem → GraphML / DOT / CSV → table")
struct DatedInteropTests {
    static let fixture = "ecosystems/dated-interop.yaml"

    static func ecosystem() throws -> Ecosystem { try EcosystemFile.read(contentsOf: Fixtures.path(fixture)) }

    /// The generic formats that carry dates, each written and read back.
    static let formats: [(name: String, write: @Sendable (GraphTable) throws -> String, read: @Sendable (String) throws -> GraphTable)] = [
        ("GraphML", { try GenericGraphWriter.graphML($0) }, { try GraphMLReader().read(string: $0, fileName: "d.graphml") }),
        ("DOT", { try GenericGraphWriter.dot($0) }, { try DOTReader().read(string: $0, fileName: "d.dot") }),
        ("CSV", { try GenericGraphWriter.csv($0) }, { try CSVReader().read(string: $0, fileName: "d.csv") }),
    ]

    static func date(_ text: String) -> EcoDate { EcoDate(text)! }

    /// Edges as `from>to` with their kind, for comparing tables whose kind tables differ.
    static func edges(_ t: GraphTable) -> [String] {
        (0 ..< t.edgeCount).map { e in
            "\(t.nodeIDs[Int(t.sources[e])])>\(t.nodeIDs[Int(t.targets[e])]):\(t.edgeKinds.map { t.edgeKindNames[Int($0[e])] } ?? "")"
        }
    }

    @Test("the projection's lifetimes hold the fixture's dates, a lifted restriction ending at its lifting")
    func projectionValues() throws {
        let table = try Self.ecosystem().graphTable(view: .asWritten)
        let nodes = try #require(table.nodeLifetimes)
        let byID = Dictionary(uniqueKeysWithValues: zip(table.nodeIDs, nodes))
        #expect(byID["us"] == .always)
        #expect(byID["lab-b"] == Lifetime(since: Self.date("2020-03"), until: Self.date("2024-07")))
        #expect(byID["m2"] == Lifetime(since: Self.date("2024-06-15")))
        let lifetimes = try #require(table.edgeLifetimes)
        let edges = Self.edges(table)
        let byEdge = Dictionary(uniqueKeysWithValues: zip(edges, lifetimes))
        #expect(byEdge["us>chip-x:export_controls"] == Lifetime(since: Self.date("2022-10-07"), until: Self.date("2025-03")))
        #expect(byEdge["cn>m1:bans"] == Lifetime(since: Self.date("2024-02"), until: Self.date("2024-11-20")))
        #expect(byEdge["us>m2:bans"] == Lifetime(since: Self.date("2025-05")))
        #expect(byEdge["lab-a>m1:develops"] == .always)
    }

    @Test("write then read gives the projection's lifetimes: nodes and edges in GraphML and DOT, edges in CSV")
    func roundTrip() throws {
        let table = try Self.ecosystem().graphTable(view: .asWritten)
        for format in Self.formats {
            let back = try format.read(try format.write(table))
            #expect(back.nodeIDs.count <= table.nodeIDs.count && Self.edges(back) == Self.edges(table), "\(format.name)")
            #expect(back.edgeLifetimes == table.edgeLifetimes, "\(format.name)")
            #expect(back.weights == table.weights, "\(format.name)")
            if format.name == "CSV" {
                #expect(back.nodeLifetimes == nil)
            } else {
                #expect(back.nodeIDs == table.nodeIDs && back.nodeLifetimes == table.nodeLifetimes, "\(format.name)")
            }
        }
    }

    @Test("the written text spells each date (and confidence) as the file does")
    func spelling() throws {
        let table = try Self.ecosystem().graphTable(view: .asWritten)
        let graphML = try GenericGraphWriter.graphML(table)
        #expect(graphML.contains(#"<key id="since" for="node" attr.name="since" attr.type="string"/>"#))
        #expect(graphML.contains(#"<key id="edge_until" for="edge" attr.name="until" attr.type="string"/>"#))
        #expect(graphML.contains(#"<node id="m2"><data key="label">Model 2</data><data key="kind">model</data><data key="since">2024-06-15</data><data key="confidence">1.0</data></node>"#))
        #expect(graphML.contains(#"<edge source="us" target="chip-x"><data key="weight">1.0</data><data key="edge_kind">export_controls</data><data key="edge_since">2022-10-07</data><data key="edge_until">2025-03</data><data key="edge_confidence">1.0</data></edge>"#))
        let dot = try GenericGraphWriter.dot(table)
        #expect(dot.contains(#"  node ["confidence"="1", "kind"="", "since"="", "until"=""];"#))
        #expect(dot.contains(#""m2" -> "chip-y" ["confidence"="0.7", "kind"="builds_on", "since"="2024-10", "weight"="1.0"];"#))
        #expect(dot.contains(#""lab-b" ["kind"="company", "label"="Lab B", "since"="2020-03", "until"="2024-07"];"#))
        let csv = try GenericGraphWriter.csv(table)
        #expect(csv.hasPrefix("source,target,weight,kind,since,until,confidence\n"))
        #expect(csv.contains("\ncn,m1,1.0,bans,2024-02,2024-11-20,1.0\n"))
        #expect(csv.contains("\nlab-a,m1,1.0,develops,\"\",\"\",1.0\n"))
        #expect(csv.contains("\nm2,chip-y,1.0,builds_on,2024-10,\"\",0.7\n"))
    }

    /// Every day the map changes, the day before each, and days outside the record.
    static func days(_ ecosystem: Ecosystem) -> [EcoDate] {
        var days = Set(ecosystem.changeDates)
        for date in ecosystem.changeDates { days.insert(EcoDate(dayNumber: date.firstDay - 1)) }
        days.formUnion(["1999", "2030-06-30", "2024-06-15"].map(Self.date))
        return days.sorted()
    }

    @Test("as of any day, the written file gives the ecosystem's snapshot (ids, edges, weights, lifetimes)")
    func asOfMetamorphic() throws {
        let ecosystem = try Self.ecosystem()
        let table = ecosystem.graphTable(view: .asWritten)
        let days = Self.days(ecosystem)
        #expect(days.count > 30)
        var sizes = Set<Int>()
        for format in Self.formats {
            let written = try format.read(try format.write(table))
            for day in days {
                let filter = FactFilter(asOf: day)
                let expected = LoadedGraph(ecosystem: ecosystem, view: .asWritten, filter: filter).table
                let got = LoadedGraph(table: written, filter: filter, name: format.name).table
                sizes.insert(expected.edgeCount)
                if format.name == "CSV" {
                    // CSV keeps edge dates only: its snapshot has every node, and the same edges between the
                    // nodes alive that day.
                    let alive = Set(expected.nodeIDs)
                    let kept = (0 ..< got.edgeCount).filter {
                        alive.contains(got.nodeIDs[Int(got.sources[$0])]) && alive.contains(got.nodeIDs[Int(got.targets[$0])])
                    }
                    #expect(kept.map { Self.edges(got)[$0] } == Self.edges(expected), "CSV as of \(day)")
                    continue
                }
                #expect(got.nodeIDs == expected.nodeIDs, "\(format.name) as of \(day)")
                #expect(Self.edges(got) == Self.edges(expected), "\(format.name) as of \(day)")
                #expect(got.weights == expected.weights, "\(format.name) as of \(day)")
                // A snapshot keeps its columns; the ecosystem's drops them when nothing left is dated.
                #expect(got.edgeLifetimes ?? [] == expected.edgeLifetimes ?? [Lifetime](repeating: .always, count: expected.edgeCount),
                        "\(format.name) as of \(day)")
            }
        }
        #expect(sizes.count > 5, "the days must see the map change: \(sizes.sorted())")
    }

    @Test("with a confidence floor, alone or as of a day, the written file keeps what the ecosystem keeps")
    func confidenceMetamorphic() throws {
        let ecosystem = try Self.ecosystem()
        let table = ecosystem.graphTable(view: .asWritten)
        #expect(table.nodeConfidences?.filter { $0 != 1 } == [0.9, 0.6] && table.edgeConfidences?.filter { $0 != 1 } == [0.7])
        var sizes = Set<[Int]>()
        for format in Self.formats {
            let written = try format.read(try format.write(table))
            for floor in [0, 0.5, 0.6, 0.65, 0.7, 0.75, 0.9, 0.95, 1] {
                for day in [nil] + ["2024-06-15", "2025-12", "2026"].map(Self.date) {
                    let filter = FactFilter(asOf: day, minConfidence: floor)
                    let expected = LoadedGraph(ecosystem: ecosystem, view: .asWritten, filter: filter).table
                    let got = LoadedGraph(table: written, filter: filter, name: format.name).table
                    sizes.insert([expected.nodeCount, expected.edgeCount])
                    let context = "\(format.name) floor \(floor) as of \(day.map(\.description) ?? "-")"
                    if format.name == "CSV" {
                        let alive = Set(expected.nodeIDs)
                        let kept = Self.edges(got).enumerated().filter { e, _ in
                            alive.contains(got.nodeIDs[Int(got.sources[e])]) && alive.contains(got.nodeIDs[Int(got.targets[e])])
                        }
                        #expect(kept.map(\.element) == Self.edges(expected), "\(context)")
                        continue
                    }
                    #expect(got.nodeIDs == expected.nodeIDs && Self.edges(got) == Self.edges(expected), "\(context)")
                    #expect(got.nodeConfidences ?? [] == expected.nodeConfidences ?? [Double](repeating: 1, count: expected.nodeCount), "\(context)")
                }
            }
        }
        #expect(sizes.count >= 8, "the floors must change the map: \(sizes)")
        // By hand: a floor of 0.65 leaves out m3 (0.6) and its three edges; 0.75 also m2 -> chip-y (0.7).
        let graphML = try GraphMLReader().read(string: try GenericGraphWriter.graphML(table))
        let at065 = LoadedGraph(table: graphML, filter: FactFilter(minConfidence: 0.65), name: "d").table
        #expect(!at065.nodeIDs.contains("m3") && at065.nodeCount == 9 && at065.edgeCount == 13)
        let at075 = LoadedGraph(table: graphML, filter: FactFilter(minConfidence: 0.75), name: "d").table
        #expect(at075.edgeCount == 12 && !Self.edges(at075).contains("m2>chip-y:builds_on"))
    }

    @Test("as of 2024-06-15, by hand: eight nodes and ten edges")
    func asOfByHand() throws {
        let table = try Self.ecosystem().graphTable(view: .asWritten)
        let written = try GraphMLReader().read(string: try GenericGraphWriter.graphML(table))
        let day = LoadedGraph(table: written, filter: FactFilter(asOf: Self.date("2024-06-15")), name: "d").table
        #expect(day.nodeIDs == ["us", "cn", "kenya", "lab-a", "lab-b", "m1", "m2", "chip-x"])
        #expect(Self.edges(day) == [
            "lab-a>m1:develops", "lab-a>m2:develops", "lab-b>chip-x:develops", "m1>chip-x:builds_on", "m2>chip-x:builds_on",
            "kenya>m1:adopts", "cn>lab-a:backs", "us>chip-x:export_controls", "cn>m1:bans", "lab-b>lab-a:partners_with",
        ])
    }

    /// Re-record with `ECOGRAPH_RECORD_GOLDEN=1 swift test --filter DatedInteropTests`, then run
    /// `Tests/Fixtures/generic/make_dated_fixtures.py` for NetworkX's reading of it.
    @Test("the GraphML written for the fixture is the golden file, and NetworkX reads the same dates and confidences from it")
    func goldenAndNetworkX() throws {
        let table = try Self.ecosystem().graphTable(view: .asWritten)
        let text = try GenericGraphWriter.graphML(table)
        let path = Fixtures.path("golden/dated-interop.graphml")
        if ProcessInfo.processInfo.environment["ECOGRAPH_RECORD_GOLDEN"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(text == (try String(contentsOfFile: path, encoding: .utf8)), "GraphML output changed; if on purpose, re-record")

        struct NetworkX: Decodable { var networkx: String; var nodes: [[String?]]; var edges: [[String?]] }
        let networkx = try JSONDecoder().decode(NetworkX.self, from: Fixtures.data("generic/dated-interop.networkx.json"))
        #expect(networkx.networkx == "3.6.1")
        func shown(_ l: Lifetime) -> [String?] { [l.since?.description, l.until?.description] }
        func confidence(_ column: [Double]?, _ i: Int) -> String? { column.map { String($0[i]) } }
        let back = try GraphMLReader().read(path: path)
        let nodes = try #require(back.nodeLifetimes), edges = try #require(back.edgeLifetimes)
        #expect(back.nodeIDs.indices.map { [back.nodeIDs[$0]] + shown(nodes[$0]) + [confidence(back.nodeConfidences, $0)] } == networkx.nodes)
        // NetworkX lists a multigraph's edges by source; compare as multisets.
        let ours = (0 ..< back.edgeCount).map { e in [back.nodeIDs[Int(back.sources[e])], back.nodeIDs[Int(back.targets[e])]] + shown(edges[e]) + [confidence(back.edgeConfidences, e)] }
        func key(_ row: [String?]) -> String { row.map { $0 ?? "-" }.joined(separator: " ") }
        #expect(ours.map(key).sorted() == networkx.edges.map(key).sorted())
    }

    @Test("DOT: a malformed date, until not after since, a date on the graph or a subgraph: one line each, placed")
    func dotProblems() {
        let text = """
            digraph G {
              since=2024;
              node [until="2030"];
              a [since="2024-13"];
              b [since=2025, until=2024];
              c;
              a -> b [since="x"];
              a -> b [since="x"];
              b -> c -> a [until="2020-02-30"];
              subgraph s { until="2021" }
            }
            """
        let notADate = "is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, a real day)"
        do {
            _ = try DOTReader().read(string: text, fileName: "d.dot")
            Issue.record("read a DOT file with bad dates")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "d.dot:2:9: a date ('since') on a graph or subgraph: only nodes and edges carry dates",
                "d.dot:4:12: node 'a': since '2024-13' \(notADate)",
                "d.dot:5:24: node 'b': until 2024 is not after since 2025 (until is exclusive)",
                "d.dot:7:17: edge 'a' -> 'b': since 'x' \(notADate)",
                "d.dot:8:17: edge 'a' -> 'b': since 'x' \(notADate)",
                "d.dot:9:22: edge 'b' -> 'c': until '2020-02-30' \(notADate)",
                "d.dot:9:22: edge 'c' -> 'a': until '2020-02-30' \(notADate)",
                "d.dot:10:22: a date ('until') on a graph or subgraph: only nodes and edges carry dates",
            ])
        }
    }

    @Test("DOT: confidences, defaults included; a bad one placed at its value")
    func dotConfidences() throws {
        let table = try DOTReader().read(string: "digraph { node [confidence=0.5]; a; b [confidence=\"0.25\"]; a -> b [confidence=1]; b -> a }")
        #expect(table.nodeConfidences == [0.5, 0.25] && table.edgeConfidences == [1, 1])
        #expect(try DOTReader().read(string: "digraph { a -> b }").nodeConfidences == nil)
        do {
            _ = try DOTReader().read(string: "digraph {\n  a [confidence=1.5];\n  a -> b [confidence=\"sure\"];\n}\n", fileName: "c.dot")
            Issue.record("read a DOT file with bad confidences")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "c.dot:2:17: node 'a': confidence '1.5' is not a number in [0, 1]",
                "c.dot:3:22: edge 'a' -> 'b': confidence 'sure' is not a number in [0, 1]",
            ])
        }
    }

    @Test("DOT: defaults apply, an empty date is open, and a table has date columns only when the file sets dates")
    func dotDefaults() throws {
        let table = try DOTReader().read(string: """
            graph { node [since=2020]; a; b [since="", until="2021-06"]; edge [until=2030]; a -- b; b -- a [until=""] }
            """)
        #expect(table.nodeLifetimes == [Lifetime(since: Self.date("2020")), Lifetime(until: Self.date("2021-06"))])
        #expect(table.edgeLifetimes == [Lifetime(until: Self.date("2030")), .always])
        let undated = try DOTReader().read(string: "digraph { a -> b [kind=x] }")
        #expect(undated.nodeLifetimes == nil && undated.edgeLifetimes == nil)
    }
}
