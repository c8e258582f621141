/// One attribute value of a DOT statement.
///
/// Every value is written quoted; the cases differ in how Graphviz reads what is inside the quotes.
public enum DOTValue: Sendable, Hashable {
    /// Text Graphviz shows or expands as an escape string (`label`, `xlabel`, `tooltip`, `comment`, ...):
    /// any Unicode. Written so that Graphviz shows it as is: backslashes doubled (so `\N`, `\G`, `\l`
    /// never expand), quotes escaped, `&` written `&amp;` (Graphviz decodes entities in labels), a line feed (or CR LF, or CR) becomes the centred line break `\n`,
    /// a tab becomes a space, other control characters (and the non-characters U+FFFE, U+FFFF) are dropped.
    case text(String)
    /// A literal value: a colour, a number, a style list, a shape name. Quotes are escaped and control
    /// characters dropped; backslashes are kept (a value that means something to Graphviz is passed through).
    case literal(String)
    /// An HTML-like label (`<...>` in DOT), for markup this program generates itself. The string is the
    /// markup between the angle brackets; every user string inside must be escaped with
    /// `DOTGraph.htmlEscaped(_:)`. Written as `<` + markup + `>` without further escaping.
    case html(String)
}

extension DOTValue: ExpressibleByStringLiteral {
    /// A string literal in code is a literal value (`"filled,rounded"`, `"#1f77b4"`).
    public init(stringLiteral value: String) { self = .literal(value) }
}

/// The attributes of one DOT statement, written sorted by name so that the same attributes always give the
/// same bytes, whatever order they were set in.
public struct DOTAttributes: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    /// The attributes by name.
    public var values: [String: DOTValue]

    /// Attributes from a dictionary.
    public init(_ values: [String: DOTValue] = [:]) { self.values = values }
    /// Attributes from a literal: `["shape": "box", "label": .text(name)]`.
    public init(dictionaryLiteral elements: (String, DOTValue)...) {
        values = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    /// The value of an attribute, or `nil`; setting `nil` removes it.
    public subscript(name: String) -> DOTValue? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// Whether no attribute is set.
    public var isEmpty: Bool { values.isEmpty }

    /// The attributes sorted by name.
    public var sorted: [(name: String, value: DOTValue)] {
        values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Sets every attribute of `other`, replacing those of the same name.
    public mutating func merge(_ other: DOTAttributes) {
        values.merge(other.values) { _, new in new }
    }
}

/// A graph to be written as Graphviz DOT text: a pure value, no Graphviz call.
///
/// Everything is written quoted and escaped (ids, attribute names, values), so any string is safe as an id,
/// including DOT keywords (`node`, `edge`, `graph`, `subgraph`, `strict`, `digraph`), `->`, braces, quotes,
/// semicolons and newlines: nothing a user string holds can end a statement or open a new one. Unicode is
/// written as UTF-8.
///
/// Output order is fixed: graph attributes, node and edge defaults, nodes (in array order), clusters (each with
/// its label, attributes, own nodes and edges, and member references), the legend cluster, then edges (in array
/// order); attributes sorted by name. The same graph always gives the same bytes.
///
/// Ids are Graphviz node names, kept exactly (Graphviz's SVG output writes a node's name as its `<title>`),
/// with two limits of the DOT language: control characters are dropped (NUL cannot be in a C string, XML 1.0,
/// so SVG, forbids most others, and a line feed after a backslash is a line continuation), and a run of an
/// odd number of backslashes before a quote or at the end gets one more backslash (`quotedID(_:)`).
///
/// Reference: <https://graphviz.org/doc/info/lang.html>. Modelled on SwiftDocOrg/GraphViz's `DOTEncoder`.
public struct DOTGraph: Sendable, Hashable {
    /// A node statement: its id (the Graphviz node name) and attributes.
    public struct Node: Sendable, Hashable {
        /// The node's DOT id (quoted when written).
        public var id: String
        /// The node's attributes.
        public var attributes: DOTAttributes
        /// A node statement.
        public init(_ id: String, _ attributes: DOTAttributes = [:]) {
            self.id = id
            self.attributes = attributes
        }
    }

    /// An edge statement between two node ids.
    public struct Edge: Sendable, Hashable {
        /// The tail node's id.
        public var from: String
        /// The head node's id.
        public var to: String
        /// The edge's attributes.
        public var attributes: DOTAttributes
        /// An edge statement `from -> to` (`--` in an undirected graph).
        public init(_ from: String, _ to: String, _ attributes: DOTAttributes = [:]) {
            self.from = from
            self.to = to
            self.attributes = attributes
        }
    }

    /// A `subgraph cluster_*`: drawn as a box around its members by the `dot` and `fdp` engines.
    public struct Cluster: Sendable, Hashable {
        /// The subgraph's name without the `cluster_` prefix (which is added, so Graphviz draws it as a cluster).
        public var id: String
        /// The text drawn on the box, if any.
        public var label: String?
        /// The subgraph's attributes (style, colours).
        public var attributes: DOTAttributes
        /// Ids of nodes declared elsewhere in the graph that belong to the cluster.
        public var members: [String]
        /// Nodes declared inside the cluster (a legend's sample nodes).
        public var nodes: [Node]
        /// Edges declared inside the cluster.
        public var edges: [Edge]

        /// A cluster with its members, its own nodes and edges.
        public init(id: String, label: String? = nil, attributes: DOTAttributes = [:], members: [String] = [],
                    nodes: [Node] = [], edges: [Edge] = []) {
            self.id = id
            self.label = label
            self.attributes = attributes
            self.members = members
            self.nodes = nodes
            self.edges = edges
        }
    }

    /// The graph's name.
    public var name: String
    /// `digraph` (true) or `graph` (false).
    public var isDirected: Bool
    /// `strict`: Graphviz merges parallel edges.
    public var strict: Bool
    /// Graph attributes (`rankdir`, `bgcolor`, `label`, ...).
    public var graphAttributes: DOTAttributes
    /// Defaults for every node (`node [...]`).
    public var nodeDefaults: DOTAttributes
    /// Defaults for every edge (`edge [...]`).
    public var edgeDefaults: DOTAttributes
    /// Node statements, written in order.
    public var nodes: [Node]
    /// Edge statements, written in order after the nodes.
    public var edges: [Edge]
    /// Clusters, written after the edges.
    public var clusters: [Cluster]
    /// A key to the drawing, written as one more cluster after the others.
    public var legend: Cluster?

    /// A graph; every part defaults to empty.
    public init(name: String = "G", isDirected: Bool = true, strict: Bool = false,
                graphAttributes: DOTAttributes = [:], nodeDefaults: DOTAttributes = [:], edgeDefaults: DOTAttributes = [:],
                nodes: [Node] = [], edges: [Edge] = [], clusters: [Cluster] = [], legend: Cluster? = nil) {
        self.name = name
        self.isDirected = isDirected
        self.strict = strict
        self.graphAttributes = graphAttributes
        self.nodeDefaults = nodeDefaults
        self.edgeDefaults = edgeDefaults
        self.nodes = nodes
        self.edges = edges
        self.clusters = clusters
        self.legend = legend
    }

    /// The DOT text, UTF-8, ending in a line feed.
    /// - Complexity: `O(total length of ids and values + a log a)` for `a` attributes per statement.
    public var text: String {
        var out = ""
        out.reserveCapacity(64 * (nodes.count + edges.count) + 256)
        out += strict ? "strict " : ""
        out += isDirected ? "digraph " : "graph "
        out += Self.quotedID(name)
        out += " {\n"
        for (key, value) in graphAttributes.sorted {
            out += "  \(Self.quotedID(key))=\(Self.encode(value));\n"
        }
        if !nodeDefaults.isEmpty { out += "  node" + Self.attributeList(nodeDefaults) + ";\n" }
        if !edgeDefaults.isEmpty { out += "  edge" + Self.attributeList(edgeDefaults) + ";\n" }
        for node in nodes { out += "  " + Self.statement(node) + "\n" }
        for cluster in clusters { write(cluster, into: &out) }
        if let legend { write(legend, into: &out) }
        for edge in edges { out += "  " + statement(edge) + "\n" }
        out += "}\n"
        return out
    }

    private func write(_ cluster: Cluster, into out: inout String) {
        out += "  subgraph \(Self.quotedID("cluster_" + cluster.id)) {\n"
        var attributes = cluster.attributes
        if let label = cluster.label { attributes["label"] = .text(label) }
        for (key, value) in attributes.sorted {
            out += "    \(Self.quotedID(key))=\(Self.encode(value));\n"
        }
        for node in cluster.nodes { out += "    " + Self.statement(node) + "\n" }
        for member in cluster.members { out += "    \(Self.quotedID(member));\n" }
        for edge in cluster.edges { out += "    " + statement(edge) + "\n" }
        out += "  }\n"
    }

    private static func statement(_ node: Node) -> String {
        quotedID(node.id) + attributeList(node.attributes) + ";"
    }

    private func statement(_ edge: Edge) -> String {
        Self.quotedID(edge.from) + (isDirected ? " -> " : " -- ") + Self.quotedID(edge.to) + Self.attributeList(edge.attributes) + ";"
    }

    private static func attributeList(_ attributes: DOTAttributes) -> String {
        if attributes.isEmpty { return "" }
        return " [" + attributes.sorted.map { "\(quotedID($0.name))=\(encode($0.value))" }.joined(separator: ", ") + "]"
    }

    /// A value as DOT spells it.
    public static func encode(_ value: DOTValue) -> String {
        switch value {
        case .text(let text): quotedText(text)
        case .literal(let literal): quotedID(literal)
        case .html(let markup): "<" + markup + ">"
        }
    }

    /// An id (or literal value) in double quotes, as Graphviz's scanner reads it back: quotes escaped,
    /// backslashes kept, control characters dropped.
    ///
    /// Graphviz's scanner reads `\"` as a quote, `\\` as two literal backslashes, a backslash before a line
    /// feed as a line continuation, and any other backslash literally; so a run of an odd number of
    /// backslashes right before a quote or the end of the string cannot be spelled, and gets one more
    /// backslash (the id then holds one more; nothing escapes the string).
    public static func quotedID(_ id: String) -> String {
        var out = "\""
        var run = 0  // pending backslashes
        func flush(beforeQuoteOrEnd: Bool) {
            if run > 0 {
                out += String(repeating: "\\", count: run % 2 == 1 && beforeQuoteOrEnd ? run + 1 : run)
                run = 0
            }
        }
        for scalar in id.unicodeScalars {
            if scalar == "\\" { run += 1; continue }
            if isDropped(scalar) || scalar.value < 0x20 { continue }
            if scalar == "\"" {
                flush(beforeQuoteOrEnd: true)
                out += "\\\""
                continue
            }
            flush(beforeQuoteOrEnd: false)
            out.unicodeScalars.append(scalar)
        }
        flush(beforeQuoteOrEnd: true)
        out += "\""
        return out
    }

    /// Display text in double quotes as an escape string: backslashes doubled, quotes escaped, `&` as `&amp;`
    /// (Graphviz decodes HTML entities in labels), line breaks as `\n`, tabs as spaces, other control characters
    /// dropped.
    public static func quotedText(_ text: String) -> String {
        var out = "\""
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "&": out += "&amp;"
            case "\n": if previous != "\r" { out += "\\n" }
            case "\r": out += "\\n"
            case "\t": out += " "
            default:
                if isDropped(scalar) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
        return out
    }

    /// Control characters (except tab and line feed, handled by the callers) and the XML non-characters.
    private static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0x7F || v == 0xFFFE || v == 0xFFFF
    }

    /// A user string escaped for an HTML-like label: `&`, `<`, `>`, `"`, `'` as entities, control characters
    /// dropped, line breaks as `<br/>`.
    public static func htmlEscaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if let entity = MarkupEscaping.entity(for: scalar) { out += entity; continue }
            switch scalar {
            case "\n": out += "<br/>"
            case "\t", "\r": out += " "
            default:
                if isDropped(scalar) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
