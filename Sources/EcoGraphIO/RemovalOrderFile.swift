/// A removal order read from a text file, for robustness curves: node ids and restriction edge ids in policy
/// order, one a line, each with its place in the file so that the analysis can name the line of an id it does
/// not know.
///
/// The format: one id a line; blank lines are skipped; `#` starts a comment when it begins a line or follows
/// whitespace (so `a#b` is an id, `a # note` is `a` and a comment); spaces and tabs around an id are
/// ignored; a leading byte order mark is dropped; lines end with LF or CRLF. Ids are checked against a graph
/// later, by the analysis layer.
///
/// ```
/// # US chip controls first, then the suppliers themselves
/// us-bis-2022-10-a100
/// us-bis-2023-10-h800
/// nvidia
/// ```
public struct RemovalOrderFile: Sendable, Hashable {
    /// One id of the order and where it stands.
    public struct Entry: Sendable, Hashable {
        /// The id as written.
        public var id: String
        /// Its line and column.
        public var position: FilePosition

        /// An entry.
        public init(id: String, position: FilePosition) {
            self.id = id
            self.position = position
        }
    }

    /// The file, as the user named it.
    public var file: String
    /// The ids in file order (repeats kept).
    public var entries: [Entry]

    /// An order from entries (tests and programs that make one in code).
    public init(file: String, entries: [Entry]) {
        self.file = file
        self.entries = entries
    }

    /// Reads an order file (`-`: standard input) within `limits`.
    /// - Throws: `GraphFileError`: the file cannot be read, a line holds more than one id, an id is longer than
    ///   `limits.idBytes`, or there is no id at all (every problem at once, in file order).
    /// - Complexity: `O(b)` for `b` bytes.
    public static func read(contentsOf path: String, limits: InputLimits = .default) throws(GraphFileError) -> RemovalOrderFile {
        try decode(try InputFile.text(path, limits: limits), file: path, limits: limits)
    }

    /// Decodes order text; `file` names it in messages.
    /// - Throws: `GraphFileError`, as `read(contentsOf:limits:)`.
    public static func decode(_ text: String, file: String, limits: InputLimits = .default) throws(GraphFileError) -> RemovalOrderFile {
        var problems: [Diagnostic] = []
        var entries: [Entry] = []
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var lineNumber = 0
        for rawLine in scalars.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = rawLine
            if line.last == "\r" { line = line.dropLast() }
            // Tokens: runs of non-blank scalars, up to a `#` that starts a line or follows a blank.
            var tokens: [(text: String, column: Int)] = []
            var current = String.UnicodeScalarView(), start = 0, column = 0, previousBlank = true
            for scalar in line {
                column += 1
                let blank = scalar == " " || scalar == "\t"
                if scalar == "#" && previousBlank { break }
                if blank {
                    if !current.isEmpty { tokens.append((String(current), start)); current = .init() }
                } else {
                    if current.isEmpty { start = column }
                    current.append(scalar)
                }
                previousBlank = blank
            }
            if !current.isEmpty { tokens.append((String(current), start)) }
            guard let first = tokens.first else { continue }
            let position = FilePosition(line: lineNumber, column: first.column)
            if tokens.count > 1 {
                problems.append(Diagnostic(file: file, position: FilePosition(line: lineNumber, column: tokens[1].column),
                                           message: "one id a line: '\(tokens[1].text)' follows '\(first.text)' (start a comment with #)"))
                continue
            }
            if first.text.utf8.count > limits.idBytes {
                throw limits.exceeded(.idBytes, file: file, position: position, what: "the id (\(first.text.utf8.count) bytes)")
            }
            entries.append(Entry(id: first.text, position: position))
        }
        guard problems.isEmpty else { throw GraphFileError(problems) }
        guard !entries.isEmpty else {
            throw GraphFileError(file: file, position: nil,
                                 message: "no ids: a removal order lists node ids or restriction edge ids, one a line")
        }
        return RemovalOrderFile(file: file, entries: entries)
    }
}
