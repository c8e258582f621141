import ArgumentParser
import EcoGraph
import Foundation

/// `ecograph report`: one self-contained HTML file with the diagram, rankings, chokepoints, scenarios and sources.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report: diagram, rankings, chokepoints, scenarios, sources.",
        discussion: """
            Renders the dependency diagram with Graphviz, computes every centrality measure, the chokepoints and each what-if scenario, and writes one HTML file that loads nothing from the network: the SVG, the data (as JSON), the styles and the script are all inside it, under a Content-Security-Policy that allows only its own style and script. In a browser: pan and zoom the diagram (wheel, drag, + / − / Fit), click a node for its scores, attributes and sources, sort any table, highlight a scenario on the diagram; it prints cleanly.

            Scenarios come from --scenario FILE. Without it, and without a FILE argument (the bundled graph), the scenarios of Graphs/scenarios.yaml are used when that file exists relative to the current folder (as in a checkout of EcoGraph); otherwise the report has no scenarios section.

            The file is written atomically: on any error nothing is written, and the one-line message goes to stderr with exit status 1.

            Examples:
              ecograph report -o report.html
              ecograph report -o out/report.html --scenario Graphs/scenarios.yaml --top 20
              ecograph report my-ecosystem.yaml -o my-report.html --layout neato
              ecograph report deps.graphml -o deps.html --consumers all --model cascade
              ecograph report history.yaml -o history.html --timeline year
            """
    )

    /// Where scenarios come from when neither --scenario nor FILE is given.
    static let defaultScenarioPath = "Graphs/scenarios.yaml"

    @OptionGroup var input: GraphInput
    @OptionGroup var dependency: DependencyOptions

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The HTML file to write.", valueName: "file"))
    var output: String

    @OptionGroup var scenarios: ScenarioOptions

    @Option(help: ArgumentHelp("Graphviz layout engine: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "engine"))
    var layout: String = LayoutEngine.sfdp.rawValue

    @Option(help: "How many nodes each centrality ranking lists.")
    var top: Int = 15

    @Option(help: "The report's title (default: the ecosystem's name, else the file name).")
    var title: String?

    @Option(help: ArgumentHelp(
        "Add a \"What changed\" section: the diff from this baseline to the map reported, a day (this map as of then) or a file, as `ecograph diff` gives it, with its diagram.",
        valueName: "date|file"))
    var against: String?

    @Option(help: ArgumentHelp(
        "Add a date slider: snapshots one step apart (year, quarter or month), from the period of the file's first date to its last (or --timeline-from/--timeline-to). On each, the diagram dims what was not alive and the rankings and impact are that day's.",
        valueName: "step"))
    var timeline: DateStep?

    @Option(help: ArgumentHelp("With --timeline: the first date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var timelineFrom: DateArgument?

    @Option(help: ArgumentHelp("With --timeline: the last period, included.", valueName: "date"))
    var timelineTo: DateArgument?

    /// At most this many snapshots on the slider: each carries its live nodes and edges and its rankings.
    static let maxSnapshots = 240

    func validate() throws {
        if LayoutEngine(rawValue: layout) == nil {
            throw ValidationError("--layout must be one of \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")), not '\(layout)'")
        }
        if top < 1 { throw ValidationError("--top must be at least 1") }
        if output.isEmpty { throw ValidationError("--output must name a file") }
        if timeline == nil, timelineFrom != nil || timelineTo != nil { throw ValidationError("--timeline-from and --timeline-to go with --timeline STEP") }
        if timeline != nil, input.facts.asOf != nil {
            throw ValidationError("--as-of and --timeline do not go together: the slider shows the map as of each of its dates")
        }
        if let from = timelineFrom, let to = timelineTo, from.date.firstDay > to.date.lastDay {
            throw ValidationError("--timeline-from \(from.date) is after --timeline-to \(to.date)")
        }
    }

    func run() throws {
        try reportingErrors {
            let graph = try input.load(view: .dependency)
            let scenarios = try self.scenarios.load(defaultFile: input.file == nil ? Self.defaultScenarioPath : nil, limits: input.limits.limits)
            let svg: String
            do {
                let engine = LayoutEngine(rawValue: layout) ?? .sfdp
                // The page has its own title and an interactive legend, so the drawing has neither.
                let dot = try graph.diagram(DiagramOptions(legend: false, layout: engine, title: "")).text
                svg = String(decoding: try GraphvizRenderer.render(dot, engine: engine, format: .svg), as: UTF8.self)
            } catch let error as RenderError {
                throw CLIError("cannot draw the diagram: \(error.description)")
            }
            let generatedBy = "ecograph \(EcoGraphCommand.configuration.version) report of \(input.displayName) · dependency view · \(layout) layout"
            var content = try graph.reportContent(scenarios: scenarios, diagram: svg, top: top, title: title, generatedBy: generatedBy,
                                                  dependency: dependency.options)
            if let against { content.diff = try DiffCommand.reportSection(against: against, graph: graph, input: input, top: top,
                                                                          dependency: dependency.options, layout: layout) }
            if let timeline {
                let dates = try TimelineCommand.dates(from: timelineFrom?.date, to: timelineTo?.date, step: timeline, graph: graph,
                                                      flags: ("--timeline-from", "--timeline-to", "--timeline step"), limit: Self.maxSnapshots)
                content.timeline = try graph.datedSnapshots(dates: dates, step: timeline.rawValue, for: content, top: top, dependency: dependency.options)
            }
            try AtomicFile.write(HTMLReport.html(content), to: output)
            printError("wrote \(output): \(content.nodes.count) nodes, \(content.edgeCount) edges, \(content.rankings.count) rankings, "
                       + "\(content.chokepoints.count) chokepoints, \(content.scenarios.count) scenarios, \(content.references?.count ?? 0) references"
                       + (content.diff.map { ", changes against \($0.diff.before)" } ?? "")
                       + (content.timeline.map { ", \($0.snapshots.count) dates on the slider" } ?? ""))
        }
    }
}
