/// A place in an input file: 1-based line and column (column 0 when only the line is known).
public struct FilePosition: Sendable, Hashable, Comparable {
    /// 1-based line.
    public var line: Int
    /// 1-based column; 0 when unknown.
    public var column: Int

    /// A position; `column: 0` when only the line is known.
    public init(line: Int, column: Int = 0) {
        self.line = line
        self.column = column
    }

    /// File order: by line, then column.
    public static func < (a: FilePosition, b: FilePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// One problem found in an input file, printed as `FILE:LINE:COLUMN: message` (`FILE:LINE: message` when
/// the column is unknown, `FILE: message` when the line is).
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, as the user named it (or a name such as `<string>`).
    public var file: String
    /// Where in the file, when known.
    public var position: FilePosition?
    /// What is wrong, naming the offending id or value.
    public var message: String

    /// A diagnostic at a position.
    public init(file: String, position: FilePosition?, message: String) {
        self.file = file
        self.position = position
        self.message = message
    }

    /// `FILE:LINE:COLUMN: message`, `FILE:LINE: message` or `FILE: message`.
    public var description: String {
        guard let position else { return "\(file): \(message)" }
        return position.column > 0
            ? "\(file):\(position.line):\(position.column): \(message)"
            : "\(file):\(position.line): \(message)"
    }
}

/// Every problem found in one input file, in file order. Reading a file reports all its problems at
/// once, not just the first.
public struct GraphFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, in file order.
    public var diagnostics: [Diagnostic]
    /// The limit the input went past, when that is the problem (`InputLimits.exceeded`).
    public var exceededLimit: InputLimits.Limit?

    /// An error from problems, which are sorted into file order.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted { ($0.position ?? FilePosition(line: 0)) < ($1.position ?? FilePosition(line: 0)) }
    }

    /// An error with one problem.
    public init(file: String, position: FilePosition?, message: String) {
        self.init([Diagnostic(file: file, position: position, message: message)])
    }

    /// One line per problem.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension GraphFileError {
    /// The error for a file that holds no node and no edge (empty, only comments or blank lines, only a
    /// header, an empty graph statement), the same for every reader: `FILE[:LINE:COLUMN]: empty graph: no
    /// nodes or edges`.
    public static func emptyGraph(file: String, position: FilePosition? = nil) -> GraphFileError {
        GraphFileError(file: file, position: position, message: "empty graph: no nodes or edges")
    }
}
