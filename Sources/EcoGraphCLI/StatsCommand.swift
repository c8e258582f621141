import ArgumentParser
import EcoGraph

/// `ecograph stats`: size, connectivity and composition of a graph.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print a graph's size, connectivity, density and counts per node and edge kind.",
        discussion: """
            Connectivity counts all edges in the direction the file gives them; density counts distinct node pairs, as networkx.density does on a DiGraph.

            Examples:
              ecograph stats
              ecograph stats Graphs/china-open-source-ai.yaml --format json
              ecograph stats edges.txt --undirected
            """
    )

    @OptionGroup var input: GraphInput

    @Option(help: "Output format.")
    var format: StatsFormat = .table

    enum StatsFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

    func run() throws {
        try reportingErrors {
            let stats = GraphStatistics(try input.load(view: .asWritten).table)
            printOut(format == .json ? stats.outputValue.json : Self.table(stats))
        }
    }

    static func table(_ s: GraphStatistics) -> String {
        var rows: [[String]] = [
            ["nodes", "\(s.nodes)"],
            ["edges", "\(s.edges)"],
            ["distinct edges", "\(s.distinctEdges)"],
            ["self-loops", "\(s.selfLoops)"],
            ["directed", "\(s.isDirected)"],
            ["weakly connected components", "\(s.weaklyConnectedComponents)"],
            ["strongly connected components", "\(s.stronglyConnectedComponents)"],
            ["largest component", "\(s.largestComponent)"],
            ["density", String(format: "%.6f", s.density)],
        ]
        rows += s.kinds.map { ["nodes of kind \($0.kind)", "\($0.count)"] }
        rows += s.edgeKinds.map { ["edges of kind \($0.kind)", "\($0.count)"] }
        return TextTable(headers: ["statistic", "value"], alignments: [.left, .right], rows: rows).aligned
    }
}
