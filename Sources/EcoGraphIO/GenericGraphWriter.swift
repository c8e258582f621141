import EcoGraphModel

/// Why a graph cannot be written in a format.
public struct GraphWriteError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Writes a `GraphTable` in the generic formats the readers accept: whitespace edge lists, CSV and GraphML.
///
/// Each writer is deterministic (nodes and edges in table order) and its output reads back, through the
/// matching reader, to the same table — except that edge lists and CSV cannot hold isolated nodes, labels
/// or node kinds (GraphML holds everything). Weights are written in Swift's shortest round-trip spelling,
/// so they read back bit for bit.
public enum GenericGraphWriter {
    /// `u v [w]` lines after a `#` comment saying whether the graph is directed.
    ///
    /// - Throws: `GraphWriteError` for an id that an edge list cannot spell (empty, holding whitespace, or
    ///   starting with `#`).
    /// - Complexity: `O(n + m)`.
    public static func edgeList(_ table: GraphTable) throws(GraphWriteError) -> String {
        for id in table.nodeIDs where id.isEmpty || id.hasPrefix("#") || id.contains(where: \.isWhitespace) {
            throw GraphWriteError("node id '\(id)' cannot be written in an edge list (empty, whitespace or a leading '#'); write CSV or GraphML instead")
        }
        var out = "# \(table.isDirected ? "directed" : "undirected") edge list: source target\(table.weights == nil ? "" : " weight")\n"
        for e in 0 ..< table.edgeCount {
            out += table.nodeIDs[Int(table.sources[e])] + " " + table.nodeIDs[Int(table.targets[e])]
            if let weights = table.weights { out += " " + String(weights[e]) }
            out += "\n"
        }
        return out
    }

    /// RFC 4180 CSV with a `source,target[,weight][,kind]` header.
    /// - Complexity: `O(n + m)`.
    public static func csv(_ table: GraphTable) -> String {
        var headers = ["source", "target"]
        if table.weights != nil { headers.append("weight") }
        if table.edgeKinds != nil { headers.append("kind") }
        let rows = (0 ..< table.edgeCount).map { e -> [String] in
            var row = [table.nodeIDs[Int(table.sources[e])], table.nodeIDs[Int(table.targets[e])]]
            if let weights = table.weights { row.append(String(weights[e])) }
            if let kinds = table.edgeKinds { row.append(table.edgeKindNames[Int(kinds[e])]) }
            return row
        }
        return TextTable(headers: headers, rows: rows).csv
    }

    /// GraphML with `edgedefault`, node `label` and `kind` and edge `weight` and `kind` keys, as NetworkX
    /// writes them.
    /// - Complexity: `O(n + m)`.
    public static func graphML(_ table: GraphTable) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">

            """
        if table.nodeLabels != nil { out += "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n" }
        if table.nodeKinds != nil { out += "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n" }
        if table.weights != nil { out += "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n" }
        if table.edgeKinds != nil { out += "  <key id=\"edge_kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n" }
        out += "  <graph edgedefault=\"\(table.isDirected ? "directed" : "undirected")\">\n"
        for node in 0 ..< table.nodeCount {
            out += "    <node id=\"\(xml(table.nodeIDs[node]))\">"
            if let labels = table.nodeLabels { out += "<data key=\"label\">\(xml(labels[node]))</data>" }
            if let kind = table.kind(of: node) { out += "<data key=\"kind\">\(xml(kind))</data>" }
            out += "</node>\n"
        }
        for e in 0 ..< table.edgeCount {
            out += "    <edge source=\"\(xml(table.nodeIDs[Int(table.sources[e])]))\" target=\"\(xml(table.nodeIDs[Int(table.targets[e])]))\">"
            if let weights = table.weights { out += "<data key=\"weight\">\(String(weights[e]))</data>" }
            if let kinds = table.edgeKinds { out += "<data key=\"edge_kind\">\(xml(table.edgeKindNames[Int(kinds[e])]))</data>" }
            out += "</edge>\n"
        }
        return out + "  </graph>\n</graphml>\n"
    }

    /// The table in a generic format (DOT is drawn from an analysis by `DOTGraph`, not written here).
    public static func encode(_ table: GraphTable, as format: GenericGraphFormat) throws(GraphWriteError) -> String {
        switch format {
        case .edgelist: return try edgeList(table)
        case .csv: return csv(table)
        case .graphml: return graphML(table)
        case .dot: throw GraphWriteError("write DOT with `ecograph render -o FILE.dot` (DOTGraph), which draws kinds and styles")
        }
    }

    /// XML character data and attribute values: markup characters escaped; characters XML 1.0 cannot hold
    /// (most C0 controls) written as U+FFFD.
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
