import ArgumentParser
import EcoGraph
import Foundation

/// The graph a command works on: a FILE argument, or the bundled graph when none is given.
struct GraphInput: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "A graph file: an ecosystem (.yaml, .yml, .json) or a generic graph (.txt/.edges edge list, .csv, .graphml, .dot). Default: the bundled graph.",
        valueName: "file"))
    var file: String?

    @Flag(help: "Read an edge list or CSV file as undirected (GraphML and DOT files say for themselves).")
    var undirected = false

    /// The name messages use for the input.
    var displayName: String { file ?? Ecosystem.bundledFileName }

    /// Loads the graph; an ecosystem is projected to `view`.
    func load(view: EcosystemView) throws(GraphFileError) -> LoadedGraph {
        try LoadedGraph.load(path: file, view: view, undirected: undirected)
    }
}

/// How results are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

extension EcosystemView: ExpressibleByArgument {}

/// Runs a command body, turning input and analysis errors into their one-line messages on stderr and exit
/// status 1.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as GraphFileError {
        printError(error.description)
        throw ExitCode(1)
    } catch let error as AtomicFile.WriteError {
        printError(error.description)
        throw ExitCode(1)
    } catch let error as AnalysisError {
        printError("ecograph: \(error.description)")
        throw ExitCode(1)
    } catch let error as GraphWriteError {
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
