import ArgumentParser
import EcoGraph
import Foundation

// The option groups commands share, the one scenario loader, and the wording of errors: the only place
// that knows both the library's typed errors and the command line's flags.

/// The graph a command works on: a FILE argument, or the bundled graph when none is given.
struct GraphInput: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "A graph file: an ecosystem (.yaml, .yml, .json) or a generic graph (.txt/.edges edge list, .csv, .graphml, .dot). Default: the bundled graph.",
        valueName: "file"))
    var file: String?

    @Flag(help: "Read an edge list or CSV file as undirected (GraphML and DOT files say for themselves).")
    var undirected = false

    @OptionGroup var facts: FactOptions
    @OptionGroup var limits: LimitOptions

    /// The name messages use for the input.
    var displayName: String { file ?? Ecosystem.bundledFileName }

    /// Loads the graph (DOT through Graphviz) within the limits, keeps the facts the filter keeps, and
    /// projects an ecosystem to `view`.
    func load(view: EcosystemView) throws(GraphFileError) -> LoadedGraph {
        try load(view: view, filter: facts.filter)
    }

    /// Loads the graph with another filter than the flags'.
    func load(view: EcosystemView, filter: FactFilter) throws(GraphFileError) -> LoadedGraph {
        guard let file else { return try LoadedGraph.bundled(view: view, filter: filter) }
        return try LoadedGraph.load(path: file, view: view, filter: filter, isDirected: !undirected, readers: .withGraphviz, limits: limits.limits)
    }
}

/// Dates on the command line: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or `today`.
struct DateArgument: ExpressibleByArgument, Hashable {
    /// The day named.
    var date: EcoDate

    init?(argument: String) {
        guard let day = try? Self.day(argument, flag: "") else { return nil }
        date = day
    }

    /// The day a flag's value names, or a usage error naming the flag.
    static func day(_ text: String?, flag: String) throws -> EcoDate? {
        guard let text else { return nil }
        if text == "today" { return EcoDate(dayNumber: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down))) }
        guard let day = EcoDate(text) else {
            throw ValidationError("\(flag) '\(text)' is not a date (YYYY, YYYY-MM or YYYY-MM-DD, a real day, or today)")
        }
        return day
    }
}

/// Which facts of the map are analysed: as of a day, above a confidence, with or without inferred facts.
struct FactOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Analyse the map as it stood on this day (YYYY, YYYY-MM, YYYY-MM-DD or today): only facts alive then, only restrictions in force then. Default: the whole record, where only lifted restrictions are not in force.",
        valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp("Leave out nodes and edges whose confidence is below this (0-1).", valueName: "x"))
    var minConfidence: Double = 0

    @Flag(help: "Leave out nodes and edges marked inferred.")
    var excludeInferred = false

    /// The filter the flags spell (`validate()` has checked the date).
    var filter: FactFilter {
        FactFilter(asOf: try? DateArgument.day(asOf, flag: "--as-of"), minConfidence: minConfidence, excludeInferred: excludeInferred)
    }

    func validate() throws {
        _ = try DateArgument.day(asOf, flag: "--as-of")
        if !(minConfidence >= 0 && minConfidence <= 1) { throw ValidationError("--min-confidence must be in [0, 1]") }
    }
}

/// The input limits (`InputLimits`), each raisable by a flag; the defaults are far above real files.
struct LimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Refuse input larger than this many bytes.", valueName: "bytes"))
    var maxInputBytes: Int = InputLimits.default.inputBytes

    @Option(help: ArgumentHelp("Refuse YAML/JSON, XML or DOT nested deeper than this.", valueName: "levels"))
    var maxNesting: Int = InputLimits.default.nestingDepth

    @Option(help: ArgumentHelp("Refuse YAML whose aliases expand to more than this many nodes.", valueName: "nodes"))
    var maxAliasExpansions: Int = InputLimits.default.aliasExpansions

    @Option(help: ArgumentHelp("Refuse a node id longer than this many bytes.", valueName: "bytes"))
    var maxIdBytes: Int = InputLimits.default.idBytes

    @Option(help: ArgumentHelp("Refuse an attribute value or label longer than this many bytes.", valueName: "bytes"))
    var maxValueBytes: Int = InputLimits.default.valueBytes

    @Option(help: ArgumentHelp("Refuse a graph with more nodes than this.", valueName: "count"))
    var maxNodes: Int = InputLimits.default.nodes

    @Option(help: ArgumentHelp("Refuse a graph with more edges than this.", valueName: "count"))
    var maxEdges: Int = InputLimits.default.edges

    var limits: InputLimits {
        InputLimits(inputBytes: maxInputBytes, nestingDepth: maxNesting, aliasExpansions: maxAliasExpansions, idBytes: maxIdBytes,
                    valueBytes: maxValueBytes, nodes: maxNodes, edges: maxEdges)
    }

    /// The flag that raises a limit.
    static func flag(_ limit: InputLimits.Limit) -> String {
        switch limit {
        case .inputBytes: "--max-input-bytes"
        case .nestingDepth: "--max-nesting"
        case .aliasExpansions: "--max-alias-expansions"
        case .idBytes: "--max-id-bytes"
        case .valueBytes: "--max-value-bytes"
        case .nodes: "--max-nodes"
        case .edges: "--max-edges"
        }
    }

    func validate() throws {
        for (name, value) in [("--max-input-bytes", maxInputBytes), ("--max-nesting", maxNesting), ("--max-id-bytes", maxIdBytes),
                              ("--max-value-bytes", maxValueBytes), ("--max-nodes", maxNodes), ("--max-edges", maxEdges)] where value < 1 {
            throw ValidationError("\(name) must be at least 1")
        }
        if maxAliasExpansions < 0 { throw ValidationError("--max-alias-expansions must be 0 or more") }
    }
}

/// How results are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// `--format`: table, JSON or CSV on stdout.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format.")
    var format: OutputFormat = .table
}

/// Options shared by the dependency commands: whose dependencies count, on what, under which model.
struct DependencyOptions: ParsableArguments {
    @Option(help: "Whose dependencies count: all, a node kind (country), a group (global-south), or ids (kenya,nigeria).")
    var consumers: String = "all"

    @Option(help: "Which lost nodes count: all, a node kind (model), a group, or ids.")
    var providers: String = "all"

    @Option(help: "How failures spread: reach (any surviving path keeps a dependency) or cascade (alternatives groups, thresholds).")
    var model: ImpactModel = .reach

    @Option(help: "Cascade model: a node also fails when this share (0-1] of its dependency weight has failed.")
    var threshold: Double?

    func validate() throws {
        if let threshold, !(threshold > 0 && threshold <= 1) { throw ValidationError("--threshold must be in (0, 1]") }
        if threshold != nil, model != .cascade { throw ValidationError("--threshold applies to --model cascade") }
    }

    var options: ChokepointOptions {
        ChokepointOptions(consumers: NodeSelection(consumers), providers: NodeSelection(providers), model: model, threshold: threshold)
    }
}

extension ImpactModel: ExpressibleByArgument {}
extension EcosystemView: ExpressibleByArgument {}

/// What-if scenarios: from a file (`--scenario`, optionally one by `--name`) or spelled inline.
struct ScenarioOptions: ParsableArguments {
    @Option(help: "A scenario file (YAML or JSON with a `scenarios` list).")
    var scenario: String?

    @Option(help: "With --scenario: only the scenario of this name.")
    var name: String?

    @Option(help: "Node ids to remove, comma-separated.")
    var remove: String?

    @Option(help: "Remove every node of this kind.")
    var removeKind: [String] = []

    @Option(help: "Remove every edge of this kind.")
    var removeEdges: [String] = []

    @Option(help: "Restriction edge ids to apply, comma-separated.")
    var apply: String?

    /// Whether a scenario is spelled on the command line.
    var isInline: Bool { remove != nil || !removeKind.isEmpty || !removeEdges.isEmpty || apply != nil }

    func validate() throws {
        if scenario != nil && isInline { throw ValidationError("give --scenario FILE, or --remove/--remove-kind/--remove-edges/--apply, not both") }
        if name != nil && scenario == nil { throw ValidationError("--name selects a scenario of a --scenario file") }
    }

    /// The scenarios asked for: the inline one, the file's (or its one named `--name`), else those of
    /// `defaultFile` when it exists, else none; files are read within `limits`.
    func load(defaultFile: String? = nil, limits: InputLimits = .default) throws -> [Scenario] {
        if isInline {
            return [Scenario(name: "command line", removeNodes: Self.list(remove), removeNodeKinds: removeKind,
                             removeEdgeKinds: removeEdges, apply: Self.list(apply))]
        }
        guard let path = scenario ?? defaultFile.flatMap({ FileManager.default.fileExists(atPath: $0) ? $0 : nil }) else { return [] }
        let scenarios = try ScenarioFile.read(contentsOf: path, limits: limits)
        guard let name else { return scenarios }
        guard let chosen = scenarios.first(where: { $0.name == name }) else {
            throw CLIError("\(path): no scenario named '\(name)' (there are: \(scenarios.map(\.name).joined(separator: ", ")))")
        }
        return [chosen]
    }

    /// A comma-separated list, items trimmed.
    static func list(_ text: String?) -> [String] {
        text.map { $0.split(separator: ",").map { String($0.trimmingCharacters(in: .whitespaces)) } } ?? []
    }
}

/// A failure only the command line can have (a file it cannot use as asked, a diagram it cannot draw).
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The command line's wording of an analysis error: parameters by their flags.
func describe(_ error: AnalysisError) -> String {
    switch error {
    case .invalidParameter(let parameter, let value, let expected):
        "--\(parameter.rawValue) must be \(expected), not \(value)"
    case .scenario(let name, let reason):
        "scenario '\(name)': \(describe(reason))"
    default:
        error.description
    }
}

/// Runs a command body, turning input and analysis errors into their one-line messages on stderr and exit
/// status 1.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as GraphFileError {
        var message = error.description
        if let limit = error.exceededLimit { message += " (raise it with \(LimitOptions.flag(limit)))" }
        printError(message)
        throw ExitCode(1)
    } catch let error as AtomicFile.WriteError {
        printError(error.description)
        throw ExitCode(1)
    } catch let error as AnalysisError {
        printError("ecograph: \(describe(error))")
        throw ExitCode(1)
    } catch let error as GraphWriteError {
        printError("ecograph: \(error.description)")
        throw ExitCode(1)
    } catch let error as CLIError {
        printError("ecograph: \(error.description)")
        throw ExitCode(1)
    }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Writes text to standard output as is.
func printOut(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
