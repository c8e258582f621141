import EcoGraphModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads GraphML as NetworkX, igraph, Gephi and yEd write it.
///
/// What is read:
/// - One top-level `<graph>`; its `edgedefault` (`directed` or `undirected`) sets `isDirected`. A missing
///   `edgedefault` reads as undirected, as NetworkX's `read_graphml` does. An edge whose own `directed`
///   attribute disagrees with the graph is an error (a mixed graph), as in NetworkX.
/// - `<key id= for= attr.name= attr.type=>` declarations with an optional `<default>`, and `<data key=>` on
///   nodes and edges. Roles come from `attr.name` (case-insensitive):
///   - edge weight: `weight`, of any type whose values parse as a finite number (`int`, `long`, `float`,
///     `double`; a `string` key works if every value is numeric). Edges without a value take the key's
///     `<default>`, else 1 (NetworkX's default for a missing `weight`).
///   - edge kind: `kind`, else `type`; node kind: `kind`, else `type`. Nodes or edges without a value take the
///     key's `<default>`, else the kind `""`.
///   - node label: `label`, else `name`; without one, yEd's first `<y:NodeLabel>` inside the node's data
///     (`y:ShapeNode`, `y:GenericNode`, ...). A node without a label is labelled by its id.
///   - node and edge dates: `since` and `until`, of any type, read by `LifetimeFields` (`YYYY`, `YYYY-MM`,
///     `YYYY-MM-DD`; empty is an open end). Elements without a value take the key's `<default>`, else open.
///     `nodeLifetimes` (`edgeLifetimes`) is present exactly when the file declares a date key for nodes
///     (edges), as `GenericGraphWriter.graphML` does for a dated table.
///   - node and edge confidence: `confidence`, a number in [0, 1] (`ConfidenceField`); without a value, the
///     key's `<default>`, else 1. `nodeConfidences` (`edgeConfidences`) is present exactly when the file
///     declares the key for nodes (edges).
///   Keys with `for="all"` serve both nodes and edges; a key declared for nodes and one for edges may share a
///   name. `<data>` naming an undeclared key is ignored, as are graph-level data and ports (but a date there
///   is an error: a table has nowhere to keep it).
/// - Node ids are kept as spelled and numbered in order of first appearance, whether declared by `<node>`
///   or first named by an edge. The GraphML specification requires every edge endpoint to be declared as a
///   `<node>`; like NetworkX's reader (whose `add_edge` adds missing endpoints), this reader adds an
///   undeclared endpoint implicitly instead of rejecting the file.
/// - Parallel edges and self-loops are kept as given (NetworkX reads GraphML into a multigraph as well).
///
/// Problems reported, each as `FILE:LINE:COLUMN: message` at the start of the offending element, all of them
/// together in one `GraphFileError`: malformed XML (at the parser's position; parsing stops there), a
/// non-numeric weight (naming the edge), a non-numeric weight default, nested graphs inside a node or edge,
/// hyperedges, a second top-level graph, nodes without an id, a node id declared twice (naming the line of
/// the first), edges without a source or target, mixed directedness; a date that is malformed (at its
/// `<data>`, or at its key for a default), an `until` not after `since` (at the element's `until` data), and
/// a date on the `<graph>`, the `<graphml>` root or a `<port>` (at that `<data>`), a confidence that is not
/// a number in [0, 1] (at its `<data>` or key), each naming the node or edge. A file without a node (empty, blank,
/// or an empty `<graph>`) is the error `empty graph: no nodes or edges`.
///
/// Hostile input: entity declarations (`<!ENTITY` in a DOCTYPE) are refused before parsing, since GraphML needs
/// none and internal entities expand exponentially ("billion laughs"); external entities are never resolved.
/// Past a limit (`limits`: element nesting deeper than `nestingDepth`, an attribute value or a `<data>` or
/// `<default>` text longer than `valueBytes`, an id longer than `idBytes`, more nodes than `nodes` or edges
/// than `edges`) the parser is stopped at once and the read fails with that one error
/// (`InputLimits.exceeded`), so memory stays a small multiple of the file's size.
///
/// - Complexity: `O(b)` time for a file of `b` bytes (one SAX pass through libxml2), `O(n + m)` extra space
///   besides the file's bytes.
public struct GraphMLReader: Sendable {
    /// A reader.
    /// How much the reader accepts (`InputLimits.default` unless told otherwise).
    public var limits: InputLimits

    /// A reader within limits.
    public init(limits: InputLimits = .default) {
        self.limits = limits
    }

    /// Reads the GraphML file at `path`. A file that cannot be read is reported as a `GraphFileError` too.
    public func read(path: String) throws(GraphFileError) -> GraphTable {
        let bytes = try InputFile.bytes(path, limits: limits)
        return try read(bytes: bytes, fileName: path)
    }

    /// Reads GraphML text held in memory; `fileName` is the name used in diagnostics.
    public func read(string: String, fileName: String = "<string>") throws(GraphFileError) -> GraphTable {
        try read(bytes: Array(string.utf8), fileName: fileName)
    }

    /// Reads GraphML from its bytes; `fileName` is the name used in diagnostics.
    public func read(bytes: [UInt8], fileName: String) throws(GraphFileError) -> GraphTable {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        if start == bytes.count { throw GraphFileError.emptyGraph(file: fileName) }
        // FoundationXML traps on names that are not UTF-8 and crashes on a processing instruction without data:
        // both are refused before it sees the bytes.
        if let encoding = declaredEncoding(bytes), !["utf-8", "utf8"].contains(encoding.lowercased()) {
            throw GraphFileError(file: fileName, position: FilePosition(line: 1, column: 1), message:
                "the file declares the encoding '\(encoding)': GraphML is read as UTF-8 only (convert it, e.g. iconv -f \(encoding) -t UTF-8)")
        }
        if String(validating: bytes, as: UTF8.self) == nil { throw InputFile.notUTF8(bytes, file: fileName) }
        if let instruction = emptyProcessingInstruction(in: bytes) {
            throw GraphFileError(file: fileName, position: instruction, message:
                "a processing instruction without data (<?target?>): GraphML needs none")
        }
        if let entity = entityDeclaration(in: bytes) {
            throw GraphFileError(file: fileName, position: entity, message:
                "entity declarations (<!ENTITY) are not supported: GraphML needs none, and expanding them can exhaust memory")
        }
        let builder = GraphMLBuilder(fileName: fileName, bytes: bytes, limits: limits)
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = builder
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let parsed = parser.parse()
        if let error = builder.limitError { throw error }
        if !parsed, !builder.sawParseError {
            builder.reportParseError(parser.parserError, line: parser.lineNumber, column: parser.columnNumber)
        }
        return try builder.finish().get()
    }
}

/// The encoding an XML declaration at the start names (`<?xml version="1.0" encoding="X"?>`), if any.
private func declaredEncoding(_ bytes: [UInt8]) -> String? {
    var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
    guard bytes[start...].starts(with: Array("<?xml".utf8)), let end = bytes[start...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
    let declaration = String(decoding: bytes[start ..< end], as: UTF8.self)
    guard let key = declaration.range(of: "encoding") else { return nil }
    let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
    guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
    return String(rest.dropFirst().prefix { $0 != quote })
}

/// The position of the first processing instruction with a target but no data (`<?target?>`, `<?target ?>`),
/// which FoundationXML's parser passes on as a null pointer.
private func emptyProcessingInstruction(in bytes: [UInt8]) -> FilePosition? {
    var k = 0, line = 1, lineStart = 0
    while k + 1 < bytes.count {
        if bytes[k] == 0x0A { line += 1; lineStart = k + 1 }
        if bytes[k] == UInt8(ascii: "<"), bytes[k + 1] == UInt8(ascii: "?") {
            var j = k + 2
            while j < bytes.count, !isXMLSpace(bytes[j]), bytes[j] != UInt8(ascii: "?") { j += 1 }
            while j < bytes.count, isXMLSpace(bytes[j]) { j += 1 }
            if j + 1 < bytes.count, bytes[j] == UInt8(ascii: "?"), bytes[j + 1] == UInt8(ascii: ">") {
                return bytes.withUnsafeBufferPointer { position($0.baseAddress!, line, lineStart, k) }
            }
        }
        k += 1
    }
    return nil
}

private func isXMLSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

/// The position of the first `<!ENTITY` in a file that has a `<!DOCTYPE` (where alone entities are declared),
/// or `nil`.
private func entityDeclaration(in bytes: [UInt8]) -> FilePosition? {
    bytes.withUnsafeBufferPointer { buffer -> FilePosition? in
        guard let p = buffer.baseAddress else { return nil }
        func find(_ needle: String, from: Int) -> Int? {
            let pattern = Array(needle.utf8)
            var k = from
            while k + pattern.count <= buffer.count {
                guard let hit = memchr(p + k, 0x3C, buffer.count - k) else { return nil }  // '<'
                k = UnsafeRawPointer(hit) - UnsafeRawPointer(p)
                if k + pattern.count <= buffer.count,
                   memcmp(p + k, pattern, pattern.count) == 0 { return k }
                k += 1
            }
            return nil
        }
        guard let doctype = find("<!DOCTYPE", from: 0), let entity = find("<!ENTITY", from: doctype) else { return nil }
        var line = 1, lineStart = 0
        for k in 0 ..< entity where p[k] == 0x0A {
            line += 1
            lineStart = k + 1
        }
        return position(p, line, lineStart, entity)
    }
}

/// One `<key>` declaration.
private struct GraphMLKey {
    var id: String
    var domain: String  // node, edge, graph, all, ...
    var name: String  // attr.name, lowercased
    var type: String
    var defaultValue: String?
    var position: FilePosition

    func serves(_ element: String) -> Bool { domain == element || domain == "all" }
}

/// What a `<data>` element sets.
private enum GraphMLRole {
    case nodeLabel, nodeKind, edgeWeight, edgeKind, nodeDate(LifetimeField), edgeDate(LifetimeField), nodeConfidence, edgeConfidence, none
}

/// A raw value one node or edge gives, where it stands, and how messages name the element.
private struct GraphMLValue {
    var text: String
    var position: FilePosition
    var owner: String
}

/// Sets `array[index]`, growing the array with `nil` up to it.
private func store<T>(_ value: T, at index: Int, in array: inout [T?]) {
    if array.count <= index { array.append(contentsOf: repeatElement(nil, count: index + 1 - array.count)) }
    array[index] = value
}

/// The raw date fields one node or edge gives in its own `<data>`, with where each stands, read into a
/// lifetime (with the keys' defaults) when the file is done.
private struct GraphMLDates {
    /// How messages name the element: `node 'a'`, `edge 'e1' (a -> b)`.
    var owner: String
    var since: (text: String, position: FilePosition)?
    var until: (text: String, position: FilePosition)?
}

private final class GraphMLBuilder: NSObject, XMLParserDelegate {
    let fileName: String
    let bytes: [UInt8]
    let limits: InputLimits
    var problems: DiagnosticList
    var sawParseError = false
    /// The limit the file went past; the parser is stopped when it is set.
    var limitError: GraphFileError?
    /// How deep the element being read is (the root is 1).
    var depth = 0

    // Keys and the roles they play.
    var keys: [String: GraphMLKey] = [:]
    var keyOrder: [String] = []
    var rolesDirty = true
    var roles: [String: (node: GraphMLRole, edge: GraphMLRole)] = [:]
    var weightKey: GraphMLKey?
    var edgeKindKey: GraphMLKey?
    var nodeKindKey: GraphMLKey?
    /// The keys of the date fields, by element: `since`, `until` (attr.name, whatever the id).
    var nodeDateKeys: [LifetimeField: GraphMLKey] = [:]
    var edgeDateKeys: [LifetimeField: GraphMLKey] = [:]
    var nodeConfidenceKey: GraphMLKey?
    var edgeConfidenceKey: GraphMLKey?
    var currentKey: String?
    var inDefault = false
    var text = ""

    // Graph structure.
    var graphCount = 0
    var graphDepth = 0
    var isDirected = false
    /// Depth of elements being skipped (inside a nested graph or a hyperedge); 0 when reading.
    var skipDepth = 0

    var nodeIndex: [String: Int32] = [:]
    var nodeIDs: [String] = []
    var nodeLabels: [String?] = []
    var yedLabels: [String?] = []
    var nodeKindValues: [String?] = []
    /// The line of each node's `<node>` declaration; 0 for a node only named by an edge so far.
    var declaredLines: [Int] = []
    var sources: [Int32] = []
    var targets: [Int32] = []
    var edgeWeights: [Double?] = []
    var edgeKindValues: [String?] = []
    /// The date fields each node and edge gives, by index (grown only as far as the last element that gives
    /// one, so an undated file allocates nothing).
    var nodeDates: [GraphMLDates?] = []
    var edgeDates: [GraphMLDates?] = []
    /// The confidence each node and edge gives, with where it stands and how messages name the element.
    var nodeConfidenceTexts: [GraphMLValue?] = []
    var edgeConfidenceTexts: [GraphMLValue?] = []
    /// Keys whose malformed default was reported (a `for="all"` key serves both nodes and edges).
    var reportedDefaults: Set<String> = []

    // The element being read.
    var currentNode: Int32 = -1
    var currentEdge = -1
    var currentEdgeName = ""
    var dataRole: GraphMLRole = .none
    /// How deep inside a `<port>` of the current node the reader is (0: not in one).
    var portDepth = 0
    var dataPosition = FilePosition(line: 0)
    var inData = false
    var inYEdLabel = false
    var yedLabelText = ""

    /// Byte offsets where lines start, made on the first diagnostic.
    lazy var lineStarts: [Int] = {
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        return starts
    }()

    init(fileName: String, bytes: [UInt8], limits: InputLimits) {
        self.fileName = fileName
        self.bytes = bytes
        self.limits = limits
        problems = DiagnosticList(file: fileName)
    }

    // MARK: Positions

    /// libxml2 reports the position of a start tag's closing `>`; diagnostics name the tag's `<` instead.
    func tagStart(line: Int, column: Int) -> FilePosition {
        guard line >= 1, line <= lineStarts.count else { return FilePosition(line: max(line, 1), column: max(column, 1)) }
        // Walk `column - 1` characters into the line to reach the `>`.
        var offset = lineStarts[line - 1]
        var characters = 1
        while offset < bytes.count, characters < column {
            offset += 1
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            characters += 1
        }
        // Back to the `<` (which cannot occur inside an attribute value).
        while offset > 0, offset < bytes.count, bytes[offset] != 0x3C { offset -= 1 }
        if offset >= bytes.count || bytes[offset] != 0x3C { return FilePosition(line: line, column: max(column, 1)) }
        // The line and the column (in characters, 1-based) of that offset.
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        var col = 1
        var k = lineStarts[lo]
        while k < offset {
            if bytes[k] & 0xC0 != 0x80 { col += 1 }
            k += 1
        }
        // Continuation bytes of the character before `<` were skipped; col counts characters before `<` + 1.
        return FilePosition(line: lo + 1, column: col)
    }

    func here(_ parser: XMLParser) -> FilePosition {
        tagStart(line: parser.lineNumber, column: parser.columnNumber)
    }

    func report(_ position: FilePosition, _ message: String) {
        problems.add(line: position.line, column: position.column, message)
    }

    /// Stops the parser with a limit's error.
    func stop(_ parser: XMLParser, _ limit: InputLimits.Limit, at position: FilePosition, what: String) {
        if limitError == nil {
            limitError = limits.exceeded(limit, file: fileName, position: position, what: what)
        }
        parser.abortParsing()
    }

    /// A value for a message: at most 80 characters.
    func shortened(_ text: String) -> String {
        text.count > 80 ? String(text.prefix(80)) + "…" : text
    }

    func reportParseError(_ error: Error?, line: Int, column: Int) {
        sawParseError = true
        var message = "malformed XML"
        if let error = error as NSError?, let code = XMLParser.ErrorCode(rawValue: error.code) {
            message += ": " + describe(code)
        }
        problems.add(line: max(line, 1), column: max(column, 0), message)
    }

    /// `tagNameMismatchError` → `tag name mismatch`.
    func describe(_ code: XMLParser.ErrorCode) -> String {
        var name = String(describing: code)
        if name.hasSuffix("Error") { name.removeLast(5) }
        var words = ""
        for character in name {
            if character.isUppercase {
                words += " " + character.lowercased()
            } else {
                words.append(character)
            }
        }
        return words
    }

    // MARK: Nodes, edges, roles

    /// The index of node `id`, adding it if new; `nil` (and the parser stopped) past the node limit.
    func node(_ id: String, _ parser: XMLParser) -> Int32? {
        if let index = nodeIndex[id] { return index }
        if nodeIDs.count >= limits.nodes {
            stop(parser, .nodes, at: here(parser), what: "the number of nodes")
            return nil
        }
        let index = Int32(nodeIDs.count)
        declaredLines.append(0)
        nodeIndex[id] = index
        nodeIDs.append(id)
        nodeLabels.append(nil)
        yedLabels.append(nil)
        nodeKindValues.append(nil)
        return index
    }

    func resolveRoles() {
        guard rolesDirty else { return }
        rolesDirty = false
        roles = [:]
        func pick(_ element: String, _ names: [String]) -> GraphMLKey? {
            for name in names {
                // A key declared for the element itself wins over one for "all".
                let matching = keyOrder.compactMap { keys[$0] }.filter { $0.name == name && $0.serves(element) }
                if let key = matching.first(where: { $0.domain == element }) ?? matching.first { return key }
            }
            return nil
        }
        weightKey = pick("edge", ["weight"])
        edgeKindKey = pick("edge", ["kind", "type"])
        nodeKindKey = pick("node", ["kind", "type"])
        let labelKey = pick("node", ["label", "name"])
        nodeDateKeys = [:]
        edgeDateKeys = [:]
        for field in LifetimeField.allCases {
            nodeDateKeys[field] = pick("node", [field.rawValue])
            edgeDateKeys[field] = pick("edge", [field.rawValue])
        }
        nodeConfidenceKey = pick("node", [ConfidenceField.name])
        edgeConfidenceKey = pick("edge", [ConfidenceField.name])
        func set(_ key: GraphMLKey?, node: GraphMLRole? = nil, edge: GraphMLRole? = nil) {
            guard let key else { return }
            var entry = roles[key.id] ?? (GraphMLRole.none, GraphMLRole.none)
            if let node { entry.node = node }
            if let edge { entry.edge = edge }
            roles[key.id] = entry
        }
        set(weightKey, edge: .edgeWeight)
        set(edgeKindKey, edge: .edgeKind)
        set(nodeKindKey, node: .nodeKind)
        set(labelKey, node: .nodeLabel)
        for field in LifetimeField.allCases {
            set(nodeDateKeys[field], node: .nodeDate(field))
            set(edgeDateKeys[field], edge: .edgeDate(field))
        }
        set(nodeConfidenceKey, node: .nodeConfidence)
        set(edgeConfidenceKey, edge: .edgeConfidence)
    }

    // MARK: XMLParserDelegate

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        if limitError != nil { return }
        depth += 1
        if depth > limits.nestingDepth {
            stop(parser, .nestingDepth, at: here(parser), what: "the XML nesting")
            return
        }
        for (attribute, value) in attributes where value.utf8.count > limits.valueBytes {
            stop(parser, .valueBytes, at: here(parser), what: "the value of attribute '\(shortened(attribute))'")
            return
        }
        let name = localName(elementName)
        if name == "node" || name == "edge", skipDepth == 0, !inData {
            for attribute in ["id", "source", "target"] {
                if let value = attributes[attribute], value.utf8.count > limits.idBytes {
                    stop(parser, .idBytes, at: here(parser), what: "the \(name) \(attribute) '\(shortened(value))'")
                    return
                }
            }
        }
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        if inData {
            if name == "NodeLabel", currentNode >= 0, yedLabels[Int(currentNode)] == nil, !inYEdLabel {
                inYEdLabel = true
                yedLabelText = ""
            }
            return
        }
        switch name {
        case "key":
            let id = attributes["id"] ?? ""
            let key = GraphMLKey(
                id: id, domain: attributes["for"] ?? "all", name: (attributes["attr.name"] ?? "").lowercased(),
                type: attributes["attr.type"] ?? "string", defaultValue: nil, position: here(parser))
            if keys[id] == nil { keyOrder.append(id) }
            keys[id] = key
            currentKey = id
            rolesDirty = true
        case "default":
            if currentKey != nil {
                inDefault = true
                text = ""
            }
        case "graph":
            if currentNode >= 0 || currentEdge >= 0 {
                let owner = currentNode >= 0 ? "node '\(nodeIDs[Int(currentNode)])'" : currentEdgeName
                report(here(parser), "nested graphs are not supported (a <graph> inside \(owner))")
                skipDepth = 1
                return
            }
            if graphDepth > 0 {
                report(here(parser), "nested graphs are not supported")
                skipDepth = 1
                return
            }
            graphCount += 1
            if graphCount > 1 {
                report(here(parser), "only one <graph> per file is supported; this is graph \(graphCount)")
                skipDepth = 1
                return
            }
            graphDepth = 1
            isDirected = attributes["edgedefault"] == "directed"
            resolveRoles()
        case "node":
            guard graphDepth > 0 else { return }
            guard let id = attributes["id"] else {
                report(here(parser), "<node> without an id")
                skipDepth = 1
                return
            }
            let position = here(parser)
            guard let index = node(id, parser) else { return }
            if declaredLines[Int(index)] != 0 {
                report(position, "duplicate node id '\(shortened(id))' (first at line \(declaredLines[Int(index)]))")
                skipDepth = 1
                return
            }
            declaredLines[Int(index)] = position.line
            currentNode = index
        case "edge":
            guard graphDepth > 0 else { return }
            let position = here(parser)
            let label = attributes["id"].map { "edge '\($0)'" } ?? "edge"
            guard let source = attributes["source"], let target = attributes["target"] else {
                let missing = attributes["source"] == nil ? "source" : "target"
                report(position, "\(label) has no \(missing)")
                skipDepth = 1
                return
            }
            currentEdgeName = "\(label) (\(source) \(isDirected ? "->" : "--") \(target))"
            if let directed = attributes["directed"] {
                if isDirected, directed == "false" {
                    report(position, "\(currentEdgeName) is directed=\"false\" in a directed graph; mixed graphs are not supported")
                } else if !isDirected, directed == "true" {
                    report(position, "\(currentEdgeName) is directed=\"true\" in an undirected graph; mixed graphs are not supported")
                }
            }
            if sources.count >= limits.edges {
                stop(parser, .edges, at: position, what: "the number of edges")
                return
            }
            guard let u = node(source, parser), let v = node(target, parser) else { return }
            sources.append(u)
            targets.append(v)
            edgeWeights.append(nil)
            edgeKindValues.append(nil)
            currentEdge = sources.count - 1
        case "hyperedge":
            report(here(parser), "hyperedges are not supported")
            skipDepth = 1
        case "port":
            if currentNode >= 0 { portDepth += 1 }
        case "data":
            resolveRoles()
            let key = attributes["key"] ?? ""
            let role = roles[key]
            if (currentNode < 0 && currentEdge < 0) || portDepth > 0,
               let field = keys[key].flatMap({ LifetimeField(name: $0.name) }) {
                // A table keeps dates for nodes and edges only: a date anywhere else is refused, not dropped.
                let element = portDepth > 0 ? "a <port> of node '\(shortened(nodeIDs[Int(currentNode)]))'"
                    : graphDepth > 0 ? "the <graph> element" : "the <graphml> element"
                report(here(parser), LifetimeFields.misplaced(field, on: element))
            }
            if portDepth > 0 {
                dataRole = .none
            } else if currentNode >= 0 {
                dataRole = role?.node ?? .none
            } else if currentEdge >= 0 {
                dataRole = role?.edge ?? .none
            } else {
                dataRole = .none
            }
            inData = true
            dataPosition = here(parser)
            text = ""
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if limitError != nil { return }
        depth -= 1
        let name = localName(elementName)
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        if inData, name != "data" {
            if name == "NodeLabel", inYEdLabel {
                inYEdLabel = false
                if currentNode >= 0 { yedLabels[Int(currentNode)] = yedLabelText }
            }
            return
        }
        switch name {
        case "key":
            currentKey = nil
        case "default":
            if inDefault, let id = currentKey {
                keys[id]?.defaultValue = text
                rolesDirty = true
            }
            inDefault = false
        case "graph":
            graphDepth = 0
        case "node":
            currentNode = -1
            portDepth = 0
        case "port":
            if portDepth > 0 { portDepth -= 1 }
        case "edge":
            currentEdge = -1
        case "data":
            inData = false
            applyData()
        default:
            break
        }
    }

    func applyData() {
        switch dataRole {
        case .none:
            break
        case .nodeLabel:
            nodeLabels[Int(currentNode)] = text
        case .nodeKind:
            nodeKindValues[Int(currentNode)] = text
        case .edgeKind:
            edgeKindValues[currentEdge] = text
        case .nodeDate(let field):
            let node = Int(currentNode)
            var dates = (node < nodeDates.count ? nodeDates[node] : nil) ?? GraphMLDates(owner: "node '\(shortened(nodeIDs[node]))'")
            if field == .since { dates.since = (text, dataPosition) } else { dates.until = (text, dataPosition) }
            store(dates, at: node, in: &nodeDates)
        case .edgeDate(let field):
            var dates = (currentEdge < edgeDates.count ? edgeDates[currentEdge] : nil) ?? GraphMLDates(owner: currentEdgeName)
            if field == .since { dates.since = (text, dataPosition) } else { dates.until = (text, dataPosition) }
            store(dates, at: currentEdge, in: &edgeDates)
        case .nodeConfidence:
            store(GraphMLValue(text: text, position: dataPosition, owner: "node '\(shortened(nodeIDs[Int(currentNode)]))'"),
                  at: Int(currentNode), in: &nodeConfidenceTexts)
        case .edgeConfidence:
            store(GraphMLValue(text: text, position: dataPosition, owner: currentEdgeName), at: currentEdge, in: &edgeConfidenceTexts)
        case .edgeWeight:
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if let weight = Double(trimmed), weight.isFinite {
                edgeWeights[currentEdge] = weight
            } else {
                report(dataPosition, "\(currentEdgeName): weight '\(trimmed)' is not a finite number")
                edgeWeights[currentEdge] = 1
            }
        }
        dataRole = .none
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        append(string, parser)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        append(String(decoding: CDATABlock, as: UTF8.self), parser)
    }

    /// Adds text to the value being read, within `limits.valueBytes`.
    func append(_ string: String, _ parser: XMLParser) {
        if limitError != nil { return }
        if inYEdLabel {
            yedLabelText += string
            if yedLabelText.utf8.count > limits.valueBytes {
                stop(parser, .valueBytes, at: dataPosition, what: "the text of this <data> element")
            }
        } else if inData || inDefault {
            text += string
            if text.utf8.count > limits.valueBytes {
                stop(parser, .valueBytes, at: inData ? dataPosition : here(parser),
                     what: "the text of this <\(inData ? "data" : "default")> element")
            }
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        guard !sawParseError, limitError == nil else { return }
        reportParseError(parseError, line: parser.lineNumber, column: parser.columnNumber)
    }

    func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    // MARK: The table

    func finish() -> Result<GraphTable, GraphFileError> {
        resolveRoles()
        if graphCount == 0, !sawParseError {
            problems.add(line: nil, "no <graph> element")
        }
        // Defaults.
        var defaultWeight = 1.0
        if let key = weightKey, let raw = key.defaultValue {
            let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if let value = Double(trimmed), value.isFinite {
                defaultWeight = value
            } else {
                report(key.position, "the default weight '\(trimmed)' of key '\(key.id)' is not a finite number")
            }
        }
        let nodeLifetimes = lifetimes(count: nodeIDs.count, keys: nodeDateKeys, given: nodeDates)
        let edgeLifetimes = lifetimes(count: sources.count, keys: edgeDateKeys, given: edgeDates)
        let nodeConfidences = confidences(count: nodeIDs.count, key: nodeConfidenceKey, given: nodeConfidenceTexts)
        let edgeConfidences = confidences(count: sources.count, key: edgeConfidenceKey, given: edgeConfidenceTexts)
        if let error = problems.error { return .failure(error) }
        if nodeIDs.isEmpty { return .failure(GraphFileError.emptyGraph(file: fileName)) }

        let hasWeights = edgeWeights.contains { $0 != nil } || (weightKey?.defaultValue != nil && !sources.isEmpty)
        let weights = hasWeights ? edgeWeights.map { $0 ?? defaultWeight } : nil

        var edgeKinds: [Int32]? = nil
        var edgeKindNames: [String] = []
        if edgeKindValues.contains(where: { $0 != nil }) || (edgeKindKey?.defaultValue != nil && !sources.isEmpty) {
            let fallback = edgeKindKey?.defaultValue ?? ""
            (edgeKinds, edgeKindNames) = intern(edgeKindValues.map { $0 ?? fallback })
        }
        var nodeKinds: [Int32]? = nil
        var nodeKindNames: [String] = []
        if nodeKindValues.contains(where: { $0 != nil }) || (nodeKindKey?.defaultValue != nil && !nodeIDs.isEmpty) {
            let fallback = nodeKindKey?.defaultValue ?? ""
            (nodeKinds, nodeKindNames) = intern(nodeKindValues.map { $0 ?? fallback })
        }
        var labels: [String]? = nil
        if nodeLabels.contains(where: { $0 != nil }) || yedLabels.contains(where: { $0 != nil }) {
            labels = nodeIDs.indices.map { nodeLabels[$0] ?? yedLabels[$0] ?? nodeIDs[$0] }
        }
        return .success(GraphTable(
            isDirected: isDirected, nodeIDs: nodeIDs, nodeLabels: labels,
            nodeKinds: nodeKinds, nodeKindNames: nodeKindNames,
            sources: sources, targets: targets, weights: weights,
            edgeKinds: edgeKinds, edgeKindNames: edgeKindNames,
            nodeLifetimes: nodeLifetimes, edgeLifetimes: edgeLifetimes,
            nodeConfidences: nodeConfidences, edgeConfidences: edgeConfidences))
    }

    /// The confidences of `count` nodes or edges, or `nil` when the file declares no `confidence` key for
    /// them: each element's own value, else the key's `<default>`, else 1. Reports a bad default at its key
    /// (once) and a bad value at its `<data>`.
    func confidences(count: Int, key: GraphMLKey?, given: [GraphMLValue?]) -> [Double]? {
        guard let key else { return nil }
        var fallback = 1.0
        if let raw = key.defaultValue {
            switch ConfidenceField.read(raw, owner: "the default of key '\(shortened(key.id))'") {
            case .success(let value): fallback = value ?? 1
            case .failure(let problem):
                if reportedDefaults.insert(key.id).inserted { report(key.position, problem.message) }
            }
        }
        var result = [Double](repeating: fallback, count: count)
        for (element, value) in given.enumerated() {
            guard let value else { continue }
            switch ConfidenceField.read(value.text, owner: value.owner) {
            case .success(let confidence): result[element] = confidence ?? fallback
            case .failure(let problem): report(value.position, problem.message)
            }
        }
        return result
    }

    /// The lifetimes of `count` nodes or edges, or `nil` when the file declares no date key for them: each
    /// element's own `since`/`until`, else the key's `<default>`, else open. Reports a malformed default at
    /// its key, a malformed date at its `<data>`, and an `until` not after `since` at the element's own
    /// `until` (or `since`) data; an element with no date of its own takes the defaults, checked once.
    func lifetimes(count: Int, keys: [LifetimeField: GraphMLKey], given: [GraphMLDates?]) -> [Lifetime]? {
        guard !keys.isEmpty else { return nil }
        var defaults: [LifetimeField: String] = [:]
        for field in LifetimeField.allCases {
            guard let key = keys[field], let raw = key.defaultValue else { continue }
            if LifetimeFields.date(raw) != nil {
                defaults[field] = raw
            } else if reportedDefaults.insert(key.id).inserted {
                let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                report(key.position, LifetimeFields.notADate(owner: "the default of key '\(shortened(key.id))'", field: field, value: value))
            }
        }
        let fallback = LifetimeFields.read(since: defaults[.since], until: defaults[.until], owner: "the defaults of the date keys")
        if let key = keys[.until], !fallback.problems.isEmpty, reportedDefaults.insert(key.id + "\0pair").inserted {
            for problem in fallback.problems { report(key.position, problem.message) }
        }
        var result = [Lifetime](repeating: fallback.lifetime, count: count)
        for (element, dates) in given.enumerated() {
            guard let dates else { continue }
            let read = LifetimeFields.read(since: dates.since?.text ?? defaults[.since], until: dates.until?.text ?? defaults[.until], owner: dates.owner)
            for problem in read.problems {
                let own = problem.field == .since ? dates.since?.position : dates.until?.position
                report(own ?? dates.since?.position ?? dates.until?.position ?? FilePosition(line: 1), problem.message)
            }
            result[element] = read.lifetime
        }
        return result
    }

    func intern(_ values: [String]) -> ([Int32], [String]) {
        var index: [String: Int32] = [:]
        var names: [String] = []
        let codes = values.map { value -> Int32 in
            if let code = index[value] { return code }
            let code = Int32(names.count)
            index[value] = code
            names.append(value)
            return code
        }
        return (codes, names)
    }
}
