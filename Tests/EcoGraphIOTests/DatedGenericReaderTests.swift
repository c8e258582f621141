import EcoGraphIO
import EcoGraphModel
import EcoGraphTestSupport
import Foundation
import Testing

/// `since` and `until` in GraphML and CSV: what the readers take from files other tools wrote, and every
/// problem with a date, one line each at its place, naming the node or edge.
@Suite("Dates in GraphML and CSV")
struct DatedGenericReaderTests {
    func date(_ text: String) -> EcoDate { EcoDate(text)! }

    /// The diagnostics a read fails with (recording a failure if it reads).
    func diagnostics(_ body: () throws(GraphFileError) -> GraphTable, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        do {
            _ = try body()
            Issue.record("expected a GraphFileError, the read succeeded", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// What NetworkX wrote and read back (`make_dated_fixtures.py`): `[id, since, until]`, `[u, v, since, until]`.
    struct Expected: Decodable {
        var networkx: String
        var nodes: [[String?]]
        var edges: [[String?]]
    }

    static func shown(_ l: Lifetime) -> [String?] { [l.since?.description, l.until?.description] }
    static func confidence(_ column: [Double]?, _ i: Int) -> String? { column.map { String($0[i]) } }

    @Test("a file NetworkX's write_graphml wrote: its since and until strings and confidences, keys d0 ... by attr.name")
    func networkx() throws {
        let expected = try JSONDecoder().decode(Expected.self, from: Fixtures.data("generic/dated-networkx.expected.json"))
        #expect(expected.networkx == "3.6.1")
        let table = try GraphMLReader().read(path: Fixtures.path("generic/dated-networkx.graphml"))
        let nodes = try #require(table.nodeLifetimes)
        #expect(table.nodeIDs.indices.map { [table.nodeIDs[$0]] + Self.shown(nodes[$0]) + [Self.confidence(table.nodeConfidences, $0)] } == expected.nodes)
        let edges = try #require(table.edgeLifetimes)
        #expect((0 ..< table.edgeCount).map { e in
            [table.nodeIDs[Int(table.sources[e])], table.nodeIDs[Int(table.targets[e])]] + Self.shown(edges[e]) + [Self.confidence(table.edgeConfidences, e)]
        } == expected.edges)
        #expect(nodes[1] == Lifetime(since: date("2024-06-15"), until: date("2025-01")))
    }

    @Test("GraphML: a table has date columns exactly when the file declares date keys; defaults apply")
    func graphMLColumnsAndDefaults() throws {
        let undated = try GraphMLReader().read(string: #"<graphml><graph edgedefault="directed"><node id="a"/><edge source="a" target="b"/></graph></graphml>"#)
        #expect(undated.nodeLifetimes == nil && undated.edgeLifetimes == nil)
        let declared = try GraphMLReader().read(string: """
            <graphml>
              <key id="s" for="node" attr.name="since" attr.type="string"><default>2020</default></key>
              <key id="u" for="all" attr.name="UNTIL" attr.type="string"/>
              <graph edgedefault="directed">
                <node id="a"/>
                <node id="b"><data key="s">2021-05</data><data key="u">
                  2022-01-31
                </data></node>
                <edge source="a" target="b"><data key="u">2030</data></edge>
                <edge source="b" target="a"/>
              </graph>
            </graphml>
            """)
        #expect(declared.nodeLifetimes == [Lifetime(since: date("2020")), Lifetime(since: date("2021-05"), until: date("2022-01-31"))])
        #expect(declared.edgeLifetimes == [Lifetime(until: date("2030")), .always])
    }

    @Test("GraphML: a malformed date, until not after since, dates on the graph and a port: one line each")
    func graphMLProblems() {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="d0" for="node" attr.name="Since" attr.type="string"/>
              <key id="d1" for="all" attr.name="until" attr.type="string"/>
              <key id="e0" for="edge" attr.name="since" attr.type="string"/>
              <key id="g0" for="graph" attr.name="since" attr.type="string"/>
              <graph edgedefault="directed">
                <data key="g0">2020</data>
                <node id="a"><data key="d0">2024-13</data></node>
                <node id="b"><data key="d0">2025</data><data key="d1">2024-12</data></node>
                <node id="c"><port name="p"><data key="d1">2030</data></port></node>
                <node id="d"><data key="d0"> 2021-02 </data><data key="d1">2023-02-29</data></node>
                <edge id="e1" source="a" target="b"><data key="e0">yesterday</data></edge>
                <edge source="b" target="c"><data key="e0">2024</data><data key="d1">2024-01-01</data></edge>
              </graph>
            </graphml>
            """
        let problems = diagnostics { () throws(GraphFileError) in try GraphMLReader().read(string: text, fileName: "d.graphml") }
        let notADate = "is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, a real day)"
        #expect(problems == [
            "d.graphml:8:5: a date ('since') on the <graph> element: only nodes and edges carry dates",
            "d.graphml:9:18: node 'a': since '2024-13' \(notADate)",
            "d.graphml:10:44: node 'b': until 2024-12 is not after since 2025 (until is exclusive)",
            "d.graphml:11:33: a date ('until') on a <port> of node 'c': only nodes and edges carry dates",
            "d.graphml:12:49: node 'd': until '2023-02-29' \(notADate)",
            "d.graphml:13:41: edge 'e1' (a -> b): since 'yesterday' \(notADate)",
            "d.graphml:14:59: edge (b -> c): until 2024-01-01 is not after since 2024 (until is exclusive)",
        ])
    }

    @Test("GraphML: malformed defaults are reported once at their key, reversed defaults at the until key")
    func graphMLBadDefaults() {
        let text = """
            <graphml>
              <key id="s" for="all" attr.name="since"><default>soon</default></key>
              <graph><node id="a"/><edge source="a" target="a"/></graph>
            </graphml>
            """
        #expect(diagnostics { () throws(GraphFileError) in try GraphMLReader().read(string: text, fileName: "k.graphml") } == [
            "k.graphml:2:3: the default of key 's': since 'soon' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, a real day)",
        ])
        let reversed = """
            <graphml>
              <key id="s" for="node" attr.name="since"><default>2025</default></key>
              <key id="u" for="node" attr.name="until"><default>2024</default></key>
              <graph><node id="a"/><node id="b"/></graph>
            </graphml>
            """
        #expect(diagnostics { () throws(GraphFileError) in try GraphMLReader().read(string: reversed, fileName: "k.graphml") } == [
            "k.graphml:3:3: the defaults of the date keys: until 2024 is not after since 2025 (until is exclusive)",
        ])
    }

    @Test("CSV: since and until columns, any case and order; empty fields are open ends")
    func csvColumns() throws {
        let table = try CSVReader().read(string: "Until,source,target, SINCE \n2025-02,a,b,2024\n,b,c,\n\"\",c,a,  2023-10-17\n")
        #expect(table.nodeIDs == ["a", "b", "c"])
        #expect(table.edgeLifetimes == [Lifetime(since: date("2024"), until: date("2025-02")), .always, Lifetime(since: date("2023-10-17"))])
        let undated = try CSVReader().read(string: "source,target\na,b\n")
        #expect(undated.edgeLifetimes == nil)
        let onlyUntil = try CSVReader().read(string: "source,target,until\na,b,2024\n")
        #expect(onlyUntil.edgeLifetimes == [Lifetime(until: date("2024"))])
    }

    @Test("CSV: every bad date at its field, naming the edge; a date column named twice")
    func csvProblems() {
        let text = "source,target,kind,since,until\na,b,x,2024,2023\na,c,y,2024-13,\n\"b\",c,z,,2025-02-30\nc,d,z,2020-02,2020-02-01\n"
        let notADate = "is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, a real day)"
        #expect(diagnostics { () throws(GraphFileError) in try CSVReader().read(string: text, fileName: "d.csv") } == [
            "d.csv:2:12: edge 'a' -> 'b': until 2023 is not after since 2024 (until is exclusive)",
            "d.csv:3:7: edge 'a' -> 'c': since '2024-13' \(notADate)",
            "d.csv:4:10: edge 'b' -> 'c': until '2025-02-30' \(notADate)",
            "d.csv:5:15: edge 'c' -> 'd': until 2020-02-01 is not after since 2020-02 (until is exclusive)",
        ])
        #expect(diagnostics { () throws(GraphFileError) in try CSVReader(isDirected: false).read(string: "source,target,since,Since\na,b,1,2\n", fileName: "t.csv") } == [
            "t.csv:1:21: the header names the 'since' column 2 times: 'since', 'Since'",
        ])
    }

    @Test("LifetimeFields: dates of every precision, open ends, blanks, and until exclusive on first days")
    func lifetimeFields() {
        let read = LifetimeFields.read(since: " 2023-10-17\n", until: "2024-04", owner: "node 'x'")
        #expect(read.lifetime == Lifetime(since: date("2023-10-17"), until: date("2024-04")) && read.problems.isEmpty)
        #expect(LifetimeFields.read(since: "", until: nil, owner: "n").lifetime == .always)
        // `until 2024-01-01` and `since 2024` name the same first day: the fact would hold on no day.
        let empty = LifetimeFields.read(since: "2024", until: "2024-01-01", owner: "edge 'a' -> 'b'")
        #expect(empty.problems == [LifetimeFieldProblem(field: .until, message: "edge 'a' -> 'b': until 2024-01-01 is not after since 2024 (until is exclusive)")])
        #expect(empty.lifetime == Lifetime(since: date("2024"), until: date("2024-01-01")))
        let both = LifetimeFields.read(since: "24", until: "2024-02-30", owner: "n")
        #expect(both.problems.map(\.field) == [.since, .until] && both.lifetime == .always)
        #expect(both.problems[0].message == "n: since '24' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, a real day)")
        #expect(LifetimeFields.date(" ") == .some(nil) && LifetimeFields.date("2024-02-29") == .some(date("2024-02-29")) && LifetimeFields.date("2023-02-29") == nil)
        #expect(LifetimeField(name: " Until ") == .until && LifetimeField(name: "since_") == nil)
        #expect(LifetimeFields.misplaced(.since, on: "the <graph> element") == "a date ('since') on the <graph> element: only nodes and edges carry dates")
    }

    @Test("which formats carry which dates")
    func carried() {
        #expect(GenericGraphFormat.allCases.map { [$0.carriesNodeDates, $0.carriesEdgeDates] }
                == [[false, false], [false, true], [true, true], [true, true]])
        #expect(GenericGraphFormat.allCases == [.edgelist, .csv, .graphml, .dot])
    }

    @Test("confidence: read from GraphML and CSV (1 when absent, a key's default applies); a bad one at its place")
    func confidences() throws {
        let graphML = try GraphMLReader().read(string: """
            <graphml>
              <key id="c" for="node" attr.name="Confidence" attr.type="double"><default>0.5</default></key>
              <key id="ec" for="edge" attr.name="confidence" attr.type="double"/>
              <graph edgedefault="directed">
                <node id="a"/><node id="b"><data key="c">0.25</data></node>
                <edge source="a" target="b"><data key="ec">0.1</data></edge><edge source="b" target="a"/>
              </graph>
            </graphml>
            """)
        #expect(graphML.nodeConfidences == [0.5, 0.25] && graphML.edgeConfidences == [0.1, 1])
        let csv = try CSVReader().read(string: "source,target,confidence\na,b,0.75\nb,c,\n")
        #expect(csv.edgeConfidences == [0.75, 1] && csv.nodeConfidences == nil)
        #expect(try CSVReader().read(string: "source,target\na,b\n").edgeConfidences == nil)

        let bad = """
            <graphml>
              <key id="c" for="all" attr.name="confidence"><default>2</default></key>
              <graph><node id="a"><data key="c">-0.1</data></node><edge source="a" target="a"><data key="c">high</data></edge></graph>
            </graphml>
            """
        #expect(diagnostics { () throws(GraphFileError) in try GraphMLReader().read(string: bad, fileName: "c.graphml") } == [
            "c.graphml:2:3: the default of key 'c': confidence '2' is not a number in [0, 1]",
            "c.graphml:3:23: node 'a': confidence '-0.1' is not a number in [0, 1]",
            "c.graphml:3:83: edge (a -- a): confidence 'high' is not a number in [0, 1]",
        ])
        #expect(diagnostics { () throws(GraphFileError) in try CSVReader().read(string: "source,target,confidence\na,b,1.5\nb,c,nan\n", fileName: "c.csv") } == [
            "c.csv:2:5: edge 'a' -> 'b': confidence '1.5' is not a number in [0, 1]",
            "c.csv:3:5: edge 'b' -> 'c': confidence 'nan' is not a number in [0, 1]",
        ])
    }
}
