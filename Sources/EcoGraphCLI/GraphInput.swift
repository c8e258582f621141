import ArgumentParser
import EcoGraph
import Foundation

/// The graph a command works on: a FILE argument, or the bundled graph when none is given.
struct GraphInput: ParsableArguments {
    @Argument(help: "A graph file (.yaml, .yml or .json ecosystem). Default: the bundled graph.")
    var file: String?

    /// The name messages use for the input.
    var displayName: String { file ?? Ecosystem.bundledFileName }

    /// Loads and validates the typed ecosystem.
    func loadEcosystem() throws(GraphFileError) -> Ecosystem {
        guard let file else { return try Ecosystem.bundled() }
        return try EcosystemFile.read(contentsOf: file)
    }
}

/// How results are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// Runs a command body, turning input errors into their one-line messages on stderr and exit status 1.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as GraphFileError {
        printError(error.description)
        throw ExitCode(1)
    } catch let error as AtomicFile.WriteError {
        printError(error.description)
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
