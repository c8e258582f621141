import EcoGraphIO
import EcoGraphModel
import EcoGraphTestSupport
import Foundation
import Testing

@Suite struct DOTWriterTests {
    /// The quoted strings of a DOT text, as Graphviz's scanner splits them (`\"` escapes a quote, `\\` is a
    /// pair), and what remains outside them: enough to check that nothing escapes its quotes.
    private func outsideQuotes(_ text: String) -> String {
        var outside = ""
        var inside = false
        var scalars = Array(text.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            if inside {
                if c == "\\", let next = scalars.first, next == "\"" || next == "\\" { scalars.removeFirst(); continue }
                if c == "\"" { inside = false; outside += "\"" }
            } else {
                if c == "\"" { inside = true; outside += "\"" } else { outside.unicodeScalars.append(c) }
            }
        }
        #expect(!inside, "unterminated quoted string")
        return outside
    }

    @Test func hostileIDsStayInsideTheirQuotes() {
        let hostile = ["node", "edge", "graph", "subgraph", "strict", "digraph", "a\"b", "\"];x[shape=box]", "{", "}", "a->b",
                       "a--b", "x;y", "line\nbreak", "tab\there", "<b>html</b>", "back\\slash\\", "\\", "\\\"", "bell\u{07}",
                       "لاہور", "\u{202E}rtl", "北京", "🏢", ""]
        var graph = DOTGraph(name: "strict")
        for id in hostile { graph.nodes.append(.init(id, ["label": .text(id), "kind": .literal(id)])) }
        for (a, b) in zip(hostile, hostile.dropFirst()) { graph.edges.append(.init(a, b, ["tooltip": .text(a + b)])) }
        let text = graph.text
        let skeleton = outsideQuotes(text)
        // Outside the quotes: only the statement skeleton (no id, keyword or brace from user strings).
        var expected = "digraph \"\" {\n"
        for _ in hostile { expected += "  \"\" [\"\"=\"\", \"\"=\"\"];\n" }
        for _ in zip(hostile, hostile.dropFirst()) { expected += "  \"\" -> \"\" [\"\"=\"\"];\n" }
        expected += "}\n"
        #expect(skeleton == expected)
        // Line feeds, tabs and CR are kept (SVG holds them); other control characters are dropped for SVG.
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" })
        #expect(text.contains("لاہور") && text.contains("北京") && text.contains("🏢"))
    }

    @Test func textValuesEscapeForGraphvizEscapeStrings() {
        #expect(DOTGraph.quotedText("a\\Nb") == #""a\\Nb""#)
        #expect(DOTGraph.quotedText("say \"hi\"") == #""say \"hi\"""#)
        #expect(DOTGraph.quotedText("one\ntwo\r\nthree\rfour") == #""one\ntwo\nthree\nfour""#)
        #expect(DOTGraph.quotedText("tab\there\u{07}\u{00}") == #""tab here""#)
        #expect(DOTGraph.quotedText("AT&T") == #""AT&amp;T""#)
        #expect(DOTGraph.quotedText("ends\\") == #""ends\\""#)
    }

    @Test func idsKeepBackslashesAndNeverEscapeTheClosingQuote() throws {
        #expect(DOTGraph.quotedID("a\\b") == #""a\b""#)
        #expect(DOTGraph.quotedID("a\"b") == #""a\"b""#)
        // An odd run of backslashes before a quote or the end gets one more (Graphviz's scanner reads `\\` as a pair).
        #expect(DOTGraph.quotedID("a\\") == #""a\\""#)
        #expect(DOTGraph.quotedID("a\\\"") == #""a\\\"""#)
        #expect(DOTGraph.quotedID("a\\\\") == #""a\\""#)
        #expect(DOTGraph.quotedID("x\ny") == "\"x\ny\"")
        #expect(DOTGraph.quotedID("x\\\ny") == "\"x\\\\\ny\"")
        // The exact quoting spells the same ids as they are, and refuses the ones DOT cannot spell.
        #expect(try DOTGraph.exactQuotedID("a\\b\ny\"") == #""a\b\ny\"""#.replacingOccurrences(of: "\\n", with: "\n"))
        #expect(throws: GraphWriteError.self) { try DOTGraph.exactQuotedID("a\\") }
        #expect(throws: GraphWriteError.self) { try DOTGraph.exactQuotedID("%1") }
        #expect(try DOTGraph.exactQuotedID("%1", isName: false) == #""%1""#)
    }

    @Test func htmlEscapingCoversMarkup() {
        #expect(DOTGraph.htmlEscaped("<script>alert('x') & \"y\"</script>") == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
        #expect(DOTGraph.htmlEscaped("a\nb\u{01}") == "a<br/>b")
    }

    @Test func attributesAreSortedWhateverTheirOrder() {
        var a = DOTAttributes()
        a["z"] = "1"; a["a"] = "2"; a["m"] = .text("3")
        var b = DOTAttributes()
        b["m"] = .text("3"); b["z"] = "1"; b["a"] = "2"
        let one = DOTGraph(nodes: [.init("n", a)]).text
        let two = DOTGraph(nodes: [.init("n", b)]).text
        #expect(one == two)
        #expect(one.contains(#""n" ["a"="2", "m"="3", "z"="1"];"#))
    }

    @Test func clustersLegendAndUndirectedEdges() {
        let graph = DOTGraph(
            name: "g", isDirected: false, nodes: [.init("a"), .init("b")], edges: [.init("a", "b")],
            clusters: [.init(id: "0", label: "Box \"1\"", members: ["a"])],
            legend: .init(id: "legend", nodes: [.init("legend key", ["label": .html("<B>Legend</B>")])]))
        let text = graph.text
        #expect(text.hasPrefix("graph \"g\" {\n"))
        #expect(text.contains("  subgraph \"cluster_0\" {\n    \"label\"=\"Box \\\"1\\\"\";\n    \"a\";\n  }\n"))
        #expect(text.contains("subgraph \"cluster_legend\" {\n    \"legend key\" [\"label\"=<<B>Legend</B>>];\n  }\n"))
        #expect(text.contains("  \"a\" -- \"b\";\n"))
    }

    /// The small ecosystem as a DOT graph built with the writer alone (no analysis layer).
    private func smallGraph() throws -> DOTGraph {
        let ecosystem = try EcosystemFile.read(contentsOf: Fixtures.path("ecosystems/small.yaml"))
        var graph = DOTGraph(name: ecosystem.name, graphAttributes: ["rankdir": "LR", "label": .text(ecosystem.description)],
                             nodeDefaults: ["shape": "box", "style": "filled"], edgeDefaults: ["arrowsize": "0.6"])
        for node in ecosystem.nodes {
            graph.nodes.append(.init(node.id, ["label": .text(node.label), "class": .literal("kind-" + node.kind),
                                               "tooltip": .text(node.sources.joined(separator: "\n"))]))
        }
        for edge in ecosystem.edges {
            graph.edges.append(.init(edge.from, edge.to, ["class": .literal("kind-" + edge.kind), "penwidth": .literal("\(edge.weight)")]))
        }
        let countries = Dictionary(grouping: ecosystem.nodes.filter { $0.attributes["country"] != nil }) { $0.attributes["country"]!.description }
        graph.clusters = countries.keys.sorted().enumerated().map { i, key in
            DOTGraph.Cluster(id: "\(i)", label: key, members: countries[key]!.map(\.id))
        }
        graph.legend = DOTGraph.Cluster(id: "legend", label: "Legend", nodes: [.init("legend key", ["label": .html("<B>" + DOTGraph.htmlEscaped("kinds & roles") + "</B>"), "shape": "plain"])])
        return graph
    }

    @Test func sameGraphSameBytes() throws {
        let one = try smallGraph().text
        let two = try smallGraph().text
        #expect(one == two)
    }

    /// Re-record with `ECOGRAPH_RECORD_GOLDEN=1 swift test --filter DOTWriterTests`.
    @Test func goldenSmallDOT() throws {
        let text = try smallGraph().text
        let path = Fixtures.path("golden/small.dot")
        if ProcessInfo.processInfo.environment["ECOGRAPH_RECORD_GOLDEN"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == golden, "DOT output changed; if on purpose, re-record with ECOGRAPH_RECORD_GOLDEN=1")
    }
}
