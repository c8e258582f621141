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
/// Ids are Graphviz node names. `exactText()` writes them so that Graphviz reads back exactly the same
/// strings, or throws `GraphWriteError` for the few DOT cannot spell (`exactQuotedID(_:isName:)`); `text`, for
/// drawings, changes those few and drops control characters SVG cannot hold (`quotedID(_:)`).
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

    /// The DOT text for a drawing, UTF-8, ending in a line feed: ids and literal values quoted by
    /// `quotedID(_:)`, so the few strings DOT cannot spell are changed (see there) rather than refused.
    /// - Complexity: `O(total length of ids and values + a log a)` for `a` attributes per statement.
    public var text: String {
        do { return try write(exact: false) } catch { preconditionFailure("quotedID never fails") }
    }

    /// The DOT text, such that Graphviz's cgraph reads back every node id, graph and subgraph name, attribute
    /// name and literal value exactly (`exactQuotedID(_:isName:)`); `.text` values are display text (escape
    /// strings, see `quotedText(_:)`) and `.html` values markup, both written as for a drawing.
    /// - Throws: `GraphWriteError` naming the first id or value DOT cannot spell (an id beginning with `%`, a
    ///   NUL, an odd run of backslashes before a quote, a line feed or the end).
    /// - Complexity: as `text`.
    public func exactText() throws(GraphWriteError) -> String {
        try write(exact: true)
    }

    private func write(exact: Bool) throws(GraphWriteError) -> String {
        let q = Quoter(exact: exact)
        var out = ""
        out.reserveCapacity(64 * (nodes.count + edges.count) + 256)
        out += strict ? "strict " : ""
        out += isDirected ? "digraph " : "graph "
        out += try q.name(name)
        out += " {\n"
        for (key, value) in graphAttributes.sorted {
            out += "  \(try q.value(key))=\(try q.encode(value));\n"
        }
        if !nodeDefaults.isEmpty { out += "  node" + (try q.attributeList(nodeDefaults)) + ";\n" }
        if !edgeDefaults.isEmpty { out += "  edge" + (try q.attributeList(edgeDefaults)) + ";\n" }
        for node in nodes { out += "  " + (try q.statement(node)) + "\n" }
        for cluster in clusters { try write(cluster, into: &out, q) }
        if let legend { try write(legend, into: &out, q) }
        for edge in edges { out += "  " + (try q.statement(edge, isDirected: isDirected)) + "\n" }
        out += "}\n"
        return out
    }

    private func write(_ cluster: Cluster, into out: inout String, _ q: Quoter) throws(GraphWriteError) {
        out += "  subgraph \(try q.name("cluster_" + cluster.id)) {\n"
        var attributes = cluster.attributes
        if let label = cluster.label { attributes["label"] = .text(label) }
        for (key, value) in attributes.sorted {
            out += "    \(try q.value(key))=\(try q.encode(value));\n"
        }
        for node in cluster.nodes { out += "    " + (try q.statement(node)) + "\n" }
        for member in cluster.members { out += "    \(try q.name(member));\n" }
        for edge in cluster.edges { out += "    " + (try q.statement(edge, isDirected: isDirected)) + "\n" }
        out += "  }\n"
    }

    /// Quotes for `text` (lenient) or `exactText()` (exact or an error).
    private struct Quoter {
        var exact: Bool

        func name(_ id: String) throws(GraphWriteError) -> String {
            exact ? try DOTGraph.exactQuotedID(id, isName: true) : DOTGraph.quotedID(id)
        }

        func value(_ text: String) throws(GraphWriteError) -> String {
            exact ? try DOTGraph.exactQuotedID(text, isName: false) : DOTGraph.quotedID(text)
        }

        func encode(_ value: DOTValue) throws(GraphWriteError) -> String {
            if case .literal(let literal) = value { return try self.value(literal) }
            return DOTGraph.encode(value)
        }

        func attributeList(_ attributes: DOTAttributes) throws(GraphWriteError) -> String {
            if attributes.isEmpty { return "" }
            var parts: [String] = []
            for (key, value) in attributes.sorted { parts.append("\(try self.value(key))=\(try encode(value))") }
            return " [" + parts.joined(separator: ", ") + "]"
        }

        func statement(_ node: Node) throws(GraphWriteError) -> String {
            try name(node.id) + (try attributeList(node.attributes)) + ";"
        }

        func statement(_ edge: Edge, isDirected: Bool) throws(GraphWriteError) -> String {
            try name(edge.from) + (isDirected ? " -> " : " -- ") + (try name(edge.to)) + (try attributeList(edge.attributes)) + ";"
        }
    }

    /// A value as DOT spells it.
    public static func encode(_ value: DOTValue) -> String {
        switch value {
        case .text(let text): quotedText(text)
        case .literal(let literal): quotedID(literal)
        case .html(let markup): "<" + markup + ">"
        }
    }

    /// An id (or literal value) in double quotes for a drawing: what Graphviz's scanner reads back as the same
    /// string wherever DOT can spell it (`exactQuotedID(_:isName:)`), and otherwise as close as DOT allows and
    /// safe in SVG: control characters other than tab, line feed and CR (and U+FFFE, U+FFFF) are dropped, since
    /// XML 1.0 forbids them and Graphviz writes a node's name into the SVG; a run of an odd number of
    /// backslashes right before a quote, a line feed or the end gets one more backslash. Use
    /// `exactQuotedID(_:isName:)` (or `exactText()`) where a change must be an error instead.
    public static func quotedID(_ id: String) -> String {
        quote(id, isName: false, exact: false)!
    }

    /// An id (`isName`: a node, graph or subgraph name) or literal attribute value in double quotes, such that
    /// Graphviz's cgraph (`agnameof`, `agxget`) reads back exactly `id`, or `nil`'s reason as a
    /// `GraphWriteError` where DOT cannot spell it.
    ///
    /// Cgraph's scanner, inside a double-quoted string, reads `\"` as a quote, a backslash before a line feed as
    /// a line continuation (both removed), a pair of backslashes as two backslashes, any other backslash
    /// literally, and every other byte (line feeds, CR, tabs, control characters) literally. So the string is
    /// written as is with each quote preceded by a backslash, and DOT cannot spell:
    /// - a NUL (a C string ends there);
    /// - a run of an odd number of backslashes right before a quote, a line feed or the end (its last
    ///   backslash would escape the quote, continue the line, or escape the closing quote);
    /// - a line feed standing alone between the string's ends, quotes and backslashes (`"\n"`, `"a\\\\\n"`,
    ///   `"\n\\x"`): cgraph's scanner reads a run of plain characters that is exactly one line feed as a line
    ///   break of the file and drops it;
    /// - a name beginning with `%`: cgraph keeps such names only while parsing (`aginternalmapclearlocalnames`)
    ///   and then calls the node `%<number>`.
    public static func exactQuotedID(_ id: String, isName: Bool = true) throws(GraphWriteError) -> String {
        if let quoted = quote(id, isName: isName, exact: true) { return quoted }
        throw GraphWriteError(id: id, "\(isName ? "id" : "value") '\(printable(id))' cannot be written in DOT: \(unspellableReason(id, isName: isName))")
    }

    /// Why `exactQuotedID` refuses `id` (the first reason found).
    private static func unspellableReason(_ id: String, isName: Bool) -> String {
        if isName && id.hasPrefix("%") { return "Graphviz renames ids that begin with '%'" }
        if id.unicodeScalars.contains("\0") { return "it holds a NUL character" }
        if hasLoneLineFeed(id) { return "Graphviz drops a line feed that stands alone between quotes, backslashes or the ends of a string" }
        return "an odd number of backslashes before a quote, a line feed or the end cannot be spelled in a DOT string"
    }

    /// Whether a line feed stands alone: nothing but the string's start, a quote or a backslash before it, and
    /// nothing but its end, a quote or a backslash after it (cgraph's scanner drops such a line feed).
    static func hasLoneLineFeed(_ id: String) -> Bool {
        var previous: Unicode.Scalar? = nil
        var pending = false  // a line feed after a start, quote or backslash, waiting for what follows
        for scalar in id.unicodeScalars {
            if pending && (scalar == "\"" || scalar == "\\") { return true }
            pending = scalar == "\n" && (previous == nil || previous == "\"" || previous == "\\")
            previous = scalar
        }
        return pending
    }

    /// `text` with its control characters written as `\u{..}`, for messages.
    public static func printable(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F { out += "\\u{\(String(scalar.value, radix: 16))}" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// The quoting behind `quotedID` (`exact: false`, never `nil`) and `exactQuotedID` (`nil` where DOT cannot
    /// spell the string).
    private static func quote(_ id: String, isName: Bool, exact: Bool) -> String? {
        if exact && isName && id.hasPrefix("%") { return nil }
        if exact && hasLoneLineFeed(id) { return nil }
        var out = "\""
        out.reserveCapacity(id.utf8.count + 2)
        var run = 0  // pending backslashes
        // Writes the pending run; before a quote, a line feed or the end an odd run cannot be spelled.
        func flush(beforeSpecial: Bool) -> Bool {
            if run > 0 {
                let odd = run % 2 == 1 && beforeSpecial
                if odd && exact { return false }
                out += String(repeating: "\\", count: odd ? run + 1 : run)
                run = 0
            }
            return true
        }
        for scalar in id.unicodeScalars {
            if scalar == "\\" { run += 1; continue }
            if scalar == "\0" && exact { return nil }
            if !exact && scalar != "\n" && (isDropped(scalar) || scalar.value < 0x20) && scalar != "\t" && scalar != "\r" { continue }
            if scalar == "\"" {
                guard flush(beforeSpecial: true) else { return nil }
                out += "\\\""
                continue
            }
            guard flush(beforeSpecial: scalar == "\n") else { return nil }
            out.unicodeScalars.append(scalar)
        }
        guard flush(beforeSpecial: true) else { return nil }
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
