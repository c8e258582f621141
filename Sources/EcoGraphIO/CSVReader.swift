import EcoGraphModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads edge tables in CSV: a header row naming the columns, then one edge per record.
///
/// What is accepted:
/// - The header names a `source` and a `target` column, and optionally `weight`, `kind`, `since` and `until`
///   (the edge's dates; a table with either column has `edgeLifetimes`) and `confidence` (a number in
///   [0, 1], `ConfidenceField`; empty is 1; the table then has `edgeConfidences`); names are matched
///   case-insensitively after trimming blanks, in any order; other columns are ignored (Gephi's `Id`, `Label`,
///   `Type`, ...). A column named twice is an error.
/// - RFC 4180 quoting: a field in double quotes may hold commas, line breaks and doubled quotes (`""` for
///   `"`). Outside quotes, a field is taken verbatim (blanks included), so ids are kept exactly as spelled.
/// - Ids are numbered in order of first appearance, the source before the target in each record whatever the
///   column order.
/// - UTF-8 with or without a byte order mark; CRLF or LF line ends (a CRLF inside quotes is kept).
/// - Blank lines are skipped. Every other record must have as many fields as the header.
/// - A weight is parsed as Swift's `Double(String)` parses it, after trimming blanks, and must be finite; an
///   empty weight field weighs 1 (NetworkX's default for a missing `weight`). An empty `kind` is the kind `""`.
/// - A date is read by `LifetimeFields` (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, blanks trimmed); an empty one is an
///   open end. A malformed date is reported at its field, an `until` not after `since` at the `until` field,
///   both naming the edge (`edge 'a' -> 'b'`), and the record is not read.
/// - Parallel edges and self-loops are kept as given.
///
/// Positions in diagnostics (`FILE:LINE:COLUMN`) count physical lines (a quoted field spanning lines moves
/// them on) and columns in Unicode scalars, 1-based, and name where the offending field starts (its opening
/// quote, if quoted; for invalid UTF-8, the first bad byte). Every problem in the file is collected (up to
/// `EdgeListReader.diagnosticLimit`) and thrown as one `GraphFileError`.
///
/// Limits (`limits`): an id longer than `idBytes`, more distinct ids than `nodes` or more records than
/// `edges` stops the read at once with that one error (`InputLimits.exceeded`). A file without a single record
/// is the error `empty graph: no nodes or edges`: at `FILE` when it is empty or blank, at the header's line
/// when it holds only a header.
///
/// - Complexity: `O(b)` time for a file of `b` bytes, one pass with ids interned by hashing their bytes (a
///   quoted field with doubled quotes is unescaped into a reused buffer); `O(b)` extra space for the bytes
///   plus `O(n + m)` for the table.
public struct CSVReader: Sendable {
    /// Whether the table's edges are directed (`source -> target` reads "source depends on target").
    public var isDirected: Bool
    /// How much the reader accepts (`InputLimits.default` unless told otherwise).
    public var limits: InputLimits

    /// A reader; `isDirected: false` reads each row as an undirected edge.
    public init(isDirected: Bool = true, limits: InputLimits = .default) {
        self.limits = limits
        self.isDirected = isDirected
    }

    /// Reads the CSV file at `path`. A file that cannot be read is reported as a `GraphFileError` too.
    public func read(path: String) throws(GraphFileError) -> GraphTable {
        let bytes = try InputFile.bytes(path, limits: limits)
        return try read(bytes: bytes, fileName: path)
    }

    /// Reads CSV text held in memory; `fileName` is the name used in diagnostics.
    public func read(string: String, fileName: String = "<string>") throws(GraphFileError) -> GraphTable {
        try read(bytes: Array(string.utf8), fileName: fileName)
    }

    /// Reads CSV from its bytes (UTF-8); `fileName` is the name used in diagnostics.
    public func read(bytes: [UInt8], fileName: String) throws(GraphFileError) -> GraphTable {
        if bytes.isEmpty { throw GraphFileError.emptyGraph(file: fileName) }
        let result: Result<GraphTable, GraphFileError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = CSVParser(buffer: buffer, fileName: fileName, isDirected: isDirected, limits: limits)
            return parser.run()
        }
        return try result.get()
    }
}

/// The columns a CSV header names.
private enum CSVColumn: Equatable {
    case source, target, weight, kind, date(LifetimeField), confidence, ignored

    init(header: String) {
        let name = header.trimmingBlanks().lowercased()
        switch name {
        case "source": self = .source
        case "target": self = .target
        case "weight": self = .weight
        case "kind": self = .kind
        case "since": self = .date(.since)
        case "until": self = .date(.until)
        case "confidence": self = .confidence
        default: self = .ignored
        }
    }

    /// The column's name as the header spells it (lowercase).
    var name: String {
        switch self {
        case .source: "source"
        case .target: "target"
        case .weight: "weight"
        case .kind: "kind"
        case .date(let field): field.rawValue
        case .confidence: "confidence"
        case .ignored: "ignored"
        }
    }
}

extension String {
    fileprivate func trimmingBlanks() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}

private struct CSVParser {
    let p: UnsafePointer<UInt8>
    let n: Int
    let fileName: String
    let isDirected: Bool
    let limits: InputLimits
    var i = 0
    var line = 1
    /// Where the current physical line starts, for columns.
    var lineStart = 0
    var problems: DiagnosticList
    /// Unescaped bytes of a quoted field with doubled quotes.
    var scratch: [UInt8] = []

    // The field just scanned.
    var fieldStart = 0
    var fieldEnd = 0
    var fieldUsesScratch = false
    var fieldLine = 1
    /// Where the field just scanned starts (its opening quote, if quoted), and where its line starts.
    var fieldOffset = 0
    var fieldLineStart = 0
    /// Whether the field just scanned ended its record (line feed or end of file).
    var endsRecord = false
    var fieldWasQuoted = false

    init(buffer: UnsafeBufferPointer<UInt8>, fileName: String, isDirected: Bool, limits: InputLimits) {
        p = buffer.baseAddress!  // the caller passes a non-empty buffer
        n = buffer.count
        self.fileName = fileName
        self.isDirected = isDirected
        self.limits = limits
        problems = DiagnosticList(file: fileName)
    }

    /// Scans one field starting at `i`, leaving `i` after its delimiter.
    mutating func scanField() {
        fieldLine = line
        fieldOffset = i
        fieldLineStart = lineStart
        fieldUsesScratch = false
        fieldWasQuoted = false
        if i < n, p[i] == 0x22 {  // '"'
            fieldWasQuoted = true
            i += 1
            fieldStart = i
            var closed = false
            while i < n {
                let c = p[i]
                if c == 0x22 {
                    if i + 1 < n, p[i + 1] == 0x22 {  // a doubled quote
                        if !fieldUsesScratch {
                            fieldUsesScratch = true
                            scratch.removeAll(keepingCapacity: true)
                            scratch.append(contentsOf: UnsafeBufferPointer(start: p + fieldStart, count: i - fieldStart))
                        }
                        scratch.append(0x22)
                        i += 2
                        continue
                    }
                    closed = true
                    break
                }
                if c == 0x0A { line += 1; lineStart = i + 1 }
                if fieldUsesScratch { scratch.append(c) }
                i += 1
            }
            fieldEnd = i
            if !closed {
                problems.add(fieldPosition, "quoted field is not closed before the end of the file")
                endsRecord = true
                return
            }
            i += 1  // the closing quote
            // After the closing quote: a comma, a line end, or the end of the file.
            if i >= n { endsRecord = true; return }
            if p[i] == 0x2C { i += 1; endsRecord = false; return }
            if p[i] == 0x0A { i += 1; line += 1; lineStart = i; endsRecord = true; return }
            if p[i] == 0x0D, i + 1 < n, p[i + 1] == 0x0A { i += 2; line += 1; lineStart = i; endsRecord = true; return }
            if p[i] == 0x0D, i + 1 == n { i += 1; endsRecord = true; return }
            let junkStart = i
            while i < n, p[i] != 0x2C, p[i] != 0x0A { i += 1 }
            var junkEnd = i
            if junkEnd > junkStart, p[junkEnd - 1] == 0x0D { junkEnd -= 1 }
            problems.add(position(p, line, lineStart, junkStart),
                         "unexpected '\(token(p, junkStart, junkEnd))' after the closing quote of a field")
            if i < n, p[i] == 0x0A { line += 1; i += 1; lineStart = i; endsRecord = true } else if i < n { i += 1; endsRecord = false } else { endsRecord = true }
            return
        }
        fieldStart = i
        while i < n {
            let c = p[i]
            if c == 0x2C || c == 0x0A { break }
            i += 1
        }
        fieldEnd = i
        if i < n, p[i] == 0x2C {
            i += 1
            endsRecord = false
        } else {
            if fieldEnd > fieldStart, p[fieldEnd - 1] == 0x0D { fieldEnd -= 1 }
            if i < n { i += 1; line += 1; lineStart = i }
            endsRecord = true
        }
    }

    /// Calls `body` with the bytes of the field just scanned.
    func withField<R>(_ body: (UnsafePointer<UInt8>, Int) -> R) -> R {
        if fieldUsesScratch {
            return scratch.withUnsafeBufferPointer { body($0.baseAddress ?? p, $0.count) }
        }
        return body(p + fieldStart, fieldEnd - fieldStart)
    }

    /// Where the field just scanned starts.
    var fieldPosition: FilePosition { position(p, fieldLine, fieldLineStart, fieldOffset) }

    /// The position of byte `offset` at or after the start of the field just scanned (which may span lines).
    func positionInField(_ offset: Int) -> FilePosition {
        var line = fieldLine, start = fieldLineStart
        var k = fieldOffset
        while k < offset {
            if p[k] == 0x0A { line += 1; start = k + 1 }
            k += 1
        }
        return position(p, line, start, offset)
    }

    /// Where the first byte of the field just scanned that is not UTF-8 is.
    var firstInvalidByteOfField: FilePosition {
        let start = fieldWasQuoted ? fieldOffset + 1 : fieldOffset
        return positionInField(firstInvalidUTF8(p, start, fieldEnd))
    }

    /// The byte count of the field just scanned.
    var fieldByteCount: Int { fieldUsesScratch ? scratch.count : fieldEnd - fieldStart }

    func fieldText() -> String {
        withField { q, count in token(q, 0, count) }
    }

    var fieldIsEmpty: Bool { fieldUsesScratch ? scratch.isEmpty : fieldEnd == fieldStart }

    /// Whether `i` is at a blank line (only blanks before a line feed or the end): skips it if so.
    mutating func skipBlankLine() -> Bool {
        var j = i
        while j < n, p[j] == 0x20 || p[j] == 0x09 || p[j] == 0x0D { j += 1 }
        if j >= n { i = n; return true }
        if p[j] == 0x0A { i = j + 1; line += 1; lineStart = i; return true }
        return false
    }

    mutating func run() -> Result<GraphTable, GraphFileError> {
        i = skipByteOrderMark(p, n)
        lineStart = i

        // The header.
        while i < n, skipBlankLine() {}
        if i >= n { return .failure(GraphFileError.emptyGraph(file: fileName)) }
        let headerPosition = position(p, line, lineStart, i)
        var columns: [CSVColumn] = []
        var headerNames: [String] = []
        var headerPositions: [FilePosition] = []
        repeat {
            scanField()
            if fieldByteCount > limits.valueBytes {
                return .failure(limits.exceeded(.valueBytes, file: fileName, position: fieldPosition,
                                                what: "the column name '\(fieldText())'"))
            }
            let name = withField { q, count in String(decoding: UnsafeBufferPointer(start: q, count: count), as: UTF8.self) }
            headerNames.append(name)
            headerPositions.append(fieldPosition)
            columns.append(CSVColumn(header: name))
        } while !endsRecord
        for column in [CSVColumn.source, .target, .weight, .kind, .date(.since), .date(.until), .confidence] {
            let hits = columns.indices.filter { columns[$0] == column }
            if hits.count > 1 {
                problems.add(headerPositions[hits[1]], "the header names the '\(column.name)' column \(hits.count) times: "
                             + hits.map { "'\(headerNames[$0])'" }.joined(separator: ", "))
            }
        }
        let listed = headerNames.map { "'\($0)'" }.joined(separator: ", ")
        if !columns.contains(.source) {
            problems.add(headerPosition, "the header names no 'source' column (columns: \(listed))")
        }
        if !columns.contains(.target) {
            problems.add(headerPosition, "the header names no 'target' column (columns: \(listed))")
        }
        if !problems.isEmpty { return .failure(problems.error!) }
        let hasWeights = columns.contains(.weight)
        let hasKinds = columns.contains(.kind)
        let hasDates = columns.contains(.date(.since)) || columns.contains(.date(.until))
        let hasConfidences = columns.contains(.confidence)

        // The records.
        let expected = countLineFeeds(p + i, n - i) + 1
        var nodes = ByteInterner(expectedCount: min(expected, 1 << 20))
        var kinds = ByteInterner(expectedCount: 16)
        var sources: [Int32] = []
        var targets: [Int32] = []
        var weights: [Double] = []
        var edgeKinds: [Int32] = []
        var lifetimes: [Lifetime] = []
        var confidences: [Double] = []
        sources.reserveCapacity(expected)
        targets.reserveCapacity(expected)
        if hasWeights { weights.reserveCapacity(expected) }
        if hasKinds { edgeKinds.reserveCapacity(expected) }
        if hasDates { lifetimes.reserveCapacity(expected) }
        if hasConfidences { confidences.reserveCapacity(expected) }

        // Ids are numbered source before target within a record, whatever the column order.
        let sourceFirst = columns.firstIndex(of: .source)! < columns.firstIndex(of: .target)!
        var pendingTarget: [UInt8] = []
        var hasPendingTarget = false
        // Where the pending target field is: its raw start, line and line start, and whether it was quoted.
        var pendingTargetPlace = (offset: 0, line: 0, lineStart: 0, end: 0, quoted: false)
        let maxID = limits.idBytes, maxNodes = limits.nodes, maxEdges = limits.edges
        while i < n {
            if skipBlankLine() { continue }
            let recordPosition = position(p, line, lineStart, i)
            var field = 0
            var u: Int32 = -1, v: Int32 = -1, kind: Int32 = 0
            var weight = 1.0
            var ok = true
            // The record's date and confidence fields, with where they start.
            var since: (text: String, position: FilePosition)?, until: (text: String, position: FilePosition)?
            var confidenceField: (text: String, position: FilePosition)?
            repeat {
                scanField()
                if field < columns.count {
                    switch columns[field] {
                    case .source, .target:
                        let isSource = columns[field] == .source
                        if fieldIsEmpty {
                            problems.add(fieldPosition, "empty \(isSource ? "source" : "target") id")
                        } else if fieldByteCount > maxID {
                            return .failure(limits.exceeded(.idBytes, file: fileName, position: fieldPosition,
                                                            what: "id '\(fieldText())'"))
                        } else if !isSource, !sourceFirst {
                            // Keep first-appearance order source before target: intern after the record.
                            pendingTarget.removeAll(keepingCapacity: true)
                            withField { q, count in pendingTarget.append(contentsOf: UnsafeBufferPointer(start: q, count: count)) }
                            pendingTargetPlace = (fieldOffset, fieldLine, fieldLineStart, fieldEnd, fieldWasQuoted)
                            hasPendingTarget = true
                        } else {
                            let index = withField { q, count in nodes.intern(q, count) }
                            if nodes.count > maxNodes {
                                return .failure(limits.exceeded(.nodes, file: fileName, position: fieldPosition,
                                                                what: "the number of nodes"))
                            }
                            if index < 0 {
                                problems.add(firstInvalidByteOfField, "id '\(fieldText())' is not valid UTF-8")
                            }
                            if isSource { u = index } else { v = index }
                        }
                    case .weight:
                        let parsed: Double?? = withField { q, count in
                            var start = 0, end = count
                            while start < end, q[start] == 0x20 || q[start] == 0x09 { start += 1 }
                            while end > start, q[end - 1] == 0x20 || q[end - 1] == 0x09 { end -= 1 }
                            if start == end { return .some(nil) }
                            return parseFiniteDouble(q + start, end - start).map { .some($0) }
                        }
                        switch parsed {
                        case .some(.some(let w)): weight = w
                        case .some(.none): weight = 1
                        case .none:
                            ok = false
                            problems.add(fieldPosition, "weight '\(fieldText())' is not a finite number")
                        }
                    case .kind:
                        if fieldByteCount > maxID {
                            return .failure(limits.exceeded(.idBytes, file: fileName, position: fieldPosition,
                                                            what: "kind '\(fieldText())'"))
                        }
                        kind = withField { q, count in kinds.intern(q, count) }
                        if kind < 0 {
                            ok = false
                            problems.add(firstInvalidByteOfField, "kind '\(fieldText())' is not valid UTF-8")
                        }
                    case .date(let which):
                        if fieldByteCount > limits.valueBytes {
                            return .failure(limits.exceeded(.valueBytes, file: fileName, position: fieldPosition,
                                                            what: "the \(which) '\(fieldText())'"))
                        }
                        if which == .since { since = (fieldText(), fieldPosition) } else { until = (fieldText(), fieldPosition) }
                    case .confidence:
                        if fieldByteCount > limits.valueBytes {
                            return .failure(limits.exceeded(.valueBytes, file: fileName, position: fieldPosition,
                                                            what: "the confidence '\(fieldText())'"))
                        }
                        confidenceField = (fieldText(), fieldPosition)
                    case .ignored:
                        break
                    }
                }
                field += 1
            } while !endsRecord
            if hasPendingTarget {
                hasPendingTarget = false
                v = pendingTarget.withUnsafeBufferPointer { nodes.intern($0.baseAddress!, $0.count) }
                let place = pendingTargetPlace
                if nodes.count > maxNodes {
                    return .failure(limits.exceeded(.nodes, file: fileName, position: position(p, place.line, place.lineStart, place.offset),
                                                    what: "the number of nodes"))
                }
                if v < 0 {
                    let text = pendingTarget.withUnsafeBufferPointer { token($0.baseAddress!, 0, $0.count) }
                    fieldOffset = place.offset; fieldLine = place.line; fieldLineStart = place.lineStart
                    fieldEnd = place.end; fieldWasQuoted = place.quoted
                    problems.add(firstInvalidByteOfField, "id '\(text)' is not valid UTF-8")
                }
            }
            if field != columns.count {
                ok = false
                problems.add(recordPosition, "expected \(columns.count) fields as in the header, found \(field)")
            }
            /// How a message names the record's edge (made only for a message).
            func owner() -> String {
                func id(_ index: Int32) -> String { index >= 0 ? nodes.ids[Int(index)] : "?" }
                return "edge '\(id(u))' \(isDirected ? "->" : "--") '\(id(v))'"
            }
            var lifetime = Lifetime()
            if hasDates {
                let read = LifetimeFields.read(since: since?.text, until: until?.text, owner: owner())
                for problem in read.problems {
                    ok = false
                    problems.add((problem.field == .since ? since : until)?.position ?? recordPosition, problem.message)
                }
                lifetime = read.lifetime
            }
            var confidence = 1.0
            if let field = confidenceField {
                switch ConfidenceField.read(field.text, owner: owner()) {
                case .success(let value): confidence = value ?? 1
                case .failure(let problem):
                    ok = false
                    problems.add(field.position, problem.message)
                }
            }
            if ok, u >= 0, v >= 0 {
                if sources.count >= maxEdges {
                    return .failure(limits.exceeded(.edges, file: fileName, position: recordPosition, what: "the number of edges"))
                }
                sources.append(u)
                targets.append(v)
                if hasWeights { weights.append(weight) }
                if hasKinds { edgeKinds.append(kind) }
                if hasDates { lifetimes.append(lifetime) }
                if hasConfidences { confidences.append(confidence) }
            }
        }
        if nodes.overflowed { problems.add(line: nil, "more than \(Int32.max - 1) distinct ids") }
        if let error = problems.error { return .failure(error) }
        if sources.isEmpty { return .failure(GraphFileError.emptyGraph(file: fileName, position: headerPosition)) }
        return .success(GraphTable(
            isDirected: isDirected, nodeIDs: nodes.ids, sources: sources, targets: targets,
            weights: hasWeights ? weights : nil,
            edgeKinds: hasKinds ? edgeKinds : nil, edgeKindNames: hasKinds ? kinds.ids : [],
            edgeLifetimes: hasDates ? lifetimes : nil, edgeConfidences: hasConfidences ? confidences : nil))
    }
}
