import CGraphviz
import EcoGraphIO
import EcoGraphModel
import Foundation

/// Reads Graphviz DOT into a `GraphTable` through Graphviz's own parser (cgraph's `agmemread`), in-process.
///
/// What is read:
/// - The first graph in the text: `digraph` reads as directed, `graph` as undirected (`agisdirected`).
///   `strict` graphs are merged by Graphviz as DOT defines (no parallel edges); otherwise parallel edges and
///   self-loops are kept. Edges inside subgraphs and clusters belong to the graph like any other.
/// - Node ids are Graphviz's node names (`agnameof`), as spelled (quoted or not, any UTF-8: `"北京"`,
///   `لاہور`), in order of first appearance; edges in the order the file gives them. Inside double quotes
///   cgraph removes the backslash of `\"` and a backslash-newline, and keeps everything else byte for byte
///   (`\\` stays two backslashes); `DOTGraph.exactText()` writes ids this way. Attribute values (`label`,
///   `kind`, `weight`) are read the same way, raw: a label `"a\nb"` reads as backslash, `n`.
/// - Edge `weight` (an empty value weighs 1, Graphviz's default), edge `kind`, node `label` (Graphviz's `\N`
///   placeholder or an empty label means "the id") and node `kind`, each through `agattr`/`agxget`, so
///   defaults set by `node [...]` / `edge [...]` statements apply. `weights`, `edgeKinds`, `nodeLabels`,
///   `nodeKinds` are `nil` when the file never declares the attribute.
/// - Node and edge `since` and `until` (`LifetimeFields`: `"2024-10"` must be quoted, since DOT reads a bare
///   `2024-10` as two numbers; an empty value is an open end), defaults included; `nodeLifetimes`
///   (`edgeLifetimes`) is `nil` when the file never declares either for nodes (edges). A malformed date or an
///   `until` not after `since` is reported naming the node or edge, and a `since` or `until` on a graph or
///   subgraph is refused (a table has nowhere to keep it); since cgraph keeps no positions, each is placed by
///   finding where the text sets it (`DOTAttributePlaces`), `FILE:LINE:COLUMN` when found, else `FILE:`.
/// - Node and edge `confidence` (`ConfidenceField`: a number in [0, 1]; empty is 1), defaults included;
///   `nodeConfidences` (`edgeConfidences`) is `nil` when the file never declares it for nodes (edges). A bad
///   value is reported and placed as a bad date is.
///
/// Before cgraph sees the text, one linear pass (`DOTScanner`, following cgraph's scanner) refuses, with
/// `InputLimits.exceeded` at the offending `LINE:COLUMN`:
/// - any token longer than `limits.idBytes`: an id, and also a quoted or HTML string used as a value, a bare
///   word or a comment line, because cgraph's flex scanner re-reads a token from its start for every 8 KB it
///   adds (a 1 MB token took 5 s in cgraph alone, 10 MB over 3 minutes);
/// - braces nested deeper than `limits.nestingDepth` (the graph's own braces are level 1);
/// - a node id beginning with `%`: cgraph reserves such names, forgets them at the end of the parse
///   (`aginternalmapclearlocalnames`) and names the node `%<number>` from a process-wide counter, so the id
///   cannot be kept; the file is refused naming the id rather than read with a changed id.
/// After parsing, more than `limits.nodes` nodes or `limits.edges` edges is refused.
///
/// Problems are reported together in one `GraphFileError`: a syntax error as `FILE:LINE:COLUMN: syntax error
/// near '...'` (Graphviz names a line, in its own count, which skips line feeds inside quoted strings, and a
/// token; the line is mapped back to the file's and the column found when that token occurs once on it,
/// otherwise `FILE:LINE:`; Graphviz's message goes into the error, never to stderr), a weight that is
/// not a finite number as `FILE: edge 'u' -> 'v': weight '...' is not a finite number` (cgraph keeps no source
/// positions for parsed objects, so that message has no line), and a file with no graph at all.
///
/// Every call into Graphviz runs inside `GraphvizGate` (Graphviz is not thread-safe); every graph opened is
/// closed with `agclose` before the call returns.
///
/// - Complexity: `O(b + n + m log m)` time for `b` bytes, `n` nodes and `m` edges (Graphviz's parse, then a
///   sort of the edges into file order); `O(n + m)` extra space besides Graphviz's own graph.
public struct DOTReader: Sendable {
    /// A reader.
    /// How much the reader accepts (`InputLimits.default` unless told otherwise).
    public var limits: InputLimits

    /// A reader within limits.
    public init(limits: InputLimits = .default) {
        self.limits = limits
    }

    /// Reads the DOT file at `path`. A file that cannot be read is reported as a `GraphFileError` too.
    public func read(path: String) throws(GraphFileError) -> GraphTable {
        try read(bytes: InputFile.bytes(path, limits: limits), fileName: path)
    }

    /// Reads DOT text held in memory; `fileName` is the name used in diagnostics.
    public func read(string: String, fileName: String = "<string>") throws(GraphFileError) -> GraphTable {
        try read(bytes: Array(string.utf8), fileName: fileName)
    }

    /// Reads DOT from its bytes (UTF-8); `fileName` is the name used in diagnostics.
    public func read(bytes: [UInt8], fileName: String) throws(GraphFileError) -> GraphTable {
        try prescan(bytes, fileName: fileName)
        var text = bytes
        text.append(0)  // agmemread reads a NUL-terminated string
        let (parsed, messages) = GraphvizGate.capturingMessages { () -> Result<GraphTable, GraphFileError>? in
            resetDOTScanner()
            agsetfile(nil)  // restart the scanner's line count; no file-name prefix in messages
            let graph = text.withUnsafeBufferPointer { buffer in
                agmemread(UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self))
            }
            guard let graph else { return nil }
            defer { agclose(graph) }
            return table(of: graph, fileName: fileName, bytes: bytes)
        }
        let errors = messages.filter(\.isError)
        if let parsed, errors.isEmpty {
            let table = try parsed.get()
            guard table.nodeCount > 0 else { throw GraphFileError.emptyGraph(file: fileName) }
            return table
        }
        var diagnostics: [Diagnostic] = []
        if case .failure(let error)? = parsed { diagnostics = error.diagnostics }
        // A failed parse: report what Graphviz said (warnings too, since they may explain the error).
        for message in parsed == nil ? messages : errors {
            diagnostics.append(Self.diagnostic(for: message, fileName: fileName, bytes: bytes))
        }
        if diagnostics.isEmpty {
            diagnostics = GraphFileError.emptyGraph(file: fileName).diagnostics
        }
        throw GraphFileError(diagnostics)
    }

    /// Turns `syntax error in line 3 near '->'` into `FILE:3:COLUMN: syntax error near '->'`.
    ///
    /// Graphviz names a line (its own count, which skips line feeds inside quoted strings) and the text of the
    /// token it stopped at, but no column. `bytes` are scanned again (`DOTScanner`) for the tokens on that line
    /// with that text: when exactly one matches, its line and column are given; when several do (`a -> ; b ->
    /// ;`), only the line, since the token cannot be told apart without parsing; `bytes: nil` keeps
    /// Graphviz's line.
    static func diagnostic(for message: GraphvizMessage, fileName: String, bytes: [UInt8]? = nil) -> Diagnostic {
        var text = message.text.trimmingCharacters(in: .whitespaces)
        if !message.isError { text = "warning: " + text }
        if let range = text.range(of: #" in line (\d+)"#, options: .regularExpression) {
            let digits = text[range].drop { !$0.isNumber }
            if let line = Int(digits) {
                text.removeSubrange(range)
                var position = FilePosition(line: line)
                if let bytes, let near = text.range(of: #" near '(.*)'$"#, options: .regularExpression) {
                    let token = String(text[near].dropFirst(7).dropLast())
                    position = locate(near: token, cgraphLine: line, in: bytes) ?? position
                }
                return Diagnostic(file: fileName, position: position, message: text)
            }
        }
        return Diagnostic(file: fileName, position: nil, message: text)
    }

    /// Where the token cgraph stopped at lies: see `diagnostic(for:fileName:bytes:)`.
    static func locate(near: String, cgraphLine: Int, in bytes: [UInt8]) -> FilePosition? {
        var scanner = DOTScanner(bytes)
        var matches: [DOTScanner.Token] = []
        var firstOnLine: DOTScanner.Token?
        while let token = scanner.next() {
            if token.cgraphLine < cgraphLine { continue }
            if token.cgraphLine > cgraphLine { break }
            if firstOnLine == nil { firstOnLine = token }
            if token.kind != .comment && scanner.nearText(token) == near { matches.append(token) }
        }
        if matches.count == 1 { return scanner.position(of: matches[0]) }
        if let first = matches.first, matches.allSatisfy({ $0.line == first.line }) { return FilePosition(line: first.line) }
        if let firstOnLine, firstOnLine.line == cgraphLine { return nil }
        return firstOnLine.map { FilePosition(line: $0.line) }
    }

    /// Refuses, before cgraph parses anything, what `DOTScanner` finds past the limits or renamed by cgraph:
    /// a token (id, quoted or HTML string, value, comment line) longer than `limits.idBytes`, braces nested
    /// deeper than `limits.nestingDepth` (the graph's own braces are the first level), and a node id beginning
    /// with `%`. One pass, `O(b)` time, `O(1)` space.
    func prescan(_ bytes: [UInt8], fileName: String) throws(GraphFileError) {
        var scanner = DOTScanner(bytes)
        var depth = 0
        var brackets = 0
        var previous: DOTScanner.Token?
        // A quoted or HTML string that may be a node id, until the next token tells (`=` makes it an attribute
        // name, `+` joins the next quoted string to it).
        var candidate: DOTScanner.Token?
        var candidateBytes = 0
        var candidatePercent = false
        var joining = false

        func shown(_ token: DOTScanner.Token) -> String {
            let from = token.kind == .quoted || token.kind == .html ? token.start + 1 : token.start
            let upTo = min(token.end, from + 40)
            var text = String(decoding: bytes[from ..< max(from, upTo)], as: UTF8.self)
            if token.kind == .quoted && text.hasSuffix("\"") && upTo == token.end { text.removeLast() }
            if token.kind == .html && text.hasSuffix(">") && upTo == token.end { text.removeLast() }
            return DOTGraph.printable(text) + (token.end - from > 40 ? "…" : "")
        }
        func percentError(_ token: DOTScanner.Token) -> GraphFileError {
            GraphFileError(file: fileName, position: scanner.position(of: token),
                           message: "node id '\(shown(token))' begins with '%', which Graphviz reserves for its own names "
                               + "and renames on reading; rename the node")
        }
        func isPunct(_ token: DOTScanner.Token?, _ c: UInt8) -> Bool {
            guard let token, token.kind == .punct else { return false }
            return bytes[token.start] == c
        }

        while let token = scanner.next() {
            if token.valueBytes > limits.idBytes {
                let what = switch token.kind {
                case .comment: "comment line"
                case .quoted: "quoted string \"\(shown(token))\""
                case .html: "HTML string <\(shown(token))>"
                default: "id '\(shown(token))'"
                }
                throw limits.exceeded(.idBytes, file: fileName, position: scanner.position(of: token),
                                      what: "\(what) (\(token.valueBytes) bytes)")
            }
            if token.kind == .comment { continue }
            defer { previous = token }
            if let pending = candidate {
                if joining && token.kind == .quoted {
                    if candidateBytes == 0 { candidatePercent = token.firstByte == 0x25 }
                    candidateBytes += token.valueBytes
                    joining = false
                    if candidateBytes > limits.idBytes {
                        throw limits.exceeded(.idBytes, file: fileName, position: scanner.position(of: pending),
                                              what: "id '\(shown(pending))' joined with '+' (\(candidateBytes) bytes)")
                    }
                    continue
                }
                if !joining && pending.kind == .quoted && isPunct(token, 0x2B) { joining = true; continue }
                candidate = nil
                joining = false
                if candidatePercent && !isPunct(token, 0x3D) { throw percentError(pending) }
            }
            if (token.kind == .quoted || token.kind == .html) && brackets == 0 && !isPunct(previous, 0x3D)
                && !isPunct(previous, 0x3A) && !(previous.map { scanner.isKeyword($0, "graph", "digraph", "subgraph") } ?? false) {
                candidate = token
                candidateBytes = token.valueBytes
                candidatePercent = token.firstByte == 0x25
            }
            if token.kind == .punct {
                switch bytes[token.start] {
                case 0x5B: brackets += 1
                case 0x5D: brackets = max(0, brackets - 1)
                case 0x7B:
                    depth += 1
                    if depth > limits.nestingDepth {
                        throw limits.exceeded(.nestingDepth, file: fileName, position: scanner.position(of: token),
                                              what: "subgraph nesting (\(depth) levels of '{')")
                    }
                case 0x7D: depth = max(0, depth - 1)
                default: break
                }
            }
        }
        if let pending = candidate, candidatePercent { throw percentError(pending) }
    }

    /// Walks a parsed graph (inside the gate) into a table.
    private func table(of graph: UnsafeMutablePointer<Agraph_t>, fileName: String, bytes: [UInt8]) -> Result<GraphTable, GraphFileError> {
        let isDirected = agisdirected(graph) != 0
        let nodeCount = Int(agnnodes(graph))
        if nodeCount > limits.nodes {
            return .failure(limits.exceeded(.nodes, file: fileName, what: "the graph's \(nodeCount) nodes"))
        }
        let edgeCount = Int(agnedges(graph))
        if edgeCount > limits.edges {
            return .failure(limits.exceeded(.edges, file: fileName, what: "the graph's \(edgeCount) edges"))
        }
        let labelSymbol = symbol(graph, kind: Int32(AGNODE), "label")
        let nodeKindSymbol = symbol(graph, kind: Int32(AGNODE), "kind")
        let weightSymbol = symbol(graph, kind: Int32(AGEDGE), "weight")
        let edgeKindSymbol = symbol(graph, kind: Int32(AGEDGE), "kind")
        let nodeDateSymbols = LifetimeField.allCases.map { symbol(graph, kind: Int32(AGNODE), $0.rawValue) }
        let edgeDateSymbols = LifetimeField.allCases.map { symbol(graph, kind: Int32(AGEDGE), $0.rawValue) }
        let nodesDated = nodeDateSymbols.contains { $0 != nil }
        let edgesDated = edgeDateSymbols.contains { $0 != nil }
        let nodeConfidenceSymbol = symbol(graph, kind: Int32(AGNODE), ConfidenceField.name)
        let edgeConfidenceSymbol = symbol(graph, kind: Int32(AGEDGE), ConfidenceField.name)
        // Where the file sets its dates and confidences, found only when one is wrong (cgraph keeps no positions).
        var placesFound: DOTAttributePlaces?
        func places() -> DOTAttributePlaces {
            if let placesFound { return placesFound }
            let found = DOTAttributePlaces(bytes, names: Set(LifetimeField.allCases.map(\.rawValue) + [ConfidenceField.name]), undirected: !isDirected)
            placesFound = found
            return found
        }
        var problems: [Diagnostic] = []
        // A table has no dates for a graph or a subgraph: a date there is refused, not dropped.
        for field in LifetimeField.allCases where symbol(graph, kind: Int32(AGRAPH), field.rawValue) != nil {
            problems.append(Diagnostic(file: fileName, position: places().graph(field.rawValue),
                                       message: LifetimeFields.misplaced(field, on: "a graph or subgraph")))
        }
        /// The lifetime an object's `since` and `until` give; its problems are placed by `place`.
        func lifetime<T>(_ object: UnsafeMutablePointer<T>, _ symbols: [UnsafeMutablePointer<Agsym_t>?], owner: String,
                         place: (LifetimeField, String) -> FilePosition?) -> Lifetime {
            let raw = symbols.map { $0.map { value(object, $0) } }
            let read = LifetimeFields.read(since: raw[0], until: raw[1], owner: owner)
            for problem in read.problems {
                let text = (problem.field == .since ? raw[0] : raw[1]) ?? ""
                problems.append(Diagnostic(file: fileName, position: place(problem.field, text), message: problem.message))
            }
            return read.lifetime
        }
        /// The confidence an object's `confidence` gives (empty: 1); a problem is placed by `place`.
        func confidence<T>(_ object: UnsafeMutablePointer<T>, _ symbol: UnsafeMutablePointer<Agsym_t>, owner: String,
                           place: (String) -> FilePosition?) -> Double {
            let raw = value(object, symbol)
            switch ConfidenceField.read(raw, owner: owner) {
            case .success(let value): return value ?? 1
            case .failure(let problem):
                problems.append(Diagnostic(file: fileName, position: place(raw), message: problem.message))
                return 1
            }
        }

        var index: [UnsafeMutablePointer<Agnode_t>: Int32] = [:]
        var nodeIDs: [String] = []
        var labels: [String] = []
        var anyLabel = false
        var nodeKindValues: [String] = []
        var nodeLifetimes: [Lifetime] = []
        var nodeConfidences: [Double] = []
        var node = agfstnode(graph)
        while let current = node {
            let id = String(cString: agnameof(current))
            if id.hasPrefix("%") {
                // `prescan` refuses such ids with their position; this catches any it could not place.
                return .failure(GraphFileError(file: fileName, position: nil,
                    message: "a node id begins with '%', which Graphviz reserves for its own names and renamed to '\(id)'; rename the node"))
            }
            index[current] = Int32(nodeIDs.count)
            nodeIDs.append(id)
            if let labelSymbol {
                let label = value(current, labelSymbol)
                if label.isEmpty || label == "\\N" {
                    labels.append(id)
                } else {
                    labels.append(label)
                    anyLabel = true
                }
            }
            if let nodeKindSymbol { nodeKindValues.append(value(current, nodeKindSymbol)) }
            if nodesDated {
                nodeLifetimes.append(lifetime(current, nodeDateSymbols, owner: "node '\(DOTGraph.printable(id))'") { field, text in
                    places().node(id, field.rawValue, value: text)
                })
            }
            if let nodeConfidenceSymbol {
                nodeConfidences.append(confidence(current, nodeConfidenceSymbol, owner: "node '\(DOTGraph.printable(id))'") { text in
                    places().node(id, ConfidenceField.name, value: text)
                })
            }
            node = agnxtnode(graph, current)
        }

        struct PendingEdge {
            var sequence: UInt32
            var tail: Int32
            var head: Int32
            var weight: Double
            var kind: String
            var lifetime: Lifetime
            var confidence: Double
        }
        var edges: [PendingEdge] = []
        // How many edges from a tail to a head had a date problem so far, to place the next one.
        var troubled: [[String]: Int] = [:]
        node = agfstnode(graph)
        while let tail = node {
            var edge = agfstout(graph, tail)
            while let current = edge {
                let head = current.pointee.node!
                var weight = 1.0
                if let weightSymbol {
                    let raw = value(current, weightSymbol).trimmingCharacters(in: .whitespaces)
                    if !raw.isEmpty {
                        if let parsed = Double(raw), parsed.isFinite {
                            weight = parsed
                        } else {
                            let arrow = isDirected ? "->" : "--"
                            problems.append(Diagnostic(
                                file: fileName, position: nil,
                                message: "edge '\(String(cString: agnameof(tail)))' \(arrow) "
                                    + "'\(String(cString: agnameof(head)))': weight '\(raw)' is not a finite number"))
                        }
                    }
                }
                var dates = Lifetime()
                var certainty = 1.0
                if edgesDated || edgeConfidenceSymbol != nil {
                    let (from, to) = (String(cString: agnameof(tail)), String(cString: agnameof(head)))
                    let owner = "edge '\(DOTGraph.printable(from))' \(isDirected ? "->" : "--") '\(DOTGraph.printable(to))'"
                    func place(_ name: String, _ text: String) -> FilePosition? {
                        let key = [from, to, name, text]
                        defer { troubled[key, default: 0] += 1 }
                        return places().edge(from, to, occurrence: troubled[key, default: 0], name, value: text)
                    }
                    if edgesDated {
                        dates = lifetime(current, edgeDateSymbols, owner: owner) { field, text in place(field.rawValue, text) }
                    }
                    if let edgeConfidenceSymbol {
                        certainty = confidence(current, edgeConfidenceSymbol, owner: owner) { text in place(ConfidenceField.name, text) }
                    }
                }
                edges.append(PendingEdge(
                    sequence: UInt32(current.pointee.base.tag.seq), tail: index[tail]!, head: index[head]!,
                    weight: weight, kind: edgeKindSymbol.map { value(current, $0) } ?? "", lifetime: dates, confidence: certainty))
                edge = agnxtout(graph, current)
            }
            node = agnxtnode(graph, tail)
        }
        if !problems.isEmpty { return .failure(GraphFileError(problems)) }
        edges.sort { $0.sequence < $1.sequence }

        var edgeKinds: [Int32]? = nil
        var edgeKindNames: [String] = []
        if edgeKindSymbol != nil { (edgeKinds, edgeKindNames) = intern(edges.map(\.kind)) }
        var nodeKinds: [Int32]? = nil
        var nodeKindNames: [String] = []
        if nodeKindSymbol != nil { (nodeKinds, nodeKindNames) = intern(nodeKindValues) }
        return .success(GraphTable(
            isDirected: isDirected, nodeIDs: nodeIDs, nodeLabels: anyLabel ? labels : nil,
            nodeKinds: nodeKinds, nodeKindNames: nodeKindNames,
            sources: edges.map(\.tail), targets: edges.map(\.head),
            weights: weightSymbol != nil ? edges.map(\.weight) : nil,
            edgeKinds: edgeKinds, edgeKindNames: edgeKindNames,
            nodeLifetimes: nodesDated ? nodeLifetimes : nil, edgeLifetimes: edgesDated ? edges.map(\.lifetime) : nil,
            nodeConfidences: nodeConfidenceSymbol != nil ? nodeConfidences : nil,
            edgeConfidences: edgeConfidenceSymbol != nil ? edges.map(\.confidence) : nil))
    }

    /// The attribute symbol `name` declared for `kind` objects of `graph`, or `nil` if the file never sets it.
    private func symbol(_ graph: UnsafeMutablePointer<Agraph_t>, kind: Int32, _ name: String) -> UnsafeMutablePointer<Agsym_t>? {
        var cName = Array(name.utf8CString)
        return cName.withUnsafeMutableBufferPointer { agattr(graph, kind, $0.baseAddress, nil) }
    }

    private func value<T>(_ object: UnsafeMutablePointer<T>, _ symbol: UnsafeMutablePointer<Agsym_t>) -> String {
        guard let raw = agxget(object, symbol) else { return "" }
        return String(cString: raw)
    }

    private func intern(_ values: [String]) -> ([Int32], [String]) {
        var codes: [String: Int32] = [:]
        var names: [String] = []
        let indices = values.map { value -> Int32 in
            if let code = codes[value] { return code }
            let code = Int32(names.count)
            codes[value] = code
            names.append(value)
            return code
        }
        return (indices, names)
    }
}

/// Cgraph's `aglexbad`, which discards what the DOT scanner has buffered; `nil` if this Graphviz lacks it.
///
/// Graphviz 2.42 flushes its scanner only after a failed parse. After a successful `agmemread` the scanner
/// keeps whatever followed the graph (a trailing line feed, a comment, a second graph) and serves it at the
/// start of the next read: line numbers then drift, and a second graph in one file would leak into the next
/// file read. The function is exported but not declared in the public headers, so it is looked up at run time.
private let aglexbadFunction: (@convention(c) () -> Void)? = {
    guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "aglexbad") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) () -> Void).self)
}()

/// Discards anything a previous parse left in the DOT scanner (call inside the gate, before parsing).
private func resetDOTScanner() {
    aglexbadFunction?()
}

/// Reads any generic graph file: DOT through `DOTReader`, edge lists, CSV and GraphML through
/// `EcoGraphIO.readGenericGraph`.
///
/// - Parameters:
///   - path: the file to read.
///   - format: the file's format; `nil` detects it from the extension (`GenericGraphFormat(path:)`).
///   - isDirected: for edge lists and CSV, whether edges are directed; GraphML and DOT state their own.
/// - Throws: `GraphFileError` listing every problem found.
/// - Complexity: that of the format's reader.
public func readAnyGenericGraph(
    path: String, format: GenericGraphFormat? = nil, isDirected: Bool = true
) throws(GraphFileError) -> GraphTable {
    try GenericGraphReaders.withGraphviz.read(path: path, format: format, isDirected: isDirected)
}

extension GenericGraphReaders {
    /// The standard readers and DOT, parsed by Graphviz's cgraph (`DOTReader`): every generic format.
    public static let withGraphviz = GenericGraphReaders.standard.adding(.dot) { path, _, limits throws(GraphFileError) in
        try DOTReader(limits: limits).read(path: path)
    }
}
