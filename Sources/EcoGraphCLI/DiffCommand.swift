import ArgumentParser
import EcoGraph
import Foundation

/// `ecograph diff`: two maps compared, two files or one file at two dates.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two maps (two files, or one file at two dates): facts added, removed and changed, and what that does to rankings, chokepoints and reach.",
        discussion: """
            Compares A (the first FILE, or the bundled graph) with B: a second file (`diff A B`, or `--against B`), or A itself as of another day (`--as-of D1 --against D2`). Changes are counted from A to B. The fact filter (--as-of, --min-confidence, --exclude-inferred) applies to both sides; with --against DATE, B is read as of that DATE instead.

            Facts: nodes are matched by id; edges by id when they have one, else by their ends and kind (the N-th repeat of an edge matches the N-th). A matched fact whose fields differ (label, kind, attributes, weight, confidence, alternatives, targets, since/until, scope, lifted, sources, inferred, note) is changed, with each field's value before and after. For one file at two dates, a fact comes into force (added) or goes out of force (removed; a restriction also when lifted); nothing is changed. Generic graphs compare ids, labels, kinds, edges by their ends and weights.

            Consequences, in the dependency view: the --measure ranking's and the chokepoint-impact ranking's top K (--top) that entered, left or moved; and per consumer (--consumers, present on both sides) the providers (--providers) it newly reaches or no longer reaches. --diagram draws the union of both maps: added in green, removed greyed and dashed, changed in blue (colours from the theme: `added`, `changed`, `removed`). `ecograph report --against` puts the same diff in the HTML report. docs/DIFF.md has the JSON and CSV shapes.

            Examples:
              ecograph diff old.yaml new.yaml
              ecograph diff map.yaml --as-of 2022-01-01 --against 2025-06-01
              ecograph diff --as-of 2023 --against 2025 --consumers country
              ecograph diff old.yaml new.yaml --measure betweenness --top 5
              ecograph diff old.yaml --against new.yaml --format json
              ecograph diff map.yaml --as-of 2023 --against 2025 --diagram d.svg
            """
    )

    @OptionGroup var input: GraphInput

    @Argument(help: ArgumentHelp("The file to compare A with (or give --against).", valueName: "file-b"))
    var second: String?

    @Option(help: ArgumentHelp(
        "What to compare A with: a day (YYYY, YYYY-MM, YYYY-MM-DD or today: A as of that day) or a file. Text that reads as a date is a date; write ./2024 for a file of that name.",
        valueName: "date|file"))
    var against: String?

    @OptionGroup var dependency: DependencyOptions

    @Option(help: "The measure whose ranking is compared.")
    var measure: CentralityMeasure = .defaultRanking

    @Option(help: "The size of the top compared (the measure's and chokepoint impact's): an item ranked at most K.")
    var top: Int = 10

    @Option(help: ArgumentHelp(
        "List the providers each consumer lost or gained when they number at most N over all consumers; past it, only their counts.",
        valueName: "n"))
    var maxListedPairs: Int = DiffOptions.defaultPairLimit

    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Also draw the union of both maps with the changes marked: .svg, .png, .pdf or .dot.", valueName: "file"))
    var diagram: String?

    @Option(name: .customLong("layout"), help: ArgumentHelp(
        "With --diagram: the Graphviz layout engine (\(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", "))).", valueName: "engine"))
    var layoutName: String = LayoutEngine.sfdp.rawValue

    @Option(help: "With --diagram: keep only the nodes within N hops of a change.")
    var context: Int?

    @Option(help: "With --diagram: a theme file (YAML or JSON) merged onto the default theme; see docs/THEMES.md.")
    var theme: String?

    @Flag(help: "With --diagram: leave out the legend.")
    var noLegend = false

    func validate() throws {
        if second != nil && against != nil { throw ValidationError("give a second file B or --against, not both") }
        if second == nil && against == nil { throw ValidationError("give a second file B, or --against DATE|FILE") }
        if top < 1 { throw ValidationError("--top must be at least 1") }
        if maxListedPairs < 0 { throw ValidationError("--max-listed-pairs must be 0 or more") }
        if let context, context < 0 { throw ValidationError("--context must be 0 or more") }
        if LayoutEngine(rawValue: layoutName) == nil {
            throw ValidationError("--layout must be one of \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")), not '\(layoutName)'")
        }
        if diagram == nil && (context != nil || theme != nil || noLegend) {
            throw ValidationError("--context, --theme and --no-legend apply to --diagram")
        }
    }

    /// What B is.
    enum Other: Equatable {
        case file(String)
        case date(EcoDate)
    }

    /// B: the second file, or what `--against` names: a date when it reads as one, else a file.
    /// - Throws: `CLIError` for text shaped like a date that names no day (`2024-13`).
    static func other(second: String?, against: String?) throws -> Other {
        if let second { return .file(second) }
        let text = against ?? ""
        if text == "today" || EcoDate(text) != nil, let day = try DateArgument.day(text, flag: "--against") { return .date(day) }
        if text.range(of: #"^[0-9]{4}(-[0-9]{1,2}){0,2}$"#, options: .regularExpression) != nil {
            throw CLIError("--against: '\(text)' is not a date (YYYY, YYYY-MM or YYYY-MM-DD with a real month and day)")
        }
        return .file(text)
    }

    /// The other side: a file read as the input is (its fact filter, direction and limits), or the input's
    /// map as of a day (the record refiltered; a generic file read again).
    static func load(_ other: Other, besides graph: LoadedGraph, input: GraphInput) throws -> LoadedGraph {
        switch other {
        case .file(let path):
            return try LoadedGraph.load(path: path, view: .dependency, filter: input.facts.filter, isDirected: !input.undirected,
                                        readers: .withGraphviz, limits: input.limits.limits)
        case .date(let day):
            var filter = input.facts.filter
            filter.asOf = day
            return graph.record != nil ? graph.refiltered(filter) : try input.load(view: .dependency, filter: filter)
        }
    }

    func run() throws {
        try reportingErrors {
            if let diagram, RenderCommand.target(of: diagram) == nil {
                throw CLIError("\(diagram): the diagram must end in .svg, .png, .pdf or .dot")
            }
            let before = try input.load(view: .dependency)
            let after = try Self.load(try Self.other(second: second, against: against), besides: before, input: input)
            let diff = try before.diff(to: after, options: DiffOptions(measure: measure, top: top, dependency: dependency.options,
                                                                      pairLimit: maxListedPairs))
            if let diagram { try draw(before, after, to: diagram) }
            printOut(Self.render(diff, format: output.format))
        }
    }

    private func draw(_ before: LoadedGraph, _ after: LoadedGraph, to path: String) throws {
        let theme = try self.theme.map { path throws(GraphFileError) in try Theme.load(contentsOf: path, limits: input.limits.limits) } ?? .default
        let layout = LayoutEngine(rawValue: layoutName) ?? .sfdp
        var options = DiffDiagramOptions(context: context, legend: !noLegend, layout: layout)
        let target = RenderCommand.target(of: path)!
        if case .rendered(let format) = target, format == .png || format == .pdf, !RenderCommand.emojiFontInstalled {
            options.glyphs = false  // cairo would draw boxes for emoji without an emoji font
        }
        let dot = try before.diffDiagram(to: after, options: options, theme: theme)
        let bytes: [UInt8]
        do {
            switch target {
            case .dotText: bytes = Array(try dot.exactText().utf8)
            case .rendered(let format): bytes = try GraphvizRenderer.render(dot.text, engine: layout, format: format)
            }
        } catch let error as RenderError {
            throw CLIError("\(path): \(error.description)")
        }
        try AtomicFile.write(Data(bytes), to: path)
    }

    // MARK: Output

    static func render(_ diff: GraphDiff, format: OutputFormat) -> String {
        switch format {
        case .json: diff.outputValue.json
        case .csv: csv(diff)
        case .table: table(diff)
        }
    }

    /// One row per fact, field, shift or lost or gained pair:
    /// `section,change,id,label,from,to,kind,field,before,after,sources`.
    static func csv(_ diff: GraphDiff) -> String {
        var rows: [[String]] = []
        let f = diff.facts
        func node(_ change: String, _ n: DiffNode) { rows.append(["node", change, n.id, n.label, "", "", n.kind ?? "", "", "", "", n.sources.joined(separator: " ")]) }
        func edge(_ change: String, _ e: DiffEdge) { rows.append(["edge", change, e.id ?? "", "", e.from, e.to, e.kind ?? "", "", "", "", e.sources.joined(separator: " ")]) }
        for n in f.addedNodes { node("added", n) }
        for n in f.removedNodes { node("removed", n) }
        for c in f.changedNodes {
            for change in c.changes {
                rows.append(["node", "changed", c.node.id, c.node.label, "", "", c.node.kind ?? "", change.field, change.before ?? "", change.after ?? "",
                             c.node.sources.joined(separator: " ")])
            }
        }
        for e in f.addedEdges { edge("added", e) }
        for e in f.removedEdges { edge("removed", e) }
        for c in f.changedEdges {
            for change in c.changes {
                rows.append(["edge", "changed", c.edge.id ?? "", "", c.edge.from, c.edge.to, c.edge.kind ?? "", change.field, change.before ?? "",
                             change.after ?? "", c.edge.sources.joined(separator: " ")])
            }
        }
        let consequences = diff.consequences
        func shifts(_ section: String, _ list: [RankShift], score: String) {
            for s in list {
                let (from, to) = s.target.map { (s.id, $0) } ?? ("", "")
                let id = s.target == nil ? s.id : ""
                rows.append([section, s.movement.rawValue, id, s.label, from, to, s.kind ?? "", "rank", s.rankBefore.map(String.init) ?? "",
                             s.rankAfter.map(String.init) ?? "", ""])
                rows.append([section, s.movement.rawValue, id, s.label, from, to, s.kind ?? "", score, s.scoreBefore.map { String($0) } ?? "",
                             s.scoreAfter.map { String($0) } ?? "", ""])
            }
        }
        shifts("ranking:" + consequences.measure.rawValue, consequences.rankShifts, score: "score")
        shifts("chokepoints", consequences.impactShifts, score: "impact")
        for r in consequences.reach {
            guard consequences.pairsListed else {
                // Past the list limit: a count per consumer and direction.
                if r.lostCount > 0 { rows.append(["reach", "lost", r.consumer, r.label, r.consumer, "", r.kind ?? "", "count", "", "\(r.lostCount)", ""]) }
                if r.gainedCount > 0 { rows.append(["reach", "gained", r.consumer, r.label, r.consumer, "", r.kind ?? "", "count", "", "\(r.gainedCount)", ""]) }
                continue
            }
            for p in r.lost { rows.append(["reach", "lost", r.consumer, r.label, r.consumer, p, r.kind ?? "", "", "", "", ""]) }
            for p in r.gained { rows.append(["reach", "gained", r.consumer, r.label, r.consumer, p, r.kind ?? "", "", "", "", ""]) }
        }
        return TextTable(headers: ["section", "change", "id", "label", "from", "to", "kind", "field", "before", "after", "sources"], rows: rows).csv
    }

    /// The summary, then a table per non-empty section.
    static func table(_ diff: GraphDiff) -> String {
        let f = diff.facts, c = diff.consequences
        func count(_ n: Int, _ what: String) -> String { "\(n) \(what)" }
        var out = "before: \(diff.before)\nafter:  \(diff.after)\n"
        out += "nodes: \(f.addedNodes.count) added, \(f.removedNodes.count) removed, \(f.changedNodes.count) changed; "
            + "edges: \(f.addedEdges.count) added, \(f.removedEdges.count) removed, \(f.changedEdges.count) changed\n"
        func section(_ title: String, _ table: TextTable) {
            guard !table.rows.isEmpty else { return }
            out += "\n\(title)\n" + table.aligned
        }
        func sources(_ list: [String]) -> String { list.joined(separator: ", ") }
        section("Added nodes", TextTable(headers: ["id", "label", "kind", "sources"], rows: f.addedNodes.map { [$0.id, $0.label, $0.kind ?? "", sources($0.sources)] }))
        section("Removed nodes", TextTable(headers: ["id", "label", "kind", "sources"], rows: f.removedNodes.map { [$0.id, $0.label, $0.kind ?? "", sources($0.sources)] }))
        section("Changed nodes", TextTable(headers: ["id", "field", "before", "after"], rows: f.changedNodes.flatMap { change in
            change.changes.enumerated().map { i, field in [i == 0 ? change.node.id : "", field.field, field.before ?? "-", field.after ?? "-"] }
        }))
        let edgeHeaders = ["from", "to", "kind", "id", "sources"]
        func edgeRow(_ e: DiffEdge) -> [String] { [e.from, e.to, e.kind ?? "", e.id ?? (e.occurrence > 0 ? "#\(e.occurrence)" : ""), sources(e.sources)] }
        section("Added edges", TextTable(headers: edgeHeaders, rows: f.addedEdges.map(edgeRow)))
        section("Removed edges", TextTable(headers: edgeHeaders, rows: f.removedEdges.map(edgeRow)))
        section("Changed edges", TextTable(headers: ["from", "to", "kind", "id", "field", "before", "after"], rows: f.changedEdges.flatMap { change in
            change.changes.enumerated().map { i, field in
                let e = change.edge
                return i == 0 ? [e.from, e.to, e.kind ?? "", e.id ?? (e.occurrence > 0 ? "#\(e.occurrence)" : ""), field.field, field.before ?? "-", field.after ?? "-"]
                    : ["", "", "", "", field.field, field.before ?? "-", field.after ?? "-"]
            }
        }))
        func shiftSummary(_ list: [RankShift]) -> String {
            RankShift.Movement.allCases.map { m in "\(list.filter { $0.movement == m }.count) \(m.rawValue)" }.joined(separator: ", ")
        }
        func shiftTable(_ list: [RankShift], edges: Bool, score: String) -> TextTable {
            func rank(_ r: Int?) -> String { r.map(String.init) ?? "-" }
            func value(_ x: Double?) -> String { x.map(CentralityCommand.formatScore) ?? "-" }
            let headers = (edges ? ["movement", "source", "target"] : ["movement", "id", "label"])
                + ["rank before", "rank after", "\(score) before", "\(score) after"]
            return TextTable(headers: headers, alignments: [.left, .left, .left, .right, .right, .right, .right], rows: list.map { s in
                [s.movement.rawValue, s.id, edges ? s.target ?? "" : s.label, rank(s.rankBefore), rank(s.rankAfter), value(s.scoreBefore), value(s.scoreAfter)]
            })
        }
        out += "\n\(c.measure.displayName), top \(c.top): \(shiftSummary(c.rankShifts))\n"
        if !c.rankShifts.isEmpty { out += shiftTable(c.rankShifts, edges: c.measure.scoresEdges, score: "score").aligned }
        out += "\nChokepoint impact (\(c.dependency.model.rawValue)), top \(c.top): \(shiftSummary(c.impactShifts))\n"
        if !c.impactShifts.isEmpty { out += shiftTable(c.impactShifts, edges: false, score: "impact").aligned }
        out += "\nReach (consumers: \(c.dependency.consumers), \(count(c.consumersCompared, "compared")); providers: \(c.dependency.providers)): "
            + "\(c.lostPairs) pairs lost, \(c.gainedPairs) gained; \(count(c.reach.count, c.reach.count == 1 ? "consumer" : "consumers")) changed\n"
        func list(_ ids: [String]) -> String { ids.prefix(6).joined(separator: ", ") + (ids.count > 6 ? ", +\(ids.count - 6)" : "") }
        if !c.reach.isEmpty {
            out += TextTable(headers: ["consumer", "label", "lost", "gained", "no longer reaches", "newly reaches"],
                             alignments: [.left, .left, .right, .right, .left, .left],
                             rows: c.reach.map { [$0.consumer, $0.label, "\($0.lostCount)", "\($0.gainedCount)", list($0.lost), list($0.gained)] }).aligned
            if !c.pairsListed { out += "(the providers are not listed: more pairs than --max-listed-pairs)\n" }
        }
        return out
    }
}

extension DiffCommand {
    /// The report's "What changed" section: the diff from a baseline (`--against DATE|FILE`) to the map reported,
    /// its top as the report's rankings', and the union drawn with the report's layout (no legend: the page
    /// words the marks).
    static func reportSection(against: String, graph: LoadedGraph, input: GraphInput, top: Int, dependency: ChokepointOptions,
                              layout: String) throws -> ReportContent.DiffSection {
        let baseline = try load(try other(second: nil, against: against), besides: graph, input: input)
        let diff = try baseline.diff(to: graph, options: DiffOptions(top: top, dependency: dependency))
        let engine = LayoutEngine(rawValue: layout) ?? .sfdp
        do {
            let dot = try baseline.diffDiagram(to: graph, options: DiffDiagramOptions(legend: false, layout: engine, title: ""))
            let svg = String(decoding: try GraphvizRenderer.render(dot.text, engine: engine, format: .svg), as: UTF8.self)
            return ReportContent.DiffSection(diff: diff, diagramSVG: svg)
        } catch let error as RenderError {
            throw CLIError("cannot draw the diff diagram: \(error.description)")
        }
    }
}
