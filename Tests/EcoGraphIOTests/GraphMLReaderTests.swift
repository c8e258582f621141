import EcoGraphIO
import EcoGraphModel
import EcoGraphTestSupport
import Foundation
import Testing

@Suite("GraphML reader")
struct GraphMLReaderTests {
    struct Expected: Decodable {
        var networkx: String
        var directed: Bool
        var nodes: [String]
        var labels: [String]
        var kinds: [String]
        var edges: [[String]]
    }

    @Test("a file written by NetworkX's write_graphml reads as NetworkX wrote it")
    func networkx() throws {
        let expected = try JSONDecoder().decode(Expected.self, from: Fixtures.data("generic/networkx.expected.json"))
        let table = try GraphMLReader().read(path: Fixtures.path("generic/networkx.graphml"))
        #expect(table.isDirected == expected.directed)
        #expect(table.nodeIDs == expected.nodes)
        #expect(table.nodeLabels == expected.labels)
        #expect((0 ..< table.nodeCount).map { table.kind(of: $0) } == expected.kinds)
        #expect(edgePairs(table) == expected.edges.map { [$0[0], $0[1]] })
        let weights = try #require(table.weights)
        #expect(weights.map(\.bitPattern) == expected.edges.map { Double($0[2])!.bitPattern })
        let kinds = try #require(table.edgeKinds).map { table.edgeKindNames[Int($0)] }
        #expect(kinds == expected.edges.map { $0[3] })
        // The parallel edge and the self-loop are in the table.
        #expect(edgePairs(table).filter { $0 == ["C#", "pytorch"] }.count == 2)
        #expect(edgePairs(table).contains(["node with spaces", "node with spaces"]))
    }

    @Test("yEd: labels from y:NodeLabel, weights with a key default")
    func yed() throws {
        let table = try GraphMLReader().read(path: Fixtures.path("generic/yed.graphml"))
        #expect(table.isDirected)
        #expect(table.nodeIDs == ["n0", "n1", "n2"])
        #expect(table.nodeLabels == ["DeepSeek", "通义千问 Qwen", "n2"])
        #expect(edgePairs(table) == [["n0", "n1"], ["n1", "n2"]])
        #expect(table.weights == [2.0, 1.5])
        #expect(table.nodeKinds == nil && table.edgeKinds == nil)
    }

    @Test("igraph: undirected, name labels, type kinds, an undeclared endpoint added as NetworkX does")
    func igraph() throws {
        let table = try GraphMLReader().read(path: Fixtures.path("generic/igraph.graphml"))
        #expect(!table.isDirected)
        #expect(table.nodeIDs == ["n0", "n1", "n2", "n3"])
        #expect(table.nodeLabels == ["Kimi", "月之暗面", "vLLM", "n3"])
        #expect((0 ..< 4).map { table.kind(of: $0) } == ["model", "company", "", ""])
        #expect(edgePairs(table) == [["n1", "n0"], ["n0", "n2"], ["n0", "n2"], ["n2", "n3"]])
        #expect(table.weights == [3, -0.005, 3, 1])
        #expect(try #require(table.edgeKinds).map { table.edgeKindNames[Int($0)] } == ["develops", "runs_on", "", ""])
    }

    @Test("every problem is reported at its element, naming the edge")
    func badFile() throws {
        let path = Fixtures.path("generic/bad-weight.graphml")
        let error = try #require(readError { () throws(GraphFileError) in try GraphMLReader().read(path: path) })
        #expect(error.diagnostics.map(\.description) == [
            "\(path):8:41: edge 'e1' (a -> b): weight 'heavy' is not a finite number",
            "\(path):13:7: edge 'e3' (a -> a): weight 'NaN' is not a finite number",
            "\(path):16:7: nested graphs are not supported (a <graph> inside node 'c')",
            "\(path):20:5: hyperedges are not supported",
            "\(path):24:5: edge 'e4' (b -> c) is directed=\"false\" in a directed graph; mixed graphs are not supported",
        ])
    }

    @Test("malformed XML is reported at the parser's line")
    func malformed() throws {
        let path = Fixtures.path("generic/malformed.graphml")
        let error = try #require(readError { () throws(GraphFileError) in try GraphMLReader().read(path: path) })
        #expect(error.diagnostics.count == 1)
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.position?.line == 7)
        #expect(diagnostic.description.hasPrefix("\(path):7:"))
        #expect(diagnostic.message.hasPrefix("malformed XML"))
    }

    @Test("positions count characters, not bytes, on lines with non-ASCII text")
    func unicodeColumns() throws {
        let text = """
        <graphml><key id="w" for="edge" attr.name="weight"/><graph edgedefault="undirected">
        <node id="北京"/><edge source="北京" target="上海"><data key="w">x</data></edge>
        </graph></graphml>
        """
        let error = try #require(readError { () throws(GraphFileError) in
            try GraphMLReader().read(string: text, fileName: "u.graphml")
        })
        #expect(error.description == "u.graphml:2:46: edge (北京 -- 上海): weight 'x' is not a finite number")
    }

    @Test("a non-numeric weight default and a second graph")
    func defaultsAndGraphs() throws {
        let text = """
        <graphml>
          <key id="w" for="all" attr.name="Weight" attr.type="double"><default>much</default></key>
          <graph edgedefault="directed"><edge source="a" target="b"/></graph>
          <graph edgedefault="directed"/>
        </graphml>
        """
        let error = try #require(readError { () throws(GraphFileError) in
            try GraphMLReader().read(string: text, fileName: "d.graphml")
        })
        #expect(error.diagnostics.map(\.description) == [
            "d.graphml:2:3: the default weight 'much' of key 'w' is not a finite number",
            "d.graphml:4:3: only one <graph> per file is supported; this is graph 2",
        ])
    }

    @Test("edgedefault missing reads undirected, as NetworkX does; ids kept as spelled")
    func defaults() throws {
        let table = try GraphMLReader().read(string: """
        <graphml><graph><node id=" spaced id "/><edge source=" spaced id " target="&amp;"/></graph></graphml>
        """)
        #expect(!table.isDirected)
        #expect(table.nodeIDs == [" spaced id ", "&"])
        #expect(table.weights == nil && table.nodeLabels == nil)
    }
}

@Suite("GraphML: what FoundationXML cannot take is refused first") struct GraphMLPrecheckTests {
    @Test func nonUTF8NamesEncodingsAndEmptyInstructionsAreRefusedWithPositions() throws {
        let badName = Array("<?xml version=\"1.0\"?>\n<graphml><graph><no".utf8) + [0xFF] + Array("de id=\"a\"/></graph></graphml>\n".utf8)
        let utf8 = try #require(throws: GraphFileError.self) { try GraphMLReader().read(bytes: badName, fileName: "n.graphml") }
        #expect(utf8.description == "n.graphml:2:20: the file is not valid UTF-8 text")  // the 20th character is the bad byte
        let latin = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<graphml><graph><node id=\"a\"/></graph></graphml>\n"
        let encoding = try #require(throws: GraphFileError.self) { try GraphMLReader().read(string: latin, fileName: "l.graphml") }
        #expect(encoding.description.hasPrefix("l.graphml:1:1: the file declares the encoding 'ISO-8859-1'"))
        let instruction = "<?xml version=\"1.0\"?>\n<graphml><?x?><graph><node id=\"a\"/></graph></graphml>\n"
        let pi = try #require(throws: GraphFileError.self) { try GraphMLReader().read(string: instruction, fileName: "p.graphml") }
        #expect(pi.description == "p.graphml:2:10: a processing instruction without data (<?target?>): GraphML needs none")
        // An instruction with data and an explicit UTF-8 declaration are fine.
        let fine = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml><?app data?><graph><node id=\"a\"/></graph></graphml>\n"
        #expect(try GraphMLReader().read(string: fine, fileName: "f.graphml").nodeIDs == ["a"])
    }
}
