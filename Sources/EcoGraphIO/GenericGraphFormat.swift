import EcoGraphModel

/// The generic (schema-less) graph formats EcoGraph reads into a `GraphTable`.
///
/// Edge lists, CSV and GraphML are read here, in `EcoGraphIO`; DOT is parsed by Graphviz's own parser, which
/// only `EcoGraphRender` may call, so it is read by `EcoGraphRender.DOTReader` (which also reads the other three
/// by calling into this module).
public enum GenericGraphFormat: String, CaseIterable, Sendable, CustomStringConvertible {
    /// Whitespace-separated `source target [weight]` lines: `EdgeListReader`.
    case edgelist
    /// `source,target[,weight][,kind]` with a header row: `CSVReader`.
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

    /// The format of a file named by `path`, detected from its extension, or `nil` if the extension is not one
    /// of ``fileExtensions``.
    public init?(path: String) {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        self.init(fileExtension: String(name[name.index(after: dot)...]))
    }
}

/// Reads a generic graph file (edge list, CSV or GraphML) into a `GraphTable`.
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
    guard let format = format ?? GenericGraphFormat(path: path) else {
        let known = GenericGraphFormat.allCases.flatMap(\.fileExtensions).map { ".\($0)" }.joined(separator: ", ")
        throw GraphFileError(file: path, position: nil,
                             message: "cannot tell the graph format from the file name (known extensions: \(known))")
    }
    switch format {
    case .edgelist:
        return try EdgeListReader(isDirected: isDirected).read(path: path)
    case .csv:
        return try CSVReader(isDirected: isDirected).read(path: path)
    case .graphml:
        return try GraphMLReader().read(path: path)
    case .dot:
        throw GraphFileError(file: path, position: nil,
                             message: "DOT files are parsed by Graphviz: read them with EcoGraphRender.DOTReader")
    }
}
