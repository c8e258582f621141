import EcoGraphIO
import EcoGraphModel
import EcoGraphTestSupport
import Foundation
import Testing

/// Hostile input for the edge-list, CSV, GraphML and ecosystem (YAML/JSON) readers: each case asserts the exact
/// error (file, line, column, message), `exceededLimit` where a limit is the reason, and, for inputs made to be
/// expensive, a time bound. Big inputs are generated here, not committed.
@Suite("Hostile input")
struct HostileInputTests {
    /// The bound for every hostile read (generous for a debug build on a shared 2-core machine).
    static let timeBound = Duration.seconds(2)

    /// The error a read raises (recording a failure if it reads), and how long it took.
    func failure<T>(_ body: () throws(GraphFileError) -> T,
                    sourceLocation: SourceLocation = #_sourceLocation) -> (error: GraphFileError?, time: Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            _ = try body()
            Issue.record("expected a GraphFileError, the read succeeded", sourceLocation: sourceLocation)
            return (nil, clock.now - start)
        } catch {
            return (error, clock.now - start)
        }
    }

    /// Asserts that a read fails with exactly these diagnostics (as printed), the limit, and within the bound.
    func expectFailure<T>(_ expected: [String], limit: InputLimits.Limit? = nil,
                          sourceLocation: SourceLocation = #_sourceLocation,
                          _ body: () throws(GraphFileError) -> T) {
        let (error, time) = failure(body, sourceLocation: sourceLocation)
        guard let error else { return }
        #expect(error.diagnostics.map(\.description) == expected, sourceLocation: sourceLocation)
        #expect(error.exceededLimit == limit, sourceLocation: sourceLocation)
        #expect(time < Self.timeBound, "took \(time)", sourceLocation: sourceLocation)
    }

    /// A temporary file holding `bytes`, removed after `body`.
    func withFile<R>(_ name: String, _ bytes: [UInt8], _ body: (String) throws -> R) throws -> R {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecograph-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return try body(path)
    }

    func limits(_ change: (inout InputLimits) -> Void) -> InputLimits {
        var limits = InputLimits.default
        change(&limits)
        return limits
    }

    let empty = "empty graph: no nodes or edges"

    // MARK: - Edge list

    @Test("edge list: empty, blank, comments only and BOM only are all an empty graph")
    func edgeListEmpty() {
        for text in ["", "\n\n", "# only a comment\n   # another\n", "\u{FEFF}", " \t\r\n"] {
            expectFailure(["e.txt: \(empty)"]) { () throws(GraphFileError) in try EdgeListReader().read(string: text, fileName: "e.txt") }
        }
    }

    @Test("edge list: an empty file on disk is an empty graph")
    func edgeListEmptyFile() throws {
        try withFile("empty.txt", []) { path in
            expectFailure(["\(path): \(empty)"]) { () throws(GraphFileError) in try EdgeListReader().read(path: path) }
        }
    }

    @Test("edge list: a BOM is not a column; CRLF lines count like LF")
    func edgeListBOMAndCRLF() {
        expectFailure(["b.txt:1:1: expected 'source target [weight]', found one field only: 'lonely'",
                       "b.txt:3:5: weight 'x' is not a finite number"]) { () throws(GraphFileError) in
            try EdgeListReader().read(string: "\u{FEFF}lonely\r\na b 1\r\nc d x\r\n", fileName: "b.txt")
        }
    }

    @Test("edge list: columns count Unicode scalars, not bytes")
    func edgeListColumnsInScalars() {
        expectFailure(["u.txt:1:9: expected at most 3 fields (source target weight), found 4: unexpected 'x'"]) { () throws(GraphFileError) in
            try EdgeListReader().read(string: "北京 上海 1\tx\n", fileName: "u.txt")
        }
    }

    @Test("edge list: NaN, infinity and 1e400 are refused; a negative weight is kept")
    func edgeListWeights() throws {
        expectFailure(["w.txt:1:6: weight 'NaN' is not a finite number",
                       "w.txt:2:5: weight '-inf' is not a finite number",
                       "w.txt:3:5: weight '1e400' is not a finite number"]) { () throws(GraphFileError) in
            try EdgeListReader().read(string: "a bb NaN\na b -inf\na b 1e400\n", fileName: "w.txt")
        }
        let table = try EdgeListReader().read(string: "a b -2.5\nb c 1e-400\n")
        #expect(table.weights == [-2.5, 0])
    }

    @Test("edge list: invalid UTF-8 is reported at its first bad byte")
    func edgeListInvalidUTF8() throws {
        let bytes = Array("a b\n".utf8) + Array("é".utf8) + [0x78, 0xC3, 0x28] + Array(" c\n".utf8)
        let (error, _) = failure { () throws(GraphFileError) in try EdgeListReader().read(bytes: bytes, fileName: "u.txt") }
        let diagnostic = try #require(error?.diagnostics.first)
        #expect(diagnostic.position == FilePosition(line: 2, column: 3))
        #expect(diagnostic.message.hasSuffix("' is not valid UTF-8"))
        #expect(error?.diagnostics.count == 1)
    }

    @Test("edge list: a NUL byte is refused at its position when the file is read")
    func edgeListNUL() throws {
        try withFile("nul.txt", Array("a b\nc d".utf8) + [0] + Array("e\n".utf8)) { path in
            expectFailure(["\(path):2:4: a NUL byte: this is not a text file (every graph format EcoGraph reads is text)"]) { () throws(GraphFileError) in
                try EdgeListReader().read(path: path)
            }
        }
    }

    @Test("edge list: a truncated last line")
    func edgeListTruncated() {
        expectFailure(["t.txt:2:1: expected 'source target [weight]', found one field only: 'numpy'"]) { () throws(GraphFileError) in
            try EdgeListReader().read(string: "pytorch numpy 1.5\nnumpy", fileName: "t.txt")
        }
    }

    @Test("edge list: an id past idBytes is refused at it")
    func edgeListLongID() {
        let small = limits { $0.idBytes = 8 }
        expectFailure(["l.txt:2:7: id '123456789' exceeds the id length limit of 8 bytes"], limit: .idBytes) { () throws(GraphFileError) in
            try EdgeListReader(limits: small).read(string: "a b\nshort 123456789\n", fileName: "l.txt")
        }
        // Exactly at the limit reads.
        #expect((try? EdgeListReader(limits: small).read(string: "12345678 b\n")) != nil)
    }

    @Test("edge list: a 4 MB id is refused quickly, shown shortened")
    func edgeListHugeID() {
        let id = String(repeating: "x", count: 4 << 20)
        let shown = String(repeating: "x", count: 80) + "…"
        expectFailure(["h.txt:1:3: id '\(shown)' exceeds the id length limit of 65536 bytes"], limit: .idBytes) { () throws(GraphFileError) in
            try EdgeListReader().read(string: "a \(id)\n", fileName: "h.txt")
        }
    }

    @Test("edge list: node and edge counts are limited at the offending line")
    func edgeListCounts() {
        let threeNodes = limits { $0.nodes = 3 }
        expectFailure(["n.txt:3:3: the number of nodes exceeds the node count limit of 3 nodes"], limit: .nodes) { () throws(GraphFileError) in
            try EdgeListReader(limits: threeNodes).read(string: "a b\nb c\nc d\n", fileName: "n.txt")
        }
        let twoEdges = limits { $0.edges = 2 }
        expectFailure(["m.txt:4:2: the number of edges exceeds the edge count limit of 2 edges"], limit: .edges) { () throws(GraphFileError) in
            try EdgeListReader(limits: twoEdges).read(string: "a b\n# c\nb c\n\tc a\n", fileName: "m.txt")
        }
    }

    @Test("edge list: a 200,000-edge file past the edge limit fails at the last line")
    func edgeListManyEdges() {
        let text = (0 ..< 200_000).map { "n\($0) n\($0 + 1)" }.joined(separator: "\n")
        let bounded = limits { $0.edges = 199_999 }
        expectFailure(["big.txt:200000:1: the number of edges exceeds the edge count limit of 199999 edges"], limit: .edges) { () throws(GraphFileError) in
            try EdgeListReader(limits: bounded).read(string: text, fileName: "big.txt")
        }
    }

    // MARK: - CSV

    @Test("CSV: empty and blank files are an empty graph at FILE; a header alone at the header's line")
    func csvEmpty() {
        for text in ["", "\n \r\n", "\u{FEFF}"] {
            expectFailure(["e.csv: \(empty)"]) { () throws(GraphFileError) in try CSVReader().read(string: text, fileName: "e.csv") }
        }
        expectFailure(["h.csv:1:1: \(empty)"]) { () throws(GraphFileError) in
            try CSVReader().read(string: "source,target,weight\n", fileName: "h.csv")
        }
        expectFailure(["h.csv:3:1: \(empty)"]) { () throws(GraphFileError) in
            try CSVReader().read(string: "\n\nsource,target\r\n\r\n  \n", fileName: "h.csv")
        }
    }

    @Test("CSV: BOM and CRLF do not move columns")
    func csvBOMAndCRLF() {
        expectFailure(["b.csv:3:5: weight 'x' is not a finite number"]) { () throws(GraphFileError) in
            try CSVReader().read(string: "\u{FEFF}source,target,weight\r\na,b,1\r\nc,d,x\r\n", fileName: "b.csv")
        }
    }

    @Test("CSV: NaN, infinity and 1e400 weights are refused at their field")
    func csvWeights() throws {
        expectFailure(["w.csv:2:6: weight 'NaN' is not a finite number",
                       "w.csv:3:5: weight ' +Inf' is not a finite number",
                       "w.csv:4:5: weight '1e400' is not a finite number"]) { () throws(GraphFileError) in
            try CSVReader().read(string: "source,target,weight\na,bb,NaN\na,b, +Inf\na,b,\"1e400\"\n", fileName: "w.csv")
        }
        #expect(try CSVReader().read(string: "source,target,weight\na,b,-3\n").weights == [-3])
    }

    @Test("CSV: positions inside and after a quoted field spanning lines")
    func csvMultilineQuotes() {
        expectFailure(["q.csv:3:7: unexpected 'x' after the closing quote of a field",
                       "q.csv:4:5: weight 'w' is not a finite number"]) { () throws(GraphFileError) in
            try CSVReader().read(string: "source,target,weight\n\"a\nb\",\"c\"x,1\nd,e,w\n", fileName: "q.csv")
        }
    }

    @Test("CSV: invalid UTF-8 on the second line of a quoted id is reported at the bad byte")
    func csvInvalidUTF8() throws {
        let bytes = Array("source,target\n\"x\ny".utf8) + [0xFF] + Array("\",b\n".utf8)
        let (error, _) = failure { () throws(GraphFileError) in try CSVReader().read(bytes: bytes, fileName: "u.csv") }
        let diagnostic = try #require(error?.diagnostics.first)
        #expect(diagnostic.position == FilePosition(line: 3, column: 2))
        #expect(diagnostic.message.hasPrefix("id '\"x") == false && diagnostic.message.hasPrefix("id 'x\ny"))
        #expect(error?.diagnostics.count == 1)
    }

    @Test("CSV: a truncated quoted field")
    func csvTruncated() {
        expectFailure(["t.csv:2:3: quoted field is not closed before the end of the file"]) { () throws(GraphFileError) in
            try CSVReader().read(string: "source,target\na,\"b", fileName: "t.csv")
        }
    }

    @Test("CSV: a NUL byte is refused at its position when the file is read")
    func csvNUL() throws {
        try withFile("nul.csv", Array("source,target\na,".utf8) + [0]) { path in
            expectFailure(["\(path):2:3: a NUL byte: this is not a text file (every graph format EcoGraph reads is text)"]) { () throws(GraphFileError) in
                try CSVReader().read(path: path)
            }
        }
    }

    @Test("CSV: an id past idBytes, quoted or not, is refused at its field")
    func csvLongID() {
        let small = limits { $0.idBytes = 4 }
        expectFailure(["l.csv:2:5: id 'abcde' exceeds the id length limit of 4 bytes"], limit: .idBytes) { () throws(GraphFileError) in
            try CSVReader(limits: small).read(string: "source,target\nabc,\"abcde\"\n", fileName: "l.csv")
        }
        expectFailure(["k.csv:2:5: kind 'large' exceeds the id length limit of 4 bytes"], limit: .idBytes) { () throws(GraphFileError) in
            try CSVReader(limits: small).read(string: "source,target,kind\na,b,large\n", fileName: "k.csv")
        }
    }

    @Test("CSV: node and edge counts are limited, target-first columns included")
    func csvCounts() {
        let twoNodes = limits { $0.nodes = 2 }
        expectFailure(["n.csv:3:1: the number of nodes exceeds the node count limit of 2 nodes"], limit: .nodes) { () throws(GraphFileError) in
            try CSVReader(limits: twoNodes).read(string: "target,source\nb,a\nc,a\n", fileName: "n.csv")
        }
        let oneEdge = limits { $0.edges = 1 }
        expectFailure(["m.csv:3:1: the number of edges exceeds the edge count limit of 1 edges"], limit: .edges) { () throws(GraphFileError) in
            try CSVReader(limits: oneEdge).read(string: "source,target\na,b\nb,a\n", fileName: "m.csv")
        }
    }

    // MARK: - GraphML

    func graphml(_ body: String, directed: Bool = true) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <graph edgedefault="\(directed ? "directed" : "undirected")">
        \(body)
          </graph>
        </graphml>
        """
    }

    @Test("GraphML: a node id declared twice names both lines")
    func graphMLDuplicateIDs() {
        let text = graphml("""
                <node id="a"/>
                <node id="b"/>
              <node id="a"><data key="x">second</data></node>
            """)
        expectFailure(["d.graphml:6:3: duplicate node id 'a' (first at line 4)"]) { () throws(GraphFileError) in
            try GraphMLReader().read(string: text, fileName: "d.graphml")
        }
    }

    @Test("GraphML: a node first named by an edge, then declared, is not a duplicate")
    func graphMLEdgeThenNode() throws {
        let table = try GraphMLReader().read(string: graphml("""
                <edge source="a" target="b"/>
                <node id="a"/>
            """))
        #expect(table.nodeIDs == ["a", "b"])
    }

    @Test("GraphML: billion laughs is refused before parsing, at the first <!ENTITY")
    func graphMLBillionLaughs() {
        var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [\n  <!ENTITY lol \"lol\">\n"
        for k in 1 ... 9 {
            text += "  <!ENTITY lol\(k) \"" + String(repeating: "&lol\(k == 1 ? "" : String(k - 1));", count: 10) + "\">\n"
        }
        text += "]>\n<graphml><graph edgedefault=\"directed\"><node id=\"&lol9;\"/></graph></graphml>\n"
        expectFailure(["b.graphml:3:3: entity declarations (<!ENTITY) are not supported: GraphML needs none, and expanding them can exhaust memory"]) { () throws(GraphFileError) in
            try GraphMLReader().read(string: text, fileName: "b.graphml")
        }
    }

    @Test("GraphML: a DOCTYPE without entities still reads; an external entity is never resolved")
    func graphMLDoctype() throws {
        let table = try GraphMLReader().read(string: """
            <?xml version="1.0"?>
            <!DOCTYPE graphml SYSTEM "http://www.graphdrawing.org/dtds/graphml.dtd">
            <graphml><graph edgedefault="directed"><node id="a"/><edge source="a" target="b"/></graph></graphml>
            """)
        #expect(table.nodeIDs == ["a", "b"])
    }

    @Test("GraphML: nesting past the limit is refused at the element that goes past it")
    func graphMLDeepNesting() {
        let shallow = limits { $0.nestingDepth = 5 }
        let text = graphml("<node id=\"a\"><data key=\"d\"><x><y>deep</y></x></data></node>")
        expectFailure(["n.graphml:4:31: the XML nesting exceeds the nesting depth limit of 5 levels"], limit: .nestingDepth) { () throws(GraphFileError) in
            try GraphMLReader(limits: shallow).read(string: text, fileName: "n.graphml")
        }
    }

    @Test("GraphML: 100,000 nested elements fail fast at the default limit")
    func graphMLVeryDeepNesting() {
        let text = "<graphml>" + String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000) + "</graphml>"
        expectFailure(["deep.graphml:1:775: the XML nesting exceeds the nesting depth limit of 256 levels"], limit: .nestingDepth) { () throws(GraphFileError) in
            try GraphMLReader().read(string: text, fileName: "deep.graphml")
        }
    }

    @Test("GraphML: an attribute value past valueBytes is refused at its element")
    func graphMLLongAttribute() {
        let small = limits { $0.valueBytes = 40 }  // the xmlns value is 37 bytes
        let text = graphml("<node id=\"a\" comment=\"\(String(repeating: "c", count: 41))\"/>")
        expectFailure(["a.graphml:4:1: the value of attribute 'comment' exceeds the value length limit of 40 bytes"], limit: .valueBytes) { () throws(GraphFileError) in
            try GraphMLReader(limits: small).read(string: text, fileName: "a.graphml")
        }
    }

    @Test("GraphML: a <data> text past valueBytes is refused at its <data>, also when split by CDATA")
    func graphMLLongText() {
        let small = limits { $0.valueBytes = 40 }  // the xmlns value is 37 bytes
        let text = graphml("""
            <key id="l" for="node" attr.name="label" attr.type="string"/>
            <node id="a"><data key="l">\(String(repeating: "t", count: 30))<![CDATA[1234567890]]>X</data></node>
            """)
        expectFailure(["t.graphml:5:14: the text of this <data> element exceeds the value length limit of 40 bytes"], limit: .valueBytes) { () throws(GraphFileError) in
            try GraphMLReader(limits: small).read(string: text, fileName: "t.graphml")
        }
    }

    @Test("GraphML: ids past idBytes are refused, for nodes and edge endpoints")
    func graphMLLongID() {
        let small = limits { $0.idBytes = 3 }
        expectFailure(["i.graphml:4:3: the node id 'abcd' exceeds the id length limit of 3 bytes"], limit: .idBytes) { () throws(GraphFileError) in
            try GraphMLReader(limits: small).read(string: graphml("  <node id=\"abcd\"/>"), fileName: "i.graphml")
        }
        expectFailure(["i.graphml:4:3: the edge target 'long' exceeds the id length limit of 3 bytes"], limit: .idBytes) { () throws(GraphFileError) in
            try GraphMLReader(limits: small).read(string: graphml("  <edge source=\"a\" target=\"long\"/>"), fileName: "i.graphml")
        }
    }

    @Test("GraphML: node and edge counts are limited")
    func graphMLCounts() {
        let twoNodes = limits { $0.nodes = 2 }
        expectFailure(["c.graphml:5:1: the number of nodes exceeds the node count limit of 2 nodes"], limit: .nodes) { () throws(GraphFileError) in
            try GraphMLReader(limits: twoNodes).read(string: graphml("<node id=\"a\"/><node id=\"b\"/>\n<edge source=\"a\" target=\"c\"/>"),
                                                     fileName: "c.graphml")
        }
        let oneEdge = limits { $0.edges = 1 }
        expectFailure(["c.graphml:4:30: the number of edges exceeds the edge count limit of 1 edges"], limit: .edges) { () throws(GraphFileError) in
            try GraphMLReader(limits: oneEdge).read(string: graphml("<edge source=\"a\" target=\"b\"/><edge source=\"b\" target=\"a\"/>"),
                                                    fileName: "c.graphml")
        }
    }

    @Test("GraphML: empty and blank files and an empty <graph> are an empty graph")
    func graphMLEmpty() {
        for text in ["", "\u{FEFF}\n  \r\n", graphml("")] {
            expectFailure(["e.graphml: \(empty)"]) { () throws(GraphFileError) in try GraphMLReader().read(string: text, fileName: "e.graphml") }
        }
    }

    @Test("GraphML: a truncated file is malformed XML at its end")
    func graphMLTruncated() throws {
        let (error, _) = failure { () throws(GraphFileError) in
            try GraphMLReader().read(string: "<graphml><graph edgedefault=\"directed\"><node id=\"a\"", fileName: "t.graphml")
        }
        let diagnostic = try #require(error?.diagnostics.first)
        #expect(diagnostic.position?.line == 1)
        #expect(diagnostic.message.hasPrefix("malformed XML"))
        #expect(error?.diagnostics.count == 1)
    }

    @Test("GraphML: invalid UTF-8 is refused on its line, before the XML parser")
    func graphMLInvalidUTF8() throws {
        let bytes = Array(graphml("<node id=\"a\"/>").utf8.prefix(120)) + [0xFF, 0xFE] + Array(graphml("<node id=\"b\"/>").utf8.dropFirst(120))
        let (error, _) = failure { () throws(GraphFileError) in try GraphMLReader().read(bytes: bytes, fileName: "u.graphml") }
        let diagnostic = try #require(error?.diagnostics.first)
        #expect(diagnostic.message == "the file is not valid UTF-8 text")
        #expect(diagnostic.position?.line == 3)
    }

    @Test("GraphML: NaN and 1e400 weights are refused, naming the edge")
    func graphMLWeights() {
        let text = graphml("""
            <key id="w" for="edge" attr.name="weight" attr.type="double"/>
            <edge source="a" target="b"><data key="w">NaN</data></edge>
            <edge source="b" target="c"><data key="w">1e400</data></edge>
            """)
        expectFailure(["w.graphml:5:29: edge (a -> b): weight 'NaN' is not a finite number",
                       "w.graphml:6:29: edge (b -> c): weight '1e400' is not a finite number"]) { () throws(GraphFileError) in
            try GraphMLReader().read(string: text, fileName: "w.graphml")
        }
    }

    // MARK: - Ecosystem files (YAML, JSON)

    func decode(_ text: String, _ format: EcosystemFormat, file: String, limits: InputLimits = .default) throws(GraphFileError) -> Ecosystem {
        try EcosystemFile.decode(text, format: format, file: file, limits: limits)
    }

    @Test("ecosystems: an empty, blank or comment-only file is an empty graph in both spellings")
    func ecosystemEmpty() {
        for (text, format) in [("", EcosystemFormat.yaml), ("# nothing yet\n\n", .yaml), ("", .json), ("\u{FEFF} \n\t", .json)] {
            expectFailure(["e: \(empty)"]) { () throws(GraphFileError) in try decode(text, format, file: "e") }
        }
    }

    @Test("ecosystems: an empty file on disk reads like an empty text")
    func ecosystemEmptyFile() throws {
        try withFile("empty.yaml", []) { path in
            expectFailure(["\(path): \(empty)"]) { () throws(GraphFileError) in try EcosystemFile.read(contentsOf: path) }
        }
    }

    @Test("ecosystems: duplicate keys in YAML and JSON at the duplicate")
    func ecosystemDuplicateKeys() {
        expectFailure(["d.json:2:41: malformed JSON: duplicate key 'id' in an object"]) { () throws(GraphFileError) in
            try decode("{\"ecograph\": 1,\n \"nodes\": [{\"id\": \"a\", \"kind\": \"model\", \"id\": \"b\"}]}", .json, file: "d.json")
        }
        let (error, _) = failure { () throws(GraphFileError) in
            try decode("ecograph: 1\nnodes:\n  - id: a\n    kind: model\n    id: b\n", .yaml, file: "d.yaml")
        }
        #expect(error?.diagnostics.count == 1)
        #expect(error?.description.hasPrefix("d.yaml:") == true)
        #expect(error?.description.contains("duplicate key 'id'") == true, "\(String(describing: error))")
    }

    @Test("ecosystems: deep JSON nesting is refused at the level past the limit")
    func ecosystemDeepJSON() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        expectFailure(["deep.json:1:257: the JSON nesting exceeds the nesting depth limit of 256 levels"], limit: .nestingDepth) { () throws(GraphFileError) in
            try decode(text, .json, file: "deep.json")
        }
    }

    @Test("ecosystems: deep YAML nesting, block and flow, is refused")
    func ecosystemDeepYAML() throws {
        let shallow = limits { $0.nestingDepth = 3 }
        expectFailure(["b.yaml:4:9: the YAML nesting exceeds the nesting depth limit of 3 levels"], limit: .nestingDepth) { () throws(GraphFileError) in
            try decode("nodes:\n  - a:\n      b:\n        c: d\n", .yaml, file: "b.yaml", limits: shallow)
        }
        let flow = "nodes: " + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)
        let (error, time) = failure { () throws(GraphFileError) in try decode(flow, .yaml, file: "f.yaml") }
        #expect(error?.exceededLimit == .nestingDepth)
        #expect(error?.description.hasPrefix("f.yaml: the YAML nesting") == true, "\(String(describing: error))")
        #expect(time < Self.timeBound)
    }

    @Test("ecosystems: a node id past idBytes is refused at the value")
    func ecosystemLongID() {
        let small = limits { $0.idBytes = 5 }
        expectFailure(["i.yaml:3:9: `id` of node at line 3 'abcdef' exceeds the id length limit of 5 bytes"], limit: .idBytes) { () throws(GraphFileError) in
            try decode("ecograph: 1\nnodes:\n  - id: abcdef\n    kind: model\n", .yaml, file: "i.yaml", limits: small)
        }
        expectFailure(["i.json:1:73: `to` of the edge at line 1 'far-away' exceeds the id length limit of 5 bytes"], limit: .idBytes) { () throws(GraphFileError) in
            try decode(#"{"nodes": [{"id": "a", "kind": "model"}], "edges": [{"from": "a", "to": "far-away", "kind": "develops"}]}"#,
                       .json, file: "i.json", limits: small)
        }
    }

    @Test("ecosystems: labels, notes and attribute values past valueBytes are refused")
    func ecosystemLongValues() {
        let small = limits { $0.valueBytes = 8 }
        expectFailure(["v.yaml:3:33: `label` of node 'a' 'a long label' exceeds the value length limit of 8 bytes"], limit: .valueBytes) { () throws(GraphFileError) in
            try decode("ecograph: 1\nnodes:\n  - {id: a, kind: model, label: a long label}\n", .yaml, file: "v.yaml", limits: small)
        }
        expectFailure(["v.yaml:3:48: attribute 'license' 'Apache-2.0' exceeds the value length limit of 8 bytes"], limit: .valueBytes) { () throws(GraphFileError) in
            try decode("ecograph: 1\nnodes:\n  - {id: a, kind: model, attributes: {license: Apache-2.0}}\n", .yaml, file: "v.yaml", limits: small)
        }
        expectFailure(["v.yaml:3:32: `note` of node 'a' 'noted at length' exceeds the value length limit of 8 bytes"], limit: .valueBytes) { () throws(GraphFileError) in
            try decode("ecograph: 1\nnodes:\n  - {id: a, kind: model, note: noted at length}\n", .yaml, file: "v.yaml", limits: small)
        }
    }

    @Test("ecosystems: node and edge counts are limited at the first item past the limit")
    func ecosystemCounts() {
        let oneNode = limits { $0.nodes = 1 }
        expectFailure(["c.json:1:42: the number of nodes exceeds the node count limit of 1 nodes"], limit: .nodes) { () throws(GraphFileError) in
            try decode(#"{"nodes": [{"id": "a", "kind": "model"}, {"id": "b", "kind": "model"}]}"#, .json, file: "c.json", limits: oneNode)
        }
        let noEdges = limits { $0.edges = 0 }
        expectFailure(["c.yaml:4:5: the number of edges exceeds the edge count limit of 0 edges"], limit: .edges) { () throws(GraphFileError) in
            try decode("nodes:\n  - {id: a, kind: model}\nedges:\n  - {from: a, to: a, kind: develops}\n", .yaml, file: "c.yaml", limits: noEdges)
        }
    }

    @Test("ecosystems: invalid UTF-8 is reported at the first bad byte")
    func ecosystemInvalidUTF8() throws {
        try withFile("u.yaml", Array("ecograph: 1\nname: caf".utf8) + [0xC3, 0x28] + Array("\n".utf8)) { path in
            expectFailure(["\(path):2:10: the file is not valid UTF-8 text"]) { () throws(GraphFileError) in
                try EcosystemFile.read(contentsOf: path)
            }
        }
    }

    @Test("ecosystems: NaN, infinity and 1e400 weights fail validation at the value")
    func ecosystemWeights() throws {
        let (error, _) = failure { () throws(GraphFileError) in
            try decode("""
                nodes:
                  - {id: a, kind: company}
                  - {id: b, kind: model}
                edges:
                  - {from: a, to: b, kind: develops, weight: .nan}
                  - {from: a, to: b, kind: develops, weight: 1e400}
                  - {from: a, to: b, kind: develops, weight: -1}
                """, .yaml, file: "w.yaml")
        }
        let lines = try #require(error).diagnostics.map(\.description)
        #expect(lines.count == 3, "\(lines)")
        #expect(lines.allSatisfy { $0.contains("is not a finite number > 0") }, "\(lines)")
        #expect(lines.map { $0.split(separator: ":").prefix(3).joined(separator: ":") } == ["w.yaml:5:46", "w.yaml:6:46", "w.yaml:7:46"])
    }

    @Test("ecosystems: CRLF line ends and a BOM keep positions (a YAML BOM used to be malformed YAML)")
    func ecosystemCRLFAndBOM() {
        expectFailure(["c.yaml:3:5: node 'a' has no `kind`"]) { () throws(GraphFileError) in
            try decode("\u{FEFF}ecograph: 1\r\nnodes:\r\n  - id: a\r\n", .yaml, file: "c.yaml")
        }
        expectFailure(["c.json:2:3: a node has no `id`"]) { () throws(GraphFileError) in
            try decode("\u{FEFF}{\"nodes\": [\r\n  {\"kind\": \"model\"}]}", .json, file: "c.json")
        }
    }
}
