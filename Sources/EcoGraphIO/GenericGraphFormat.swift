import EcoGraphModel

/// The generic (schema-less) graph formats EcoGraph reads into a `GraphTable`.
///
/// Edge lists, CSV and GraphML are read here, in `EcoGraphIO`; DOT is parsed by Graphviz's own parser, which
/// only `EcoGraphRender` may call, so it is read by `EcoGraphRender.DOTReader` (which also reads the other three
/// by calling into this module).
public enum GenericGraphFormat: String, CaseIterable, Sendable, CustomStringConvertible {
    /// Whitespace-separated `source target [weight]` lines: `EdgeListReader`.
    case edgelist
    /// `source,target[,weight][,kind][,since][,until]` with a header row: `CSVReader`.
    case csv
    /// GraphML (NetworkX, igraph, Gephi, yEd): `GraphMLReader`.
    case graphml
    /// Graphviz DOT: `EcoGraphRender.DOTReader`.
    case dot

    /// The format's name (`edgelist`, `csv`, `graphml`, `dot`).
    public var description: String { rawValue }

    /// The file extensions (lowercase, without the dot) detected as this format.
    ///
    /// `.tsv` is deliberately not detected: tab-separated exports usually start with a header row, which an
    /// edge list would read as an edge and CSV would not split. Pass `.edgelist` explicitly for headerless
    /// tab-separated files (tabs separate edge-list fields).
    public var fileExtensions: [String] {
        switch self {
        case .edgelist: ["txt", "edges", "edgelist", "el"]
        case .csv: ["csv"]
        case .graphml: ["graphml", "xml"]
        case .dot: ["dot", "gv"]
        }
    }

    /// The format a file extension names (case-insensitive, with or without the leading dot), or `nil`.
    public init?(fileExtension: String) {
        var ext = fileExtension.lowercased()
        if ext.hasPrefix(".") { ext.removeFirst() }
        guard let format = Self.allCases.first(where: { $0.fileExtensions.contains(ext) }) else { return nil }
        self = format
    }

    /// Whether the format carries node dates (`since`/`until`) and confidences: GraphML and DOT; CSV and edge
    /// lists list edges only.
    public var carriesNodeDates: Bool { self == .graphml || self == .dot }

    /// Whether the format carries edge dates and confidences: every format but the edge list, whose lines hold
    /// no attributes but a weight.
    public var carriesEdgeDates: Bool { self != .edgelist }

    /// The format of a file named by `path`, detected from its extension, or `nil` if the extension is not one
    /// of ``fileExtensions``.
    public init?(path: String) {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        self.init(fileExtension: String(name[name.index(after: dot)...]))
    }
}

/// The readers of generic graph files, by format: the pure-Swift ones (`standard`: edge list, CSV, GraphML),
/// to which a module that links a parser adds its format (EcoGraphRender adds DOT, read by Graphviz's cgraph,
/// as `GenericGraphReaders.withGraphviz`).
public struct GenericGraphReaders: Sendable {
    /// Reads a file: `path`, whether an edge list or CSV file is directed, and the limits to read within.
    public typealias Reader = @Sendable (_ path: String, _ isDirected: Bool, _ limits: InputLimits) throws(GraphFileError) -> GraphTable

    private var readers: [GenericGraphFormat: Reader]

    /// Edge lists, CSV and GraphML: every format EcoGraphIO reads on its own.
    public static let standard = GenericGraphReaders(readers: [
        .edgelist: { path, isDirected, limits throws(GraphFileError) in try EdgeListReader(isDirected: isDirected, limits: limits).read(path: path) },
        .csv: { path, isDirected, limits throws(GraphFileError) in try CSVReader(isDirected: isDirected, limits: limits).read(path: path) },
        .graphml: { path, _, limits throws(GraphFileError) in try GraphMLReader(limits: limits).read(path: path) },
    ])

    /// These readers and one more (replacing any reader of that format).
    public func adding(_ format: GenericGraphFormat, _ reader: @escaping Reader) -> GenericGraphReaders {
        var copy = self
        copy.readers[format] = reader
        return copy
    }

    /// The formats these readers read.
    public var formats: [GenericGraphFormat] { GenericGraphFormat.allCases.filter { readers[$0] != nil } }

    /// Reads a generic graph file into a `GraphTable`.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - format: the file's format; `nil` detects it from the extension (`GenericGraphFormat(path:)`).
    ///   - isDirected: for edge lists and CSV, whether edges are directed (`u v` reads "u depends on v"). GraphML
    ///     and DOT state their own directedness and ignore this.
    ///   - limits: how much the reader accepts.
    /// - Throws: `GraphFileError` listing every problem in the file as `FILE:LINE[:COLUMN]: message`; also for an
    ///   unreadable file, an undetectable format, a format without a reader here (DOT without Graphviz), and
    ///   input past a limit.
    /// - Complexity: that of the format's reader: `O(b)` time for a file of `b` bytes.
    public func read(path: String, format: GenericGraphFormat? = nil, isDirected: Bool = true,
                     limits: InputLimits = .default) throws(GraphFileError) -> GraphTable {
        if InputFile.isDirectory(path) {
            throw GraphFileError(file: path, position: nil, message: "is a directory, not a graph file")
        }
        guard let format = format ?? GenericGraphFormat(path: path) else {
            let known = GenericGraphFormat.allCases.flatMap(\.fileExtensions).map { ".\($0)" }.joined(separator: ", ")
            throw GraphFileError(file: path, position: nil,
                                 message: "cannot tell the graph format from the file name (known extensions: \(known))")
        }
        guard let reader = readers[format] else {
            throw GraphFileError(file: path, position: nil,
                                 message: "\(format.rawValue) files are parsed by Graphviz, which this program does not link: read them with EcoGraphRender.DOTReader (or GenericGraphReaders.withGraphviz)")
        }
        return try reader(path, isDirected, limits)
    }
}

/// Reads a generic graph file (edge list, CSV or GraphML) into a `GraphTable`: `GenericGraphReaders.standard`.
///
/// - Parameters:
///   - path: the file to read.
///   - format: the file's format; `nil` detects it from the extension (`GenericGraphFormat(path:)`).
///   - isDirected: for edge lists and CSV, whether edges are directed (`u v` reads "u depends on v"). GraphML
///     states its own directedness and ignores this.
/// - Throws: `GraphFileError` listing every problem in the file as `FILE:LINE[:COLUMN]: message`; also for an
///   unreadable file, an undetectable format, and DOT (read DOT with `EcoGraphRender.DOTReader`, which calls
///   Graphviz).
/// - Complexity: `O(b)` time for a file of `b` bytes; `O(b + n + m)` extra space.
public func readGenericGraph(
    path: String, format: GenericGraphFormat? = nil, isDirected: Bool = true
) throws(GraphFileError) -> GraphTable {
    try GenericGraphReaders.standard.read(path: path, format: format, isDirected: isDirected)
}
