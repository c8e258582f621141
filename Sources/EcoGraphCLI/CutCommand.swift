import ArgumentParser
import EcoGraph

/// `ecograph cut`: the fewest failures that cut consumers off from providers.
struct CutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cut",
        abstract: "Find the smallest set of nodes (or edges) whose failure cuts every dependency path between two sets.",
        discussion: """
            By max-flow on the node-split dependency graph. A node cut may include providers (a provider that fails is access lost) but never the consumers. A minimum cut need not be unique: the one closest to the consumers is printed.

            Examples:
              ecograph cut --from kenya --to model
              ecograph cut --from global-south --to kind:model --edges
              ecograph cut deps.txt --from app --to libc --format json
            """
    )

    @OptionGroup var input: GraphInput

    @Option(help: "The consumers: a node kind, a group, or ids.")
    var from: String

    @Option(help: "The providers: a node kind, a group, or ids.")
    var to: String

    @Flag(help: "Cut edges instead of nodes.")
    var edges = false

    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let cut = try input.load(view: .dependency).minimumCut(from: NodeSelection(from), to: NodeSelection(to), unit: edges ? .edges : .nodes)
            let items = edges ? cut.edges.map(\.description) : cut.nodes
            switch output.format {
            case .json:
                printOut(cut.outputValue.json)
            case .csv:
                printOut(TextTable(headers: [edges ? "edge" : "node"], rows: items.map { [$0] }).csv)
            case .table:
                printOut("minimum \(cut.unit) cut from \(cut.from) to \(cut.to): \(cut.size)\n" + items.map { "  \($0)\n" }.joined())
            }
        }
    }
}
