import ArgumentParser
import EcoGraph

/// `ecograph convert`: a graph file in another format.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Write a graph in another format: ecosystem YAML/JSON, GraphML, CSV or an edge list.",
        discussion: """
            The output format comes from the extension of -o: .yaml/.yml/.json (typed ecosystems only, every fact kept), .graphml (nodes with labels and kinds, edges with weights and kinds), .csv (source,target,weight,kind), .txt/.edges/.edgelist (u v w), .dot/.gv (ids and labels exactly as DOT reads them back). A typed ecosystem is written as written, all edges in file direction. Dates (since/until; a restriction's edge ends where it was lifted) go into GraphML and DOT on nodes and edges and into CSV on edges; edge lists and CSV cannot hold isolated nodes, labels or node kinds, as are confidences, and a note on stderr says which dates and confidences a format drops. With --as-of, the map as it stood that day is written. The file is written atomically.

            Examples:
              ecograph convert -o china.graphml
              ecograph convert Graphs/china-open-source-ai.yaml -o china.json
              ecograph convert deps.graphml -o deps.csv
            """
    )

    @OptionGroup var input: GraphInput

    @Option(name: [.short, .customLong("output")], help: "The file to write (- for standard output).")
    var output: String

    /// Every format convert writes.
    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case yaml, json, graphml, csv, edgelist, dot }

    @Option(help: "The output format when the file name does not say it (as for - or a FIFO).")
    var outputFormat: OutputFormat?

    /// An ecosystem format or a generic one: `--output-format`, else the output's extension.
    var format: (ecosystem: EcosystemFormat?, generic: GenericGraphFormat?) {
        switch outputFormat {
        case .yaml: (.yaml, nil)
        case .json: (.json, nil)
        case .graphml: (nil, .graphml)
        case .csv: (nil, .csv)
        case .edgelist: (nil, .edgelist)
        case .dot: (nil, .dot)
        case nil: (EcosystemFormat(path: output), EcosystemFormat(path: output) == nil ? GenericGraphFormat(path: output) : nil)
        }
    }

    func validate() throws {
        if format.ecosystem == nil && format.generic == nil {
            throw ValidationError("cannot tell the output format from '\(output)': use .yaml, .json, .graphml, .csv, .txt, .edges or .dot, or give --output-format")
        }
    }

    func run() throws {
        try reportingErrors {
            let graph = try input.load(view: .asWritten)
            let text: String
            if let format = format.ecosystem {
                guard let ecosystem = graph.ecosystem else {
                    throw CLIError("\(input.displayName) is a generic graph, without the kinds and sources of an ecosystem file; write .graphml, .csv, .txt or .dot")
                }
                text = EcosystemFile.encode(ecosystem, as: format)
            } else {
                let format = format.generic!
                text = try GenericGraphWriter.encode(graph.table, as: format)
                if let note = Self.droppedFacts(graph.table, format) { printError(note) }
            }
            try AtomicFile.write(text, to: output)
            printError("wrote \(output): \(graph.table.nodeCount) nodes, \(graph.table.edgeCount) edges")
        }
    }

    /// The note for the dates and confidences a generic format cannot hold, or `nil` when it holds all of the
    /// table's.
    static func droppedFacts(_ table: GraphTable, _ format: GenericGraphFormat) -> String? {
        func count(_ n: Int, _ what: String) -> String? { n > 0 ? "\(n) \(what)\(n == 1 ? "" : "s")" : nil }
        func counts(_ nodes: Int, _ edges: Int) -> String? {
            let parts = [count(nodes, "node"), count(edges, "edge")].compactMap { $0 }
            return parts.isEmpty ? nil : parts.joined(separator: " and ")
        }
        let dropNodes = !format.carriesNodeDates, dropEdges = !format.carriesEdgeDates
        let dates = counts(dropNodes ? table.nodeLifetimes?.count(where: \.isDated) ?? 0 : 0,
                           dropEdges ? table.edgeLifetimes?.count(where: \.isDated) ?? 0 : 0)
        let confidences = counts(dropNodes ? table.nodeConfidences?.count(where: { $0 != 1 }) ?? 0 : 0,
                                 dropEdges ? table.edgeConfidences?.count(where: { $0 != 1 }) ?? 0 : 0)
        let dropped = [dates.map { "the dates of \($0)" }, confidences.map { "the confidences of \($0)" }].compactMap { $0 }
        guard !dropped.isEmpty else { return nil }
        let holds = switch format {
        case .csv: "CSV holds edge dates and confidences only"
        case .edgelist: "an edge list holds no dates or confidences"
        case .graphml, .dot: "\(format) holds them all"
        }
        return "note: \(holds): \(dropped.joined(separator: " and ")) are dropped (GraphML and DOT keep them)"
    }
}
