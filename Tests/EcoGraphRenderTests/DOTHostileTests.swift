import EcoGraphIO
import EcoGraphModel
import EcoGraphRender
import Foundation
import Testing

private func dotError(_ text: String, limits: InputLimits = .default,
                      sourceLocation: SourceLocation = #_sourceLocation) -> GraphFileError? {
    do {
        _ = try DOTReader(limits: limits).read(string: text, fileName: "h.dot")
        Issue.record("expected a GraphFileError", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

@Suite("DOT reader: hostile input")
struct DOTHostileTests {
    @Test("an id beginning with '%' is refused at its line and column, not renamed")
    func percentIDs() throws {
        let error = try #require(dotError("digraph {\n  a -> \"%foo\";\n}\n"))
        #expect(error.description == "h.dot:2:8: node id '%foo' begins with '%', which Graphviz reserves for its own names and renames on reading; rename the node")
        // Joined strings, HTML strings and node statements too.
        #expect(try #require(dotError("digraph { \"\" + \"%x\" }")).diagnostics.first?.position == FilePosition(line: 1, column: 11))
        #expect(try #require(dotError("digraph { <%x> }")).diagnostics.first?.position == FilePosition(line: 1, column: 11))
        // Attribute values, attribute names, ports, graph and subgraph names may begin with '%'.
        let table = try DOTReader().read(string: """
            digraph "%G" { label="%d"; "%k"="v"; a [label="%1", "%w"="x"]; subgraph "%s" { a:"%p" -> b } }
            """)
        #expect(table.nodeIDs == ["a", "b"])
        #expect(table.nodeLabels == ["%1", "b"])
    }

    @Test("long tokens are refused before cgraph sees them, in linear time")
    func longIDs() throws {
        for (size, inQuotes) in [(1 << 20, true), (10 << 20, true), (10 << 20, false)] {
            let id = String(repeating: "a", count: size)
            let text = "digraph {\n x -> " + (inQuotes ? "\"\(id)\"" : id) + "\n}\n"
            let start = ContinuousClock.now
            let error = try #require(dotError(text))
            // A bound that load cannot trip but a quadratic scan (minutes on 10 MB) would.
            #expect(ContinuousClock.now - start < .seconds(10))
            #expect(error.exceededLimit == .idBytes)
            #expect(error.diagnostics.first?.position == FilePosition(line: 2, column: 7))
        }
        // A long label and a long comment line too (cgraph's scanner is quadratic in any token's length).
        let label = String(repeating: "b", count: 100_000)
        #expect(try #require(dotError("digraph { x [label=\"\(label)\"] }")).exceededLimit == .idBytes)
        #expect(try #require(dotError("digraph { x } // \(label)")).exceededLimit == .idBytes)
        // Up to the limit is read.
        var limits = InputLimits.default
        limits.idBytes = 200_000
        #expect(try DOTReader(limits: limits).read(string: "digraph { x [label=\"\(label)\"] }").nodeLabels == [label])
    }

    @Test("nesting deeper than the limit is refused at the '{' that passes it")
    func nesting() throws {
        var limits = InputLimits.default
        limits.nestingDepth = 3
        #expect(try DOTReader(limits: limits).read(string: "digraph { subgraph { { a } } }").nodeIDs == ["a"])
        let error = try #require(dotError("digraph {\n subgraph { { { a } } } }", limits: limits))
        #expect(error.exceededLimit == .nestingDepth)
        #expect(error.diagnostics.first?.position == FilePosition(line: 2, column: 15))
        // Braces inside strings and comments do not count.
        #expect(try DOTReader(limits: limits).read(string: "digraph { \"{{{{\" /* {{{{ */ }").nodeIDs == ["{{{{"])
        let deep = "digraph " + String(repeating: "{", count: 100_000) + String(repeating: "}", count: 100_000)
        #expect(try #require(dotError(deep)).exceededLimit == .nestingDepth)
    }

    @Test("node and edge counts past their limits")
    func counts() throws {
        var limits = InputLimits.default
        limits.nodes = 2
        #expect(try #require(dotError("digraph { a -> b -> c }", limits: limits)).exceededLimit == .nodes)
        limits = .default
        limits.edges = 1
        #expect(try #require(dotError("digraph { a -> b -> c }", limits: limits)).exceededLimit == .edges)
    }

    @Test("syntax errors get a column where the token is unique on its line, and the true line after multi-line strings")
    func columns() throws {
        let error = try #require(dotError("digraph {\n  a -> ;\n}\n"))
        #expect(error.description == "h.dot:2:8: syntax error near ';'")
        // cgraph does not count the line feeds inside "a\nb\nc": its line 3 is the file's line 5.
        let shifted = try #require(dotError("digraph {\n \"a\nb\nc\" -> x;\n y -> ;\n}\n"))
        #expect(shifted.diagnostics.first?.position == FilePosition(line: 5, column: 7))
        // Two ';' on the line: the line only.
        let twice = try #require(dotError("digraph {\n  a; b -> ;\n}\n"))
        #expect(twice.diagnostics.first?.position == FilePosition(line: 2))
    }

    @Test("ids Graphviz keeps byte for byte: line feeds, CR, tabs, control characters, backslashes, quotes")
    func exactIDs() throws {
        let ids = ["a\nb", "c\r\nd", "t\tx\u{1}y\u{7F}", "a\\\\", "c\\d", "q\"\\\\\"", "\n\n", "é", "e\u{301}", "<b>&amp;</b>"]
        let graph = DOTGraph(nodes: ids.map { DOTGraph.Node($0) })
        let table = try DOTReader().read(string: try graph.exactText())
        #expect(table.nodeIDs.map { Array($0.utf8) } == ids.map { Array($0.utf8) })
        for bad in ["%x", "a\\", "a\\\nb", "x\\\"", "\n", "\\\\\n", "\n\\a", "nul\0"] {
            let error = try #require(throws: GraphWriteError.self) { try DOTGraph.exactQuotedID(bad) }
            #expect(error.id == bad)
        }
    }
}
