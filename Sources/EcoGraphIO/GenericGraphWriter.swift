import EcoGraphModel

/// Why a graph cannot be written in a format.
public struct GraphWriteError: Error, Sendable, CustomStringConvertible {
    /// What cannot be written and why.
    public var description: String
    /// The id (or label, kind, value) that cannot be written, when one is to blame.
    public var id: String?
    /// An error; `id` names the string to blame, if any.
    public init(id: String? = nil, _ description: String) {
        self.id = id
        self.description = description
    }
}

/// Writes a `GraphTable` in the generic formats the readers accept: whitespace edge lists, CSV, GraphML and DOT.
///
/// Each writer is deterministic (nodes and edges in table order) and its output reads back, through the
/// matching reader, to the same table — except that edge lists and CSV cannot hold isolated nodes, labels,
/// node kinds or node dates, and edge lists no edge kinds or edge dates (GraphML and DOT hold everything;
/// `GenericGraphFormat.carriesNodeDates`, `carriesEdgeDates`). Where a format cannot spell an id, label, kind or weight,
/// the writer throws `GraphWriteError` naming it rather than write something that reads back differently:
/// - every format: a NUL character (no reader accepts one) and a weight that is not finite;
/// - CSV: an empty id (the reader refuses one);
/// - edge list: an empty id, one starting with `#`, or one holding a byte the reader splits fields on (space,
///   tab, line feed, CR, vertical tab, form feed);
/// - GraphML: a control character other than tab, line feed and CR, or U+FFFE / U+FFFF (XML 1.0 has no way
///   to write them, not even as a character reference);
/// - DOT: see `dot(_:)`.
/// Weights are written in Swift's shortest round-trip spelling, so they read back bit for bit.
public enum GenericGraphWriter {
    /// `u v [w]` lines after a `#` comment saying whether the graph is directed.
    ///
    /// - Throws: `GraphWriteError` for an id that an edge list cannot spell (empty, holding a field separator,
    ///   starting with `#`, or holding NUL) or a weight that is not finite.
    /// - Complexity: `O(n + m)`.
    public static func edgeList(_ table: GraphTable) throws(GraphWriteError) -> String {
        for id in table.nodeIDs where id.isEmpty || id.hasPrefix("#") || id.utf8.contains(where: { isEdgeListSeparator($0) || $0 == 0 }) {
            throw GraphWriteError(id: id, "node id '\(DOTGraph.printable(id))' cannot be written in an edge list (empty, whitespace, a control character or a leading '#'); write CSV or GraphML instead")
        }
        try checkWeights(table)
        var out = "# \(table.isDirected ? "directed" : "undirected") edge list: source target\(table.weights == nil ? "" : " weight")\n"
        for e in 0 ..< table.edgeCount {
            out += table.nodeIDs[Int(table.sources[e])] + " " + table.nodeIDs[Int(table.targets[e])]
            if let weights = table.weights { out += " " + String(weights[e]) }
            out += "\n"
        }
        return out
    }

    /// The bytes `EdgeListReader` splits fields on.
    private static func isEdgeListSeparator(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0B || c == 0x0C
    }

    /// Refuses a weight that is not finite (no reader accepts one).
    private static func checkWeights(_ table: GraphTable) throws(GraphWriteError) {
        guard let weights = table.weights else { return }
        for (e, w) in weights.enumerated() where !w.isFinite {
            throw GraphWriteError("edge '\(table.nodeIDs[Int(table.sources[e])])' -> '\(table.nodeIDs[Int(table.targets[e])])': weight \(w) is not a finite number")
        }
    }

    /// Refuses a confidence outside [0, 1] (no reader accepts one).
    private static func checkConfidences(_ table: GraphTable) throws(GraphWriteError) {
        for (v, c) in (table.nodeConfidences ?? []).enumerated() where !(c >= 0 && c <= 1) {
            throw GraphWriteError(id: table.nodeIDs[v], "node '\(DOTGraph.printable(table.nodeIDs[v]))': confidence \(c) is outside [0, 1]")
        }
        for (e, c) in (table.edgeConfidences ?? []).enumerated() where !(c >= 0 && c <= 1) {
            throw GraphWriteError("edge '\(table.nodeIDs[Int(table.sources[e])])' -> '\(table.nodeIDs[Int(table.targets[e])])': confidence \(c) is outside [0, 1]")
        }
    }

    /// Refuses a string holding NUL (no reader accepts one).
    private static func checkNoNUL(_ text: String, _ what: String) throws(GraphWriteError) {
        if text.utf8.contains(0) { throw GraphWriteError(id: text, "\(what) '\(DOTGraph.printable(text))' holds a NUL character, which no graph file can hold") }
    }

    /// RFC 4180 CSV with a `source,target[,weight][,kind][,since,until][,confidence]` header: `since` and
    /// `until` when the table has edge dates (`EcoDate.description`; an open end is an empty field),
    /// `confidence` when it has edge confidences. Node dates and confidences are not written: CSV lists edges
    /// only.
    /// - Throws: `GraphWriteError` for an id or kind holding NUL, a weight that is not finite, or a confidence
    ///   outside [0, 1].
    /// - Complexity: `O(n + m)`.
    public static func csv(_ table: GraphTable) throws(GraphWriteError) -> String {
        for id in table.nodeIDs {
            if id.isEmpty { throw GraphWriteError(id: id, "an empty node id cannot be written in CSV (the reader refuses empty ids)") }
            try checkNoNUL(id, "node id")
        }
        for kind in table.edgeKindNames { try checkNoNUL(kind, "edge kind") }
        try checkWeights(table)
        try checkConfidences(table)
        var headers = ["source", "target"]
        if table.weights != nil { headers.append("weight") }
        if table.edgeKinds != nil { headers.append("kind") }
        if table.edgeLifetimes != nil { headers += ["since", "until"] }
        if table.edgeConfidences != nil { headers.append("confidence") }
        let rows = (0 ..< table.edgeCount).map { e -> [String] in
            var row = [table.nodeIDs[Int(table.sources[e])], table.nodeIDs[Int(table.targets[e])]]
            if let weights = table.weights { row.append(String(weights[e])) }
            if let kinds = table.edgeKinds { row.append(table.edgeKindNames[Int(kinds[e])]) }
            if let lifetime = table.edgeLifetimes?[e] {
                row += [lifetime.since?.description ?? "", lifetime.until?.description ?? ""]
            }
            if let confidences = table.edgeConfidences { row.append(String(confidences[e])) }
            return row
        }
        var out = headers.joined(separator: ",") + "\n"
        for row in rows { out += row.map(csvField).joined(separator: ",") + "\n" }
        return out
    }

    /// An RFC 4180 field: in double quotes (with quotes doubled) when it holds a comma, quote, CR or line feed,
    /// or is empty, or starts with a byte order mark; verbatim otherwise, as `CSVReader` keeps unquoted fields.
    private static func csvField(_ field: String) -> String {
        if field.isEmpty || field.hasPrefix("\u{FEFF}") || field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field

    }

    /// GraphML with `edgedefault`, node `label` and `kind` and edge `weight` and `kind` keys, as NetworkX
    /// writes them; for a dated table, `since` and `until` keys (`attr.type="string"`, ids `since`/`until`
    /// for nodes and `edge_since`/`edge_until` for edges, declared when the table has the column) whose
    /// values are dates as `EcoDate.description` spells them, an open end written as no `<data>`; for a table
    /// with confidences, `confidence` keys (`attr.type="double"`, ids `confidence` and `edge_confidence`) with
    /// a value on every node (edge).
    /// - Throws: `GraphWriteError` for an id, label or kind XML 1.0 cannot hold (see the type), a weight that
    ///   is not finite, or a confidence outside [0, 1].
    /// - Complexity: `O(n + m)`.
    public static func graphML(_ table: GraphTable) throws(GraphWriteError) -> String {
        for id in table.nodeIDs { try checkXML(id, "node id") }
        for label in table.nodeLabels ?? [] { try checkXML(label, "label") }
        for kind in table.nodeKindNames { try checkXML(kind, "node kind") }
        for kind in table.edgeKindNames { try checkXML(kind, "edge kind") }
        try checkWeights(table)
        try checkConfidences(table)
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">

            """
        if table.nodeLabels != nil { out += "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n" }
        if table.nodeKinds != nil { out += "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n" }
        if table.weights != nil { out += "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n" }
        if table.edgeKinds != nil { out += "  <key id=\"edge_kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n" }
        if table.nodeLifetimes != nil {
            out += "  <key id=\"since\" for=\"node\" attr.name=\"since\" attr.type=\"string\"/>\n"
            out += "  <key id=\"until\" for=\"node\" attr.name=\"until\" attr.type=\"string\"/>\n"
        }
        if table.edgeLifetimes != nil {
            out += "  <key id=\"edge_since\" for=\"edge\" attr.name=\"since\" attr.type=\"string\"/>\n"
            out += "  <key id=\"edge_until\" for=\"edge\" attr.name=\"until\" attr.type=\"string\"/>\n"
        }
        if table.nodeConfidences != nil { out += "  <key id=\"confidence\" for=\"node\" attr.name=\"confidence\" attr.type=\"double\"/>\n" }
        if table.edgeConfidences != nil { out += "  <key id=\"edge_confidence\" for=\"edge\" attr.name=\"confidence\" attr.type=\"double\"/>\n" }
        out += "  <graph edgedefault=\"\(table.isDirected ? "directed" : "undirected")\">\n"
        for node in 0 ..< table.nodeCount {
            out += "    <node id=\"\(xml(table.nodeIDs[node]))\">"
            if let labels = table.nodeLabels { out += "<data key=\"label\">\(xml(labels[node]))</data>" }
            if let kind = table.kind(of: node) { out += "<data key=\"kind\">\(xml(kind))</data>" }
            if let lifetime = table.nodeLifetimes?[node] {
                if let since = lifetime.since { out += "<data key=\"since\">\(since)</data>" }
                if let until = lifetime.until { out += "<data key=\"until\">\(until)</data>" }
            }
            if let confidences = table.nodeConfidences { out += "<data key=\"confidence\">\(String(confidences[node]))</data>" }
            out += "</node>\n"
        }
        for e in 0 ..< table.edgeCount {
            out += "    <edge source=\"\(xml(table.nodeIDs[Int(table.sources[e])]))\" target=\"\(xml(table.nodeIDs[Int(table.targets[e])]))\">"
            if let weights = table.weights { out += "<data key=\"weight\">\(String(weights[e]))</data>" }
            if let kinds = table.edgeKinds { out += "<data key=\"edge_kind\">\(xml(table.edgeKindNames[Int(kinds[e])]))</data>" }
            if let lifetime = table.edgeLifetimes?[e] {
                if let since = lifetime.since { out += "<data key=\"edge_since\">\(since)</data>" }
                if let until = lifetime.until { out += "<data key=\"edge_until\">\(until)</data>" }
            }
            if let confidences = table.edgeConfidences { out += "<data key=\"edge_confidence\">\(String(confidences[e]))</data>" }
            out += "</edge>\n"
        }
        return out + "  </graph>\n</graphml>\n"
    }

    /// DOT data, as `DOTReader` reads it: `digraph` or `graph`, every node in table order with its `label`
    /// (omitted where it is the id), `kind`, `since`, `until` and `confidence`, then every edge with its
    /// `weight`, `kind`, `since`, `until` and `confidence` (dates as `EcoDate.description` spells them; an
    /// open end is not written, and a dated table declares `node`/`edge` defaults `since=""`, `until=""`,
    /// which read as open; a table with confidences declares the default `confidence="1"` and writes the
    /// others). Everything is
    /// quoted by `DOTGraph.exactQuotedID(_:isName:)`, so cgraph reads back the same strings.
    /// - Throws: `GraphWriteError` for what DOT cannot spell: an id beginning with `%` (Graphviz renames it), a
    ///   NUL, an odd run of backslashes right before a quote, a line feed or the end of an id, label or kind; a
    ///   label that is empty or `\\N` (the reader takes both to mean "the id") on a node whose id differs; a
    ///   weight that is not finite; a confidence outside [0, 1].
    /// - Complexity: `O(n + m)`.
    public static func dot(_ table: GraphTable) throws(GraphWriteError) -> String {
        try checkWeights(table)
        try checkConfidences(table)
        var graph = DOTGraph(name: "G", isDirected: table.isDirected)
        graph.nodes.reserveCapacity(table.nodeCount)
        for v in 0 ..< table.nodeCount {
            let id = table.nodeIDs[v]
            var attributes = DOTAttributes()
            if let label = table.nodeLabels?[v], label != id {
                if label.isEmpty || label == "\\N" {
                    throw GraphWriteError(id: label, "node '\(DOTGraph.printable(id))': label '\(label)' cannot be written in DOT, which reads it as the node's id")
                }
                attributes["label"] = .literal(label)
            }
            if let kind = table.kind(of: v) { attributes["kind"] = .literal(kind) }
            if let lifetime = table.nodeLifetimes?[v] { setDates(lifetime, in: &attributes) }
            if let confidence = table.nodeConfidences?[v], confidence != 1 { attributes["confidence"] = .literal(String(confidence)) }
            graph.nodes.append(DOTGraph.Node(id, attributes))
        }
        // A node declared without the attribute has "" for it, as the reader gives when a file sets it on some;
        // an empty date is an open end.
        if table.nodeKinds != nil { graph.nodeDefaults["kind"] = .literal("") }
        if table.edgeKinds != nil { graph.edgeDefaults["kind"] = .literal("") }
        if table.nodeLifetimes != nil { graph.nodeDefaults["since"] = .literal(""); graph.nodeDefaults["until"] = .literal("") }
        if table.edgeLifetimes != nil { graph.edgeDefaults["since"] = .literal(""); graph.edgeDefaults["until"] = .literal("") }
        // Confidence 1 (certain), the default of an ecosystem file too, is written once as the default.
        if table.nodeConfidences != nil { graph.nodeDefaults["confidence"] = .literal("1") }
        if table.edgeConfidences != nil { graph.edgeDefaults["confidence"] = .literal("1") }
        graph.edges.reserveCapacity(table.edgeCount)
        for e in 0 ..< table.edgeCount {
            var attributes = DOTAttributes()
            if let weights = table.weights { attributes["weight"] = .literal(String(weights[e])) }
            if let kinds = table.edgeKinds { attributes["kind"] = .literal(table.edgeKindNames[Int(kinds[e])]) }
            if let lifetime = table.edgeLifetimes?[e] { setDates(lifetime, in: &attributes) }
            if let confidence = table.edgeConfidences?[e], confidence != 1 { attributes["confidence"] = .literal(String(confidence)) }
            graph.edges.append(DOTGraph.Edge(table.nodeIDs[Int(table.sources[e])], table.nodeIDs[Int(table.targets[e])], attributes))
        }
        return try graph.exactText()
    }

    /// A lifetime's given ends as DOT attributes `since` and `until`.
    private static func setDates(_ lifetime: Lifetime, in attributes: inout DOTAttributes) {
        if let since = lifetime.since { attributes["since"] = .literal(since.description) }
        if let until = lifetime.until { attributes["until"] = .literal(until.description) }
    }

    /// The table in a generic format.
    public static func encode(_ table: GraphTable, as format: GenericGraphFormat) throws(GraphWriteError) -> String {
        switch format {
        case .edgelist: return try edgeList(table)
        case .csv: return try csv(table)
        case .graphml: return try graphML(table)
        case .dot: return try dot(table)
        }
    }

    /// Refuses text XML 1.0 cannot hold: NUL and other control characters but tab, line feed and CR, U+FFFE, U+FFFF.
    private static func checkXML(_ text: String, _ what: String) throws(GraphWriteError) {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF {
                throw GraphWriteError(id: text, "\(what) '\(DOTGraph.printable(text))' cannot be written in GraphML: XML 1.0 cannot hold the character U+\(String(v, radix: 16, uppercase: true))")
            }
        }
    }

    /// XML character data and attribute values: markup characters escaped; characters XML 1.0 cannot hold
    /// (most C0 controls) written as U+FFFD (the writers refuse them first, `checkXML`).
    static func xml(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let entity = MarkupEscaping.entity(for: scalar) { out += entity; continue }
            switch scalar {
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
