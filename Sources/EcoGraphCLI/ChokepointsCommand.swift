import ArgumentParser
import EcoGraph

/// `ecograph chokepoints`: single points of failure of the dependency graph.
struct ChokepointsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chokepoints",
        abstract: "Find single points of failure: dominator-based impact, cycles, articulation points, bridges.",
        discussion: """
            impact(X) counts the (consumer, provider) pairs lost if X disappears: for every consumer C other than X, the providers reachable from C only through X (X itself included), from dominator trees. dependents(X) counts the consumers that reach X. With --model cascade, impact counts the consumers that fail when X fails, honouring alternatives groups. Dependency cycles are listed because in a dependency graph they are usually data errors.

            Examples:
              ecograph chokepoints --top 10
              ecograph chokepoints --consumers global-south --providers model
              ecograph chokepoints deps.txt --model cascade --format json
              ecograph chokepoints --uncertainty 1000 --seed 1 --top 10
              ecograph chokepoints --uncertainty 500 --exclude-inferred --format csv
            """
    )

    @OptionGroup var input: GraphInput
    @OptionGroup var dependency: DependencyOptions

    @OptionGroup var output: OutputOptions

    @Option(help: "Print only the N highest-impact nodes (with --uncertainty, also the k of the top-k share; default 10).")
    var top: Int?

    @OptionGroup var uncertain: UncertaintyOptions

    func run() throws {
        try reportingErrors {
            let graph = try input.load(view: .dependency)
            let report = try graph.chokepoints(dependency.options)
            if let simulation = uncertain.simulation(top: top) {
                let spread = try graph.chokepointUncertainty(dependency.options, simulation: simulation)
                UncertaintyOptions.noteIfCertain(spread.uncertainFacts, input: input)
                printOut(Self.render(report, uncertainty: spread, format: output.format, top: top))
            } else {
                printOut(Self.render(report, format: output.format, top: top))
            }
        }
    }

    static func render(_ report: ChokepointReport, format: OutputFormat, top: Int?) -> String {
        let entries = top.map { Array(report.chokepoints.prefix($0)) } ?? report.chokepoints
        switch format {
        case .json:
            var shown = report
            shown.chokepoints = entries
            return shown.outputValue.json
        case .csv:
            return TextTable(headers: ["rank", "id", "label", "kind", "impact", "dependents"],
                             rows: entries.enumerated().map { ["\($0.offset + 1)", $0.element.id, $0.element.label, $0.element.kind ?? "", "\($0.element.impact)", "\($0.element.dependents)"] }).csv
        case .table:
            let rows = entries.enumerated().map { position, entry in
                ["\(position + 1)", entry.id, entry.label, entry.kind ?? "", "\(entry.impact)", "\(entry.dependents)",
                 entry.consumers.prefix(3).map { "\($0.consumer) (\($0.lost))" }.joined(separator: ", ")
                    + (entry.consumers.count > 3 ? ", +\(entry.consumers.count - 3)" : "")]
            }
            var out = TextTable(headers: ["rank", "id", "label", "kind", "impact", "dependents", "most affected consumers"],
                                alignments: [.right, .left, .left, .left, .right, .right, .left], rows: rows).aligned
            out += "\nconsumers: \(report.options.consumers) (\(report.consumerCount)); providers: \(report.options.providers); model: \(report.options.model.rawValue)\n"
            out += "strongly connected components: \(report.stronglyConnectedComponents); dependency cycles: \(report.cycles.count)\n"
            for cycle in report.cycles.prefix(10) { out += "  cycle among: \(cycle.joined(separator: ", "))\n" }
            out += "weakly connected components: \(report.weaklyConnectedComponents)\n"
            out += "articulation points (undirected view): \(report.articulationPoints.count); bridges: \(report.bridges.count); biconnected components: \(report.biconnectedComponents.count)\n"
            out += "strong articulation points: \(report.strongArticulationPoints.count); strong bridges: \(report.strongBridges.count)\n"
            return out
        }
    }
}
