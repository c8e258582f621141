import ArgumentParser
import EcoGraph

/// `ecograph validate`: checks a graph file and reports every problem.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a graph file and report every problem, one FILE:LINE:COLUMN line each.",
        discussion: """
            Checks syntax, duplicate ids, edges to unknown ids, unknown kinds, edge kinds joining kinds they may not join, weights and confidences out of range, and sources. Exit status 0 when the file is valid, 1 otherwise.

            Examples:
              ecograph validate Graphs/china-open-source-ai.yaml
              ecograph validate my-ecosystem.json
              ecograph validate dependencies.graphml
            """
    )

    @OptionGroup var input: GraphInput

    func run() throws {
        try reportingErrors {
            let graph = try input.load(view: .asWritten)
            printError("\(input.displayName): valid: \(graph.table.nodeCount) nodes, \(graph.table.edgeCount) edges")
        }
    }
}
