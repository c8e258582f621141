import EcoGraphAnalysis
import EcoGraphRender
import EcoGraphTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Node groups of an SVG: class and `<title>`, plus every text run and element name.
private final class SVGReader: NSObject, XMLParserDelegate {
    var nodes: [(title: String, classes: String)] = []
    var texts: [String] = []
    var elements: Set<String> = []
    var urlAttributes: [String] = []
    private var pendingClass: String?
    private var inTitle = false, inText = false
    private var buffer = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.insert(name.lowercased())
        if name == "g", let classes = attributes["class"], classes.hasPrefix("node") { pendingClass = classes }
        if name == "title" || name == "text" { buffer = ""; inTitle = name == "title"; inText = name == "text" }
        for (key, value) in attributes where key.lowercased().contains("href") || key.lowercased().hasPrefix("on") {
            urlAttributes.append(value)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inTitle || inText { buffer += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "title", inTitle {
            if let classes = pendingClass { nodes.append((buffer, classes)); pendingClass = nil }
            inTitle = false
        }
        if name == "text", inText { texts.append(buffer); inText = false }
    }

    static func read(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> SVGReader {
        let parser = XMLParser(data: Data(bytes))
        let reader = SVGReader()
        parser.delegate = reader
        #expect(parser.parse(), "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")", sourceLocation: sourceLocation)
        return reader
    }
}

@Suite struct DiagramTests {
    static let small = try! LoadedGraph.load(path: Fixtures.path("ecosystems/small.yaml"))
    static let bundled = try! LoadedGraph.bundled()

    private func node(_ dot: DOTGraph, _ id: String) -> DOTGraph.Node? { dot.nodes.first { $0.id == id } }
    private func literal(_ value: DOTValue?) -> String? {
        switch value {
        case .literal(let s)?, .text(let s)?: s
        default: nil
        }
    }

    @Test func wholeGraphDrawsEveryNodeAndEveryEdgeAsWritten() throws {
        let dot = try Self.small.diagram()
        #expect(dot.nodes.map(\.id) == Self.small.table.nodeIDs)
        #expect(dot.edges.count == Self.small.ecosystem!.edges.count)  // restriction and influence edges too
        let ban = try #require(dot.edges.first { literal($0.attributes["class"])?.contains("kind-bans") == true })
        #expect(literal(ban.attributes["style"]) == "dashed")
        #expect(literal(ban.attributes["class"])?.contains("role-restriction") == true)
        let influence = try #require(dot.edges.first { literal($0.attributes["class"])?.contains("kind-on_par_with") == true })
        #expect(literal(influence.attributes["style"]) == "dotted")
    }

    @Test func topNKeepsTheHighestRanked() throws {
        let dot = try Self.bundled.diagram(DiagramOptions(top: 12))
        #expect(dot.nodes.count == 12)
        let pagerank = try Self.bundled.centrality(.pagerank).scores.prefix(12).map(\.id)
        #expect(Set(dot.nodes.map(\.id)) == Set(pagerank))
        let kept = Set(dot.nodes.map(\.id))
        #expect(dot.edges.allSatisfy { kept.contains($0.from) && kept.contains($0.to) })
    }

    @Test func egoNetworkIsTheNodesWithinDepthHops() throws {
        let one = try Self.small.diagram(DiagramOptions(focus: "model-a", depth: 1))
        #expect(Set(one.nodes.map(\.id)) == ["model-a", "lab-a", "torch", "hub", "far", "model-b"])
        let zero = try Self.small.diagram(DiagramOptions(focus: "model-a", depth: 0))
        #expect(zero.nodes.map(\.id) == ["model-a"])
        let two = try Self.small.diagram(DiagramOptions(focus: "model-a", depth: 2))
        #expect(Set(two.nodes.map(\.id)).isSuperset(of: ["home", "devs", "gpu", "lab-b", "forum"]))
        #expect(throws: AnalysisError.self) { _ = try Self.small.diagram(DiagramOptions(focus: "nope")) }
    }

    @Test func kindsFilterAndConsumersView() throws {
        let dot = try Self.bundled.diagram(DiagramOptions(kinds: ["model", "technology"]))
        #expect(!dot.nodes.isEmpty)
        #expect(dot.nodes.allSatisfy { ["kind-model", "kind-technology"].contains(literal($0.attributes["class"])?.split(separator: " ").first.map(String.init)) })
        #expect(throws: AnalysisError.self) { _ = try Self.small.diagram(DiagramOptions(kinds: ["spaceship"])) }
        let far = try Self.small.diagram(DiagramOptions(consumers: .ids(["far"])))
        #expect(Set(far.nodes.map(\.id)) == ["far", "model-a", "model-b", "lab-a", "lab-b", "torch", "gpu", "hub", "home"])
    }

    @Test func scenarioDiffColoursRemovedNodesAndLostDependencies() throws {
        let theme = Theme.default
        let dot = try Self.small.diagram(DiagramOptions(scenario: Scenario(name: "no torch", removeNodes: ["torch"])), theme: theme)
        let torch = try #require(node(dot, "torch"))
        #expect(literal(torch.attributes["class"])?.contains("removed") == true)
        #expect(literal(torch.attributes["style"]) == "filled,dashed")
        #expect(literal(torch.attributes["fillcolor"]) == theme.removedNode.fillColor)
        // model-a builds on torch: a lost dependency, red.
        let lost = try #require(dot.edges.first { $0.from == "model-a" && $0.to == "torch" })
        #expect(literal(lost.attributes["color"]) == theme.lostColor)
        // Untouched dependencies keep their role's colour.
        let kept = try #require(dot.edges.first { $0.from == "lab-b" && $0.to == "model-b" })
        #expect(literal(kept.attributes["color"]) == theme.edgeRoles["dependency"]!.color)
        #expect(literal(node(dot, "lab-b")?.attributes["class"])?.contains("removed") == false)
        // The legend names the highlights.
        guard case .html(let legend)? = dot.legend?.nodes.first?.attributes["label"] else { Issue.record("no legend"); return }
        #expect(legend.contains("removed") && legend.contains("lost dependency"))
    }

    @Test func appliedRestrictionCutsDependenciesInRed() throws {
        let dot = try Self.bundled.diagram(DiagramOptions(scenario: Scenario(name: "h20", apply: ["us-2025-04-h20"])))
        let red = dot.edges.filter { literal($0.attributes["color"]) == Theme.default.lostColor }
        #expect(!red.isEmpty)
        #expect(dot.edges.contains { literal($0.attributes["class"])?.contains("applied") == true })
    }

    @Test func legendListsKindsAndRolesPresent() throws {
        let dot = try Self.small.diagram()
        guard case .html(let legend)? = dot.legend?.nodes.first?.attributes["label"] else { Issue.record("no legend"); return }
        for word in ["company", "model", "community", "dependency", "restriction", "influence", "top chokepoint"] {
            #expect(legend.contains(word), "legend lacks \(word)")
        }
        #expect(!legend.contains("person"))
        #expect(try Self.small.diagram(DiagramOptions(legend: false)).legend == nil)
    }

    @Test func chokepointsGetAThickBorder() throws {
        let dot = try Self.bundled.diagram(DiagramOptions(chokepoints: 3))
        let outlined = dot.nodes.filter { literal($0.attributes["class"])?.contains("chokepoint") == true }
        #expect(outlined.count == 3)
        let top = try Self.bundled.chokepoints().chokepoints.prefix(3).map(\.id)
        #expect(Set(outlined.map(\.id)) == Set(top))
        #expect(outlined.allSatisfy { literal($0.attributes["penwidth"]) == "4" })
    }

    @Test func sizeByScalesNodesAndClusterByUsesLabels() throws {
        let dot = try Self.bundled.diagram(DiagramOptions(sizeBy: .pagerank, clusterBy: "country"))
        let sizes = Set(dot.nodes.compactMap { literal($0.attributes["fontsize"]) })
        #expect(sizes.count > 5)
        let china = try #require(dot.clusters.first { $0.members.contains("china") })
        #expect(china.label == Self.bundled.label(Self.bundled.nodeIndex()["china"]!))
        #expect(china.members.contains("alibaba") || china.members.count > 3)
        #expect(throws: AnalysisError.self) { _ = try Self.small.diagram(DiagramOptions(clusterBy: "no-such-attribute")) }
    }

    @Test func svgClassesCarryKindsAndTitlesAreIDs() throws {
        let svg = try GraphvizRenderer.render(try Self.small.diagram().text)
        let reader = SVGReader.read(svg)
        let graphNodes = reader.nodes.filter { !$0.classes.contains("legend") }
        #expect(graphNodes.map(\.title).sorted() == Self.small.table.nodeIDs.sorted())
        for (title, classes) in graphNodes {
            let kind = Self.small.kind(Self.small.nodeIndex()[title]!)!
            #expect(classes.split(separator: " ").contains("kind-\(kind)"[...]), "\(title): \(classes)")
        }
        #expect(reader.urlAttributes.isEmpty)
    }

    @Test func hostileLabelsRenderAsText() throws {
        let graph = try LoadedGraph.load(path: Fixtures.path("ecosystems/hostile.yaml"))
        let dot = try graph.diagram()
        for engine in [LayoutEngine.dot, .sfdp] {
            let svg = try GraphvizRenderer.render(dot.text, engine: engine)
            let reader = SVGReader.read(svg)
            #expect(!reader.elements.contains("script"))
            #expect(reader.urlAttributes.isEmpty, "URL-like or event attributes: \(reader.urlAttributes)")
            let titles = reader.nodes.filter { !$0.classes.contains("legend") }.map(\.title)
            // Ids come back exactly, except that an odd run of backslashes at the end gets one more (DOT's limit).
            #expect(titles.sorted() == graph.table.nodeIDs.map { $0 == "back\\slash\\" ? "back\\slash\\\\" : $0 }.sorted())
            let text = reader.texts.joined(separator: "\n")
            #expect(text.contains("<script>alert('label')</script>"))
            #expect(text.contains("</svg><g onload=\"alert(5)\">"))
            #expect(text.contains("\\N \\G \\l & &amp; &nbsp; &#0; &foo;"))
            #expect(text.contains("北京智源") && text.contains("لاہور"))
            #expect(text.contains("a -> b -- c; } { [x=y]"))
            #expect(text.contains("一段很长的标签"))
        }
    }

    @Test func genericGraphsDrawTheirEdges() throws {
        let table = GraphTable(isDirected: true, nodeIDs: ["a", "b", "legend key"], sources: [0, 1], targets: [1, 2])
        let dot = try LoadedGraph(table: table, name: "t").diagram()
        #expect(dot.edges.count == 2)
        #expect(dot.legend?.nodes.first?.id == "legend key'")  // no clash with a node of the graph
        #expect(throws: AnalysisError.self) { _ = try LoadedGraph(table: table, name: "t").diagram(DiagramOptions(clusterBy: "country")) }
    }

    /// The hostile fixture's DOT, pinned: re-record with `ECOGRAPH_RECORD_GOLDEN=1 swift test --filter DiagramTests`.
    @Test func goldenHostileDOT() throws {
        let graph = try LoadedGraph.load(path: Fixtures.path("ecosystems/hostile.yaml"))
        let text = try graph.diagram().text
        let path = Fixtures.path("golden/hostile.dot")
        if ProcessInfo.processInfo.environment["ECOGRAPH_RECORD_GOLDEN"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(text == (try String(contentsOfFile: path, encoding: .utf8)), "DOT output changed; if on purpose, re-record with ECOGRAPH_RECORD_GOLDEN=1")
    }

    @Test func sameGraphSameDOT() throws {
        #expect(try Self.bundled.diagram(DiagramOptions(clusterBy: "country")).text == Self.bundled.diagram(DiagramOptions(clusterBy: "country")).text)
    }
}

@Suite struct ThemeTests {
    @Test func exampleThemeMergesOntoTheDefault() throws {
        let path = Fixtures.repositoryRoot.appendingPathComponent("docs/theme-example.yaml").path
        let theme = try Theme.load(contentsOf: path)
        #expect(theme.backgroundColor == "#1a202c")
        #expect(theme.nodeKinds["company"]?.fillColor == "#2a4365")
        #expect(theme.nodeKinds["company"]?.shape == Theme.default.nodeKinds["company"]?.shape)  // not overridden
        #expect(theme.nodeKinds["company"]?.glyph == "🏢")
        #expect(theme.resolvedStyle(forEdgeKind: "export_controls", role: "restriction").style == "bold")
        #expect(theme.resolvedStyle(forEdgeKind: "export_controls", role: "restriction").arrowhead == "tee")  // from the role
        #expect(theme.fallbackNode.fillColor == "#4a5568")
        let dot = try DiagramTests.small.diagram(theme: theme).text
        #expect(dot.contains("\"bgcolor\"=\"#1a202c\""))
    }

    @Test func badThemeFilesReportEveryProblemWithPositions() throws {
        let text = """
            background: "javascript:alert(1)"
            nodes:
              company: {shape: blob, glyph: "<b>"}
            roles:
              flow: {color: red}
            wat: 1
            """
        #expect {
            _ = try ThemeFile.decode(text, format: .yaml, file: "t.yaml")
        } throws: { error in
            guard let error = error as? GraphFileError else { return false }
            let lines = error.description.split(separator: "\n")
            return lines.count == 5 && lines.allSatisfy { $0.hasPrefix("t.yaml:") }
                && lines[0].hasPrefix("t.yaml:1:") && lines[4].hasPrefix("t.yaml:6:")
        }
        let json = try ThemeFile.decode(##"{"lost": "#ff0000", "glyphs": false}"##, format: .json, file: "t.json")
        #expect(json.lost == "#ff0000" && json.glyphs == false)
    }
}
