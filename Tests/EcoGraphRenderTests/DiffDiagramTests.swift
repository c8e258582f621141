import EcoGraphAnalysis
import EcoGraphRender
import EcoGraphTestSupport
import Foundation
import Testing

@Suite struct DiffDiagramTests {
    static let dated = try! LoadedGraph.load(path: Fixtures.path("ecosystems/dated.yaml"), filter: FactFilter(asOf: EcoDate("2022-01-01")!))
    static let later = dated.refiltered(FactFilter(asOf: EcoDate("2025-06-01")!))

    private func text(_ value: DOTValue?) -> String? {
        switch value {
        case .literal(let s)?, .text(let s)?: s
        default: nil
        }
    }

    private func classes(_ dot: DOTGraph) -> [String: String] {
        Dictionary(uniqueKeysWithValues: dot.nodes.map { ($0.id, text($0.attributes["class"]) ?? "") })
    }

    @Test func theUnionIsDrawnWithTheChangesMarked() throws {
        let dot = try Self.dated.diffDiagram(to: Self.later)
        // The union: the 10 nodes of 2025 in file order, then model-old (only in 2022).
        #expect(dot.nodes.map(\.id) == ["us", "cn", "kenya", "italy", "chipco", "cnchip", "chip-a", "chip-b", "lab", "model-new", "model-old"])
        let marks = classes(dot)
        #expect(marks["chip-b"] == "kind-technology added" && marks["model-new"] == "kind-model added")
        #expect(marks["model-old"] == "kind-model removed" && marks["lab"] == "kind-company")
        let removed = try #require(dot.nodes.first { $0.id == "model-old" })
        #expect(text(removed.attributes["style"]) == "filled,dashed" && text(removed.attributes["fillcolor"]) == Theme.default.removedNode.fillColor)
        #expect(text(dot.nodes.first { $0.id == "chip-b" }?.attributes["color"]) == Theme.default.addedColor)
        // Edges: every edge of either day, once: those of 2025 in file order, then those only of 2022.
        let edges = dot.edges.map { "\($0.from)>\($0.to):" + (text($0.attributes["class"]) ?? "") }
        #expect(edges == [
            "chipco>chip-a:role-dependency kind-develops", "cnchip>chip-b:role-dependency kind-develops added",
            "lab>model-new:role-dependency kind-develops added", "model-new>chip-b:role-dependency kind-builds_on added",
            "kenya>model-new:role-dependency kind-adopts added", "us>chip-a:role-restriction kind-export_controls added",
            "lab>model-old:role-dependency kind-develops removed", "model-old>chip-a:role-dependency kind-builds_on removed",
            "kenya>model-old:role-dependency kind-adopts removed", "us>lab:role-restriction kind-export_controls removed",
        ])
        let lifted = try #require(dot.edges.first { $0.from == "us" && $0.to == "lab" })
        #expect(text(lifted.attributes["style"]) == "dashed" && text(lifted.attributes["color"]) == Theme.default.removedNode.borderColor)
        #expect(text(lifted.attributes["tooltip"]) == "us → lab (export_controls)\nid: list-lab\nremoved\nsources: listing, delisting")
        #expect(text(dot.graphAttributes["label"]) == "\(Self.dated.name): as of 2022-01-01 → as of 2025-06-01")
        #expect(dot.legend != nil)
        #expect(try Self.dated.diffDiagram(to: Self.later).text == dot.text)
    }

    @Test func contextKeepsWhatLiesNearTheChanges() throws {
        let ends: Set = ["chip-b", "model-new", "model-old", "us", "chip-a", "cnchip", "kenya", "lab"]
        #expect(Set(try Self.dated.diffDiagram(to: Self.later, options: DiffDiagramOptions(context: 0)).nodes.map(\.id)) == ends)
        // One hop more: chipco, which develops chip-a. italy and cn have no edge on either day.
        #expect(Set(try Self.dated.diffDiagram(to: Self.later, options: DiffDiagramOptions(context: 1)).nodes.map(\.id)) == ends.union(["chipco"]))
        #expect(throws: AnalysisError.invalidParameter(.context, value: "-1", expected: "0 or more")) {
            try Self.dated.diffDiagram(to: Self.later, options: DiffDiagramOptions(context: -1))
        }
        // Nothing changed: nothing near a change, and the title says so.
        let same = try Self.dated.diffDiagram(to: Self.dated, options: DiffDiagramOptions(context: 2, title: "t"))
        #expect(same.nodes.isEmpty && same.edges.isEmpty && text(same.graphAttributes["label"]) == "t (no changes)")
    }

    @Test func changedFactsAreMarkedWithTheirFieldsInTheTooltip() throws {
        var edited = try #require(Self.dated.record)
        let chip = try #require(edited.nodes.firstIndex { $0.id == "chip-a" })
        edited.nodes[chip].label = "Chip A1"
        let develops = try #require(edited.edges.firstIndex { $0.from == "chipco" && $0.to == "chip-a" })
        edited.edges[develops].weight = 2
        var theme = Theme.default
        theme.changedColor = "#123456"
        let before = LoadedGraph(ecosystem: try #require(Self.dated.record), name: "a.yaml")
        let dot = try before.diffDiagram(to: LoadedGraph(ecosystem: edited, name: "b.yaml"), options: DiffDiagramOptions(legend: false), theme: theme)
        let node = try #require(dot.nodes.first { $0.id == "chip-a" })
        #expect(text(node.attributes["class"]) == "kind-technology changed" && text(node.attributes["color"]) == "#123456")
        #expect(text(node.attributes["label"]) == "⚙ Chip A1")
        #expect(text(node.attributes["tooltip"]) == "Chip A1 (technology)\nid: chip-a\nchanged:\n  label: Chip A → Chip A1\nsources: seed:L6")
        let edge = try #require(dot.edges.first { $0.from == "chipco" && $0.to == "chip-a" })
        #expect(text(edge.attributes["class"]) == "role-dependency kind-develops changed" && text(edge.attributes["color"]) == "#123456")
        #expect(text(edge.attributes["tooltip"]) == "chipco → Chip A1 (develops)\nchanged:\n  weight: 1 → 2\nsources: seed:L6")
        #expect(classes(dot).values.filter { $0.hasSuffix(" changed") }.count == 1 && dot.legend == nil)
        #expect(text(dot.graphAttributes["label"]) == "a.yaml → b.yaml")
    }

    @Test func aGenericGraphIsDrawnFromItsTables() throws {
        func table(_ edges: [(Int32, Int32)], weights: [Double]) -> GraphTable {
            GraphTable(isDirected: true, nodeIDs: ["a", "b", "c"], sources: edges.map(\.0), targets: edges.map(\.1), weights: weights)
        }
        let before = LoadedGraph(table: table([(0, 1), (1, 2)], weights: [1, 1]), name: "x")
        let after = LoadedGraph(table: table([(0, 1), (0, 2)], weights: [3, 1]), name: "y")
        let dot = try before.diffDiagram(to: after)
        #expect(dot.edges.map { "\($0.from)>\($0.to):" + (text($0.attributes["class"]) ?? "") } == ["a>b:role-edge changed", "a>c:role-edge added", "b>c:role-edge removed"])
        #expect(classes(dot) == ["a": "kind-none", "b": "kind-none", "c": "kind-none"])
    }

    @Test func themeFilesSetTheDiffColours() throws {
        let overrides = try ThemeFile.decode("added: \"#00aa00\"\nchanged: navy\n", format: .yaml, file: "t.yaml")
        let theme = Theme.default.applying(overrides)
        #expect(theme.addedColor == "#00aa00" && theme.changedColor == "navy")
        #expect(throws: GraphFileError.self) { try ThemeFile.decode("added: \"url(x)\"\n", format: .yaml, file: "t.yaml") }
    }

    @Test func theReportGetsAWhatChangedSectionOnlyWithADiff() throws {
        let svg = "<svg viewBox=\"0 0 10 10\"><g id=\"graph0\" class=\"node\"><title>a</title></g></svg>"
        var content = ReportContent(title: "t", generatedBy: "g", diagramSVG: svg)
        let without = HTMLReport.html(content)
        #expect(!without.contains("id=\"changes\"") && !without.contains("\"diff\":"))
        let diff = try Self.dated.diff(to: Self.later)
        content.diff = ReportContent.DiffSection(diff: diff, diagramSVG: svg)
        let with = HTMLReport.html(content)
        #expect(with.contains("<a href=\"#changes\">What changed</a>"))
        #expect(with.contains("<g class=\"node\" id=\"svg-graph0\">") && with.contains("<g class=\"node\" id=\"diff-svg-graph0\">"))
        // The data: the heading and the diff in `ecograph diff --format json`'s shape.
        let opening = "<script type=\"application/json\" id=\"ecograph-data\">"
        let start = try #require(with.range(of: opening)).upperBound
        let end = try #require(with.range(of: "</script>", range: start ..< with.endIndex)).lowerBound
        let data = try #require(try JSONSerialization.jsonObject(with: Data(with[start ..< end].utf8)) as? [String: Any])
        let section = try #require(data["diff"] as? [String: Any])
        #expect(section["heading"] as? String == "\(Self.dated.name): as of 2022-01-01 → as of 2025-06-01")
        let changes = try #require(section["changes"] as? [String: Any])
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(diff.outputValue.json.utf8)) as? NSDictionary)
        #expect(NSDictionary(dictionary: changes) == expected)
        // Without the section, the page is byte for byte what it was.
        content.diff = nil
        #expect(HTMLReport.html(content) == without)
    }
}
