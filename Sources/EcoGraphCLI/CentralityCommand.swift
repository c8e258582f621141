import ArgumentParser
import EcoGraph
import Foundation

extension CentralityMeasure: ExpressibleByArgument {
    /// `--help` lists each measure with its summary from the measure table.
    public static var allValueDescriptions: [String: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, "\($0.displayName): \($0.reportSummary)") })
    }
}

/// `ecograph centrality`: rank nodes (or edges) by a centrality measure, or by all of them at once.
struct CentralityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "centrality",
        abstract: "Rank the nodes of a graph by centrality (NetworkX 3.x definitions).",
        discussion: """
            A typed ecosystem is analysed in its dependency view (u -> v: u depends on v) unless --view says otherwise; a generic file is read the same way. With --weighted, a weight is a distance for betweenness, closeness and harmonic, and a strength for PageRank, Katz, HITS and eigenvector; without it, weights are ignored. Closeness and harmonic use incoming distances on directed graphs. Iterative measures converge to 1e-12.

            Examples:
              ecograph centrality --measure pagerank --top 10
              ecograph centrality deps.txt --measure betweenness --samples 500 --seed 7 --format json
              ecograph centrality --measure katz --alpha 0.05 --weighted
              ecograph centrality --all --format csv
              ecograph centrality --measure pagerank --uncertainty 1000 --seed 7 --top 10
              ecograph centrality --measure betweenness --uncertainty 200 --min-confidence 0.5 --format json
            """
    )

    @OptionGroup var input: GraphInput

    @Option(help: "The measure.")
    var measure: CentralityMeasure?

    @Flag(help: "Compute every node measure once and print one table with a column per measure.")
    var all = false

    @Flag(help: "Use edge weights (distances for shortest-path measures, strengths for spectral ones).")
    var weighted = false

    @Option(help: "Estimate betweenness from K sampled sources (NetworkX's k), rescaled by n/K.")
    var samples: Int?

    @Option(help: "PageRank's damping factor (default 0.85) or Katz's attenuation (default 0.1).")
    var alpha: Double?

    @Option(help: "Katz's constant term.")
    var beta: Double = 1

    @Flag(help: "Raw betweenness and Katz scores instead of normalised ones.")
    var raw = false

    @Option(help: "Which edges of a typed ecosystem to analyse.")
    var view: EcosystemView = .dependency

    @OptionGroup var output: OutputOptions

    @Option(help: "Print only the N highest-ranked items (with --uncertainty, also the k of the top-k share; default 10).")
    var top: Int?

    @OptionGroup var uncertain: UncertaintyOptions

    func validate() throws {
        if all == (measure != nil) { throw ValidationError("give either --measure M or --all") }
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        if samples != nil, let measure, !measure.definition.samplesSources {
            let sampled = CentralityMeasure.allCases.filter(\.definition.samplesSources).map(\.rawValue)
            throw ValidationError("--samples applies to \(sampled.joined(separator: " and ")) only")
        }
        if uncertain.uncertainty != nil && all { throw ValidationError("--uncertainty takes one --measure, not --all") }
        if uncertain.uncertainty != nil && samples != nil { throw ValidationError("--uncertainty computes each world exactly: leave out --samples") }
    }

    var options: CentralityOptions {
        CentralityOptions(weighted: weighted, normalized: !raw, samples: samples, seed: uncertain.seed, alpha: alpha, beta: beta)
    }

    func run() throws {
        try reportingErrors {
            let graph = try input.load(view: view)
            if let measure, let simulation = uncertain.simulation(top: top) {
                let spread = try graph.centralityUncertainty(measure, options: options, simulation: simulation)
                UncertaintyOptions.noteIfCertain(spread.uncertainFacts, input: input)
                let ranking = try graph.centrality(measure, options: options)
                printOut(Self.render(ranking, uncertainty: spread, format: output.format, top: top))
            } else if let measure {
                let ranking = try graph.centrality(measure, options: options)
                printOut(Self.render(ranking, format: output.format, top: top))
            } else {
                printOut(Self.renderAll(graph, options: options, format: output.format, top: top))
            }
        }
    }

    // MARK: Output

    static func render(_ ranking: CentralityRanking, format: OutputFormat, top: Int?) -> String {
        let scores = top.map { Array(ranking.scores.prefix($0)) } ?? ranking.scores
        let edges = ranking.measure.scoresEdges
        switch format {
        case .json:
            var shown = ranking
            shown.scores = scores
            return shown.outputValue.json
        case .csv, .table:
            let headers = edges ? ["rank", "source", "target", "label", "score"] : ["rank", "id", "label", "kind", "score"]
            let rows = scores.map { item in
                let score = format == .csv ? String(item.score) : formatScore(item.score)
                return edges
                    ? ["\(item.rank)", item.id, item.target ?? "", item.label, score]
                    : ["\(item.rank)", item.id, item.label, item.kind ?? "", score]
            }
            let table = TextTable(headers: headers, alignments: [.right, .left, .left, .left, .right], rows: rows)
            return format == .csv ? table.csv : table.aligned
        }
    }

    /// Every node measure in one table, sorted by the default ranking (PageRank, descending), then id. A measure
    /// undefined on this graph (in-degree on an undirected graph) is left out; one that fails (eigenvector on a
    /// DAG) is left out with a note on stderr.
    static func renderAll(_ graph: LoadedGraph, options: CentralityOptions, format: OutputFormat, top: Int?) -> String {
        let sweep = graph.everyCentrality(options: options)
        for case let (_, .failed(error)) in sweep.skipped { printError("ecograph: note: \(describe(error))") }
        let columns = sweep.computed.map { ($0.measure, $0.scores) }
        let pagerank = sweep.scores(.defaultRanking) ?? []
        var order = Array(0 ..< graph.nodeCount)
        order.sort { a, b in
            if !pagerank.isEmpty, pagerank[a] != pagerank[b] { return pagerank[a] > pagerank[b] }
            return graph.id(a) < graph.id(b)
        }
        if let top { order = Array(order.prefix(top)) }
        switch format {
        case .json:
            return OutputValue.map([
                ("directed", .bool(graph.graph.isDirected)),
                ("weighted", .bool(options.weighted && graph.graph.weights != nil)),
                ("measures", .list(columns.map { .string($0.0.rawValue) })),
                ("nodes", .list(order.map { node in
                    .map([("id", .string(graph.id(node))), ("label", .string(graph.label(node))),
                          ("kind", .string(graph.kind(node) ?? ""))]
                        + columns.map { ($0.0.rawValue, .number($0.1[node])) })
                })),
            ]).json
        case .csv, .table:
            let headers = ["id", "label", "kind"] + columns.map(\.0.rawValue)
            let rows = order.map { node in
                [graph.id(node), graph.label(node), graph.kind(node) ?? ""]
                    + columns.map { format == .csv ? String($0.1[node]) : formatScore($0.1[node]) }
            }
            let table = TextTable(headers: headers, alignments: [.left, .left, .left] + columns.map { _ in .right }, rows: rows)
            return format == .csv ? table.csv : table.aligned
        }
    }

    /// Six significant digits for people; integers as integers.
    static func formatScore(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e9 { return String(Int(x)) }
        return String(format: "%.6g", x)
    }
}
