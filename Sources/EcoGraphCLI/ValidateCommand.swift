import ArgumentParser
import EcoGraph

/// `ecograph validate`: checks a graph file and reports every problem.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a graph file and report every problem, one FILE:LINE:COLUMN line each.",
        discussion: """
            Checks syntax, duplicate ids, edges to unknown ids, unknown kinds, edge kinds joining kinds they may not join, weights and confidences out of range, sources, and dates: malformed dates, until not after since, an edge dated outside its ends' lifetimes, an undated dependency on something that comes later than the dependent, a lifting outside a restriction's lifetime, a reference retrieved before it was published. Exit status 0 when the file is valid, 1 otherwise.

            With --warnings (ecosystem files), also lists on stdout, one FILE:LINE:COLUMN line each, what a curator should look at in a valid file: restrictions without a scope (or with an unknown one) and, with --stale-before DATE, facts whose newest dated source is older than DATE. Warnings do not change the exit status.

            Examples:
              ecograph validate Graphs/china-open-source-ai.yaml
              ecograph validate my-ecosystem.json
              ecograph validate dependencies.graphml
              ecograph validate --warnings --stale-before 2025-01
            """
    )

    @OptionGroup var input: GraphInput

    @Flag(help: "Also list warnings: restrictions without a scope, and with --stale-before, facts with only old sources.")
    var warnings = false

    @Option(help: ArgumentHelp("With --warnings: list facts whose newest dated source is older than this day.", valueName: "date"))
    var staleBefore: String?

    func validate() throws {
        _ = try DateArgument.day(staleBefore, flag: "--stale-before")
        if staleBefore != nil && !warnings { throw ValidationError("--stale-before applies to --warnings") }
    }

    func run() throws {
        try reportingErrors {
            let graph = try input.load(view: .asWritten)
            if warnings {
                let found: [Diagnostic]
                if let file = input.file {
                    guard EcosystemFormat(path: file) != nil else { throw CLIError("--warnings needs an ecosystem file (.yaml, .yml, .json)") }
                    found = try EcosystemFile.warnings(contentsOf: file, staleBefore: try DateArgument.day(staleBefore, flag: "--stale-before"), limits: input.limits.limits)
                } else {
                    found = try EcosystemFile.warnings(contentsOf: Ecosystem.bundledPath(), staleBefore: try DateArgument.day(staleBefore, flag: "--stale-before"))
                }
                printOut(found.map { $0.description + "\n" }.joined())
                printError("\(input.displayName): \(found.count) warning\(found.count == 1 ? "" : "s")")
            }
            printError("\(input.displayName): valid: \(graph.table.nodeCount) nodes, \(graph.table.edgeCount) edges")
        }
    }
}
