/// How much a reader accepts, so that a hostile file cannot exhaust time or memory: past a limit a reader stops
/// with one `GraphFileError` whose `exceededLimit` names the limit (the CLI adds the flag that raises it).
///
/// The defaults are far above real files (the bundled graph is 120 KB; a registry dump of 100 million edges is
/// a few GB) and small enough that a file crafted to expand (nested YAML aliases, deep nesting, endless input)
/// is refused in well under a second, with memory a small multiple of the bytes read.
public struct InputLimits: Sendable, Hashable {
    /// One limit, by name.
    public enum Limit: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// Bytes read from one input.
        case inputBytes
        /// Nesting of YAML/JSON collections, XML elements or DOT subgraphs.
        case nestingDepth
        /// YAML nodes produced by expanding aliases (`*name`), counted over the whole document.
        case aliasExpansions
        /// Bytes of one node id.
        case idBytes
        /// Bytes of one attribute value, label or other text value.
        case valueBytes
        /// Nodes of one graph.
        case nodes
        /// Edges of one graph.
        case edges

        /// The limit in words, for messages.
        public var description: String {
            switch self {
            case .inputBytes: "input size"
            case .nestingDepth: "nesting depth"
            case .aliasExpansions: "YAML alias expansions"
            case .idBytes: "id length"
            case .valueBytes: "value length"
            case .nodes: "node count"
            case .edges: "edge count"
            }
        }

        /// The unit the limit counts in, for messages.
        var unit: String {
            switch self {
            case .inputBytes, .idBytes, .valueBytes: "bytes"
            case .nestingDepth: "levels"
            case .aliasExpansions: "nodes"
            case .nodes: "nodes"
            case .edges: "edges"
            }
        }
    }

    /// Bytes read from one input (default 4 GiB).
    public var inputBytes: Int
    /// Nesting levels of YAML/JSON collections, XML elements or DOT subgraphs (default 256).
    public var nestingDepth: Int
    /// YAML nodes produced by alias expansion over one document (default 100,000).
    public var aliasExpansions: Int
    /// Bytes of one node id (default 64 KiB).
    public var idBytes: Int
    /// Bytes of one attribute value, label or other text value (default 16 MiB).
    public var valueBytes: Int
    /// Nodes of one graph (default 2^31 − 1, what the kernel's `Int32` indices hold).
    public var nodes: Int
    /// Edges of one graph (default 2^31 − 1).
    public var edges: Int

    /// Limits; each defaults to `InputLimits.default`'s.
    public init(inputBytes: Int = 4 << 30, nestingDepth: Int = 256, aliasExpansions: Int = 100_000, idBytes: Int = 64 << 10,
                valueBytes: Int = 16 << 20, nodes: Int = Int(Int32.max), edges: Int = Int(Int32.max)) {
        self.inputBytes = inputBytes
        self.nestingDepth = nestingDepth
        self.aliasExpansions = aliasExpansions
        self.idBytes = idBytes
        self.valueBytes = valueBytes
        self.nodes = nodes
        self.edges = edges
    }

    /// The defaults.
    public static let `default` = InputLimits()

    /// A limit's value.
    public subscript(limit: Limit) -> Int {
        get {
            switch limit {
            case .inputBytes: inputBytes
            case .nestingDepth: nestingDepth
            case .aliasExpansions: aliasExpansions
            case .idBytes: idBytes
            case .valueBytes: valueBytes
            case .nodes: nodes
            case .edges: edges
            }
        }
        set {
            switch limit {
            case .inputBytes: inputBytes = newValue
            case .nestingDepth: nestingDepth = newValue
            case .aliasExpansions: aliasExpansions = newValue
            case .idBytes: idBytes = newValue
            case .valueBytes: valueBytes = newValue
            case .nodes: nodes = newValue
            case .edges: edges = newValue
            }
        }
    }

    /// The error for input past a limit: `FILE[:LINE:COLUMN]: <what> exceeds the <limit> limit of N <unit>`,
    /// with `exceededLimit` set.
    public func exceeded(_ limit: Limit, file: String, position: FilePosition? = nil, what: String) -> GraphFileError {
        var error = GraphFileError(file: file, position: position,
                                   message: "\(what) exceeds the \(limit) limit of \(self[limit]) \(limit.unit)")
        error.exceededLimit = limit
        return error
    }
}
