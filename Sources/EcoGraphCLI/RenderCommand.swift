import ArgumentParser
import EcoGraph
import Foundation

/// `ecograph render`: draws a graph (or a view of it) to SVG, PNG, PDF or DOT, in-process through Graphviz.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the graph, or a view of it, to SVG, PNG, PDF or DOT.",
        discussion: """
            The format comes from the output's extension: .svg, .png and .pdf are laid out and rendered in-process by Graphviz's library (no `dot` process); .dot writes the DOT text without calling Graphviz. Node kinds are told apart by shape, colour and glyph; dependencies are solid, restrictions red dashed, influence dotted; the top chokepoints get a thick border. Views: --top keeps the highest-ranked nodes, --focus/--depth an ego network, --kinds some node kinds, --consumers some consumers and what they depend on. --scenario, --remove or --apply draw a what-if diff: removed nodes greyed and dashed, lost dependencies red. The output is written atomically: on any error no file is left.

            Examples:
              ecograph render -o ecosystem.svg
              ecograph render -o ecosystem.png --size-by pagerank
              ecograph render -o layered.svg --layout dot
              ecograph render -o top.svg --top 30 --cluster-by country
              ecograph render -o deepseek.svg --focus deepseek-v3 --depth 2
              ecograph render -o h20.svg --apply us-2025-04-h20 --consumers country
              ecograph render -o scenario.pdf --scenario Graphs/scenarios.yaml --name "Taiwan blockade"
              ecograph render my-ecosystem.yaml -o my.dot --kinds company,model --theme docs/theme-example.yaml
            """
    )

    @OptionGroup var input: GraphInput

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The file to write: .svg, .png, .pdf or .dot.", valueName: "file"))
    var output: String

    // A string, not an enum, so that a bad name gets our one-line error and exit status 1.
    @Option(name: .customLong("layout"), help: ArgumentHelp(
        "The Graphviz layout engine: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")). Default: sfdp (fdp with --cluster-by, since sfdp draws no cluster boxes); dot gives layered drawings of small views.",
        valueName: "engine"))
    var layoutName: String?

    @Option(help: "Scale nodes by a centrality measure (pagerank, betweenness, degree, ...).")
    var sizeBy: CentralityMeasure?

    @Option(help: "Group nodes in boxes by an attribute (country, region, ...) or by kind.")
    var clusterBy: String?

    @Option(help: "Keep the N nodes ranked highest by --size-by (default \(CentralityMeasure.defaultRanking.displayName)).")
    var top: Int?

    @Option(help: "Keep the ego network of this node id.")
    var focus: String?

    @Option(help: "With --focus: how many hops in either direction.")
    var depth: Int = 1

    @Option(help: "Keep only these node kinds, comma-separated.")
    var kinds: String?

    @Option(help: "Keep these consumers and what they depend on: a kind, a group, or ids (kenya,nigeria).")
    var consumers: String?

    /// The scenario drawn as a diff: the first of a file's, the one named `--name`, or one spelled inline.
    @OptionGroup var scenarios: ScenarioOptions

    @Option(help: "Outline this many top chokepoints (0 for none).")
    var chokepoints: Int = 5

    @Flag(help: "Leave out the legend.")
    var noLegend = false

    @Option(help: "A theme file (YAML or JSON) merged onto the default theme; see docs/THEMES.md.")
    var theme: String?

    /// What to write when the output's name does not say (`-`, `/dev/stdout`, a FIFO).
    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case svg, png, pdf, dot }

    @Option(help: "The output format when the file name does not say it (as for - or a FIFO).")
    var outputFormat: OutputFormat?

    /// The output format: DOT text, or a rendering.
    enum Target: Equatable { case dotText, rendered(RenderFormat) }

    static func target(of path: String) -> Target? {
        OutputFormat(rawValue: URL(fileURLWithPath: path).pathExtension.lowercased()).map(target)
            ?? (URL(fileURLWithPath: path).pathExtension.lowercased() == "gv" ? .dotText : nil)
    }

    static func target(_ format: OutputFormat) -> Target {
        switch format {
        case .svg: .rendered(.svg)
        case .png: .rendered(.png)
        case .pdf: .rendered(.pdf)
        case .dot: .dotText
        }
    }

    /// The target `--output-format` names, else the output's extension.
    var target: Target? { outputFormat.map(Self.target) ?? Self.target(of: output) }

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be 1 or more") }
        if depth < 0 { throw ValidationError("--depth must be 0 or more") }
        if chokepoints < 0 { throw ValidationError("--chokepoints must be 0 or more") }
    }

    func run() throws {
        guard target != nil else {
            printError("ecograph: \(output): the output must end in .svg, .png, .pdf or .dot, or give --output-format")
            throw ExitCode(1)
        }
        let layoutName = self.layoutName ?? (clusterBy != nil ? "fdp" : "sfdp")
        guard let layout = LayoutEngine(rawValue: layoutName) else {
            printError("ecograph: unknown layout engine '\(layoutName)' (expected one of: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")))")
            throw ExitCode(1)
        }
        try reportingErrors {
            do {
                try draw(layout: layout)
            } catch let error as RenderError {
                printError("ecograph: \(output): \(error.description)")
                throw ExitCode(1)
            }
        }
    }

    private func draw(layout: LayoutEngine) throws {
        let theme = try self.theme.map { path throws(GraphFileError) in try Theme.load(contentsOf: path, limits: input.limits.limits) } ?? .default
        var options = DiagramOptions(sizeBy: sizeBy, clusterBy: clusterBy, top: top, focus: focus, depth: depth,
                                     kinds: ScenarioOptions.list(kinds), consumers: consumers.map(NodeSelection.init),
                                     chokepoints: chokepoints, legend: !noLegend, layout: layout)
        options.scenario = try scenarios.load(limits: input.limits.limits).first
        let target = self.target!
        if case .rendered(let format) = target, format == .png || format == .pdf, options.glyphs == nil, !Self.emojiFontInstalled {
            options.glyphs = false  // cairo would draw boxes for emoji without an emoji font
        }
        let graph = try input.load(view: .dependency)
        let diagram: DOTGraph
        do {
            diagram = try graph.diagram(options, theme: theme)
        } catch {
            if case .unknownNode(let id) = error, id == focus { throw CLIError("unknown node id '\(id)' (--focus)") }
            throw error
        }
        let bytes: [UInt8]
        switch target {
        // A .dot file must read back as written (exactText refuses what DOT cannot spell); Graphviz only draws.
        case .dotText: bytes = Array(try diagram.exactText().utf8)
        case .rendered(let format): bytes = try GraphvizRenderer.render(diagram.text, engine: layout, format: format)
        }
        try AtomicFile.write(Data(bytes), to: output)
    }

    /// Whether a colour emoji font is installed where Debian puts one (`fonts-noto-color-emoji`).
    static var emojiFontInstalled: Bool {
        ["/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf", "/usr/share/fonts/noto/NotoColorEmoji.ttf",
         "/usr/share/fonts/google-noto-emoji/NotoColorEmoji.ttf", "/System/Library/Fonts/Apple Color Emoji.ttc"]
            .contains { FileManager.default.fileExists(atPath: $0) }
    }
}
