import EcoGraphModel

#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Reads whitespace-separated edge lists: one edge per line, `source target [weight]`.
///
/// What is accepted:
/// - Fields are separated by runs of ASCII spaces and tabs (a `\r` before the line feed is ignored, so CRLF
///   files read like LF ones). A UTF-8 byte order mark at the start of the file is skipped.
/// - Ids are kept byte for byte as the file spells them (any non-blank UTF-8 run: `C#`, `北京`, `"x"` with its
///   quotes), and numbered in order of first appearance.
/// - A third field is the edge weight, parsed as Swift's `Double(String)` parses it (decimal or hexadecimal,
///   optional exponent); it must be finite. When some lines give a weight and others do not, the others weigh 1
///   (NetworkX's default for a missing `weight`), matching `CSRGraphBuilder`. When no line gives one,
///   `weights` is `nil`.
/// - `#` at the start of a field starts a comment running to the end of the line, so whole-line and trailing
///   comments work. Unlike NetworkX's `read_edgelist`, a `#` inside an id (`C#`, `a#1`) is part of the id.
/// - Blank lines are skipped. Parallel edges and self-loops are kept as given.
///
/// Every malformed line (one field only, more than three fields, a weight that is not a finite number, an id
/// that is not valid UTF-8) is reported as `FILE:LINE:COLUMN: message` naming the offending token (the column,
/// 1-based in Unicode scalars, is where the token starts; for invalid UTF-8, the first bad byte); all of them
/// are collected (up to ``diagnosticLimit``) and thrown together as one `GraphFileError`.
///
/// Limits (`limits`): an id longer than `idBytes`, more distinct ids than `nodes` or more edges than `edges`
/// stops the read at once with that one error (`InputLimits.exceeded`). A file without a single edge (empty,
/// or only comments and blank lines) is the error `FILE: empty graph: no nodes or edges`.
///
/// - Complexity: `O(b)` time for a file of `b` bytes (one pass over the bytes; ids are interned by hashing
///   the byte slice, and a `String` is made only for a new id) and `O(b)` extra space for the file's bytes,
///   plus `O(n + m)` for the table.
public struct EdgeListReader: Sendable {
    /// Whether the table's edges are directed (`u v` reads "u depends on v"); `false` reads them undirected.
    public var isDirected: Bool
    /// How much the reader accepts (`InputLimits.default` unless told otherwise).
    public var limits: InputLimits

    /// The most problems reported for one file; past it, one last line says how many more were found.
    public static let diagnosticLimit = 1000

    /// A reader; `isDirected: false` reads each line as an undirected edge.
    public init(isDirected: Bool = true, limits: InputLimits = .default) {
        self.limits = limits
        self.isDirected = isDirected
    }

    /// Reads the edge list at `path`. A file that cannot be read is reported as a `GraphFileError` too.
    public func read(path: String) throws(GraphFileError) -> GraphTable {
        let bytes = try InputFile.bytes(path, limits: limits)
        return try read(bytes: bytes, fileName: path)
    }

    /// Reads an edge list held in memory; `fileName` is the name used in diagnostics.
    public func read(string: String, fileName: String = "<string>") throws(GraphFileError) -> GraphTable {
        try read(bytes: Array(string.utf8), fileName: fileName)
    }

    /// Reads an edge list from its bytes (UTF-8); `fileName` is the name used in diagnostics.
    public func read(bytes: [UInt8], fileName: String) throws(GraphFileError) -> GraphTable {
        let result: Result<GraphTable, GraphFileError> = bytes.withUnsafeBufferPointer { buffer in
            parse(buffer, fileName: fileName)
        }
        return try result.get()
    }

    private func parse(_ buffer: UnsafeBufferPointer<UInt8>, fileName: String) -> Result<GraphTable, GraphFileError> {
        var problems = DiagnosticList(file: fileName, limit: Self.diagnosticLimit)
        guard let p = buffer.baseAddress, buffer.count > 0 else {
            return .failure(GraphFileError.emptyGraph(file: fileName))
        }
        let n = buffer.count
        let expectedLines = countLineFeeds(p, n) + 1
        var interner = ByteInterner(expectedCount: min(expectedLines, 1 << 20))
        var sources: [Int32] = []
        var targets: [Int32] = []
        sources.reserveCapacity(expectedLines)
        targets.reserveCapacity(expectedLines)
        var weights: [Double] = []
        var hasWeights = false
        let maxID = limits.idBytes, maxNodes = limits.nodes, maxEdges = limits.edges

        var i = skipByteOrderMark(p, n)
        var line = 1
        // Where the current line starts (after the byte order mark on line 1), for columns.
        var lineStart = i
        // Field ranges of the current line: the first three, and where a fourth begins.
        var s0 = 0, e0 = 0, s1 = 0, e1 = 0, s2 = 0, e2 = 0, s3 = 0, e3 = 0
        while i < n {
            lineStart = i
            var fields = 0
            scan: while true {
                while i < n, isBlank(p[i]) { i += 1 }
                if i >= n || p[i] == 0x0A { break scan }
                if p[i] == 0x23 {  // '#': a comment to the end of the line
                    i = findLineFeed(p, from: i, n)
                    break scan
                }
                let start = i
                while i < n, !isSeparator(p[i]) { i += 1 }
                switch fields {
                case 0: s0 = start; e0 = i
                case 1: s1 = start; e1 = i
                case 2: s2 = start; e2 = i
                case 3: s3 = start; e3 = i
                default: break
                }
                fields += 1
            }
            if fields == 1 {
                problems.add(position(p, line, lineStart, s0), "expected 'source target [weight]', found one field only: '\(token(p, s0, e0))'")
            } else if fields > 3 {
                problems.add(position(p, line, lineStart, s3),
                             "expected at most 3 fields (source target weight), found \(fields): "
                             + "unexpected '\(token(p, s3, e3))'")
            } else if fields > 0 {
                if e0 - s0 > maxID {
                    return .failure(limits.exceeded(.idBytes, file: fileName, position: position(p, line, lineStart, s0), what: "id '\(token(p, s0, e0))'"))
                }
                if e1 - s1 > maxID {
                    return .failure(limits.exceeded(.idBytes, file: fileName, position: position(p, line, lineStart, s1), what: "id '\(token(p, s1, e1))'"))
                }
                let u = interner.intern(p + s0, e0 - s0)
                if interner.count > maxNodes {
                    return .failure(limits.exceeded(.nodes, file: fileName, position: position(p, line, lineStart, s0), what: "the number of nodes"))
                }
                let v = interner.intern(p + s1, e1 - s1)
                if interner.count > maxNodes {
                    return .failure(limits.exceeded(.nodes, file: fileName, position: position(p, line, lineStart, s1), what: "the number of nodes"))
                }
                if u < 0 { problems.add(position(p, line, lineStart, firstInvalidUTF8(p, s0, e0)), "id '\(token(p, s0, e0))' is not valid UTF-8") }
                if v < 0 { problems.add(position(p, line, lineStart, firstInvalidUTF8(p, s1, e1)), "id '\(token(p, s1, e1))' is not valid UTF-8") }
                var weight = 1.0
                if fields == 3 {
                    if let w = parseFiniteDouble(p + s2, e2 - s2) {
                        weight = w
                    } else {
                        problems.add(position(p, line, lineStart, s2), "weight '\(token(p, s2, e2))' is not a finite number")
                    }
                    if !hasWeights {
                        hasWeights = true
                        weights.reserveCapacity(sources.count + expectedLines - line + 1)
                        weights.append(contentsOf: repeatElement(1.0, count: sources.count))
                    }
                }
                if u >= 0, v >= 0 {
                    if sources.count >= maxEdges {
                        return .failure(limits.exceeded(.edges, file: fileName, position: position(p, line, lineStart, s0), what: "the number of edges"))
                    }
                    sources.append(u)
                    targets.append(v)
                    if hasWeights { weights.append(weight) }
                }
            }
            if i < n { i += 1 }  // the line feed
            line += 1
        }
        if interner.overflowed {
            problems.add(line: nil, "more than \(Int32.max - 1) distinct ids")
        }
        if let error = problems.error { return .failure(error) }
        if sources.isEmpty { return .failure(GraphFileError.emptyGraph(file: fileName)) }
        return .success(GraphTable(
            isDirected: isDirected, nodeIDs: interner.ids, sources: sources, targets: targets,
            weights: hasWeights ? weights : nil))
    }
}

// MARK: - Byte-level helpers shared by the edge-list and CSV readers

/// Space, tab, carriage return, vertical tab, form feed (not line feed).
@inline(__always)
func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0B || c == 0x0C }

/// A blank or a line feed.
@inline(__always)
func isSeparator(_ c: UInt8) -> Bool { c <= 0x20 && (c == 0x0A || isBlank(c)) }

/// The offset of the next line feed at or after `i`, or `n`.
@inline(__always)
func findLineFeed(_ p: UnsafePointer<UInt8>, from i: Int, _ n: Int) -> Int {
    guard i < n, let hit = memchr(p + i, 0x0A, n - i) else { return n }
    return UnsafeRawPointer(hit) - UnsafeRawPointer(p)
}

func countLineFeeds(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
    var count = 0
    var i = 0
    while i < n {
        i = findLineFeed(p, from: i, n)
        if i < n { count += 1; i += 1 }
    }
    return count
}


/// Collects a file's problems, up to a limit, and turns them into one `GraphFileError`.
struct DiagnosticList {
    let file: String
    let limit: Int
    private(set) var diagnostics: [Diagnostic] = []
    private var dropped = 0
    private var firstDropped: FilePosition?

    init(file: String, limit: Int = EdgeListReader.diagnosticLimit) {
        self.file = file
        self.limit = limit
    }

    var isEmpty: Bool { diagnostics.isEmpty }

    mutating func add(_ position: FilePosition, _ message: String) {
        add(line: position.line, column: position.column, message)
    }

    mutating func add(line: Int?, column: Int = 0, _ message: String) {
        let position = line.map { FilePosition(line: $0, column: column) }
        if diagnostics.count < limit {
            diagnostics.append(Diagnostic(file: file, position: position, message: message))
        } else {
            if dropped == 0 { firstDropped = position }
            dropped += 1
        }
    }

    var error: GraphFileError? {
        if diagnostics.isEmpty { return nil }
        var all = diagnostics
        if dropped > 0 {
            all.append(Diagnostic(file: file, position: firstDropped,
                                  message: "\(dropped) more problem(s) from here on not shown"))
        }
        return GraphFileError(all)
    }
}

/// Interns byte strings as dense `Int32` indices in order of first appearance.
///
/// An open-addressing hash table (linear probing, at most half full) over the bytes. Each slot holds two
/// words side by side: 24 bits of the key's hash, its length (capped at 255) and its index; and its first
/// eight bytes. A key of up to eight bytes is thus found with one cache line touched and no byte comparison;
/// longer keys compare the rest against an arena of key bytes. A `String` is made (and its UTF-8 validated)
/// once per distinct key.
struct ByteInterner {
    private(set) var ids: [String] = []
    /// `2 * capacity` words: slot `k` is `slots[2k]` (`0` if empty, else hash tag | length | index + 1) and
    /// `slots[2k + 1]` (the key's first eight bytes, little-endian, zero-padded).
    private var slots: [UInt64]
    private var mask: Int
    private var hashes: [UInt64] = []
    private var keyEnds: [Int] = []
    private var arena: [UInt8] = []
    private(set) var overflowed = false

    init(expectedCount: Int = 1024) {
        var capacity = 1024
        while capacity < expectedCount * 2 { capacity <<= 1 }
        slots = [UInt64](repeating: 0, count: 2 * capacity)
        mask = capacity - 1
    }

    var count: Int { ids.count }

    /// The index of the key `p[0 ..< count]`, adding it if new; `-1` if a new key is not valid UTF-8 (or the
    /// table is full).
    @inline(__always)
    mutating func intern(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
        intern(p, count, hash: hashBytes(p, count))
    }

    /// `intern(p, count)` with the key's `hashBytes` already computed.
    @inline(__always)
    mutating func intern(_ p: UnsafePointer<UInt8>, _ count: Int, hash h: UInt64) -> Int32 {
        let tag = (h & 0xFFFF_FF00_0000_0000) | (UInt64(min(count, 255)) << 32)
        let head = firstWord(p, count)
        var slot = Int(truncatingIfNeeded: h) & mask
        let found: Int32? = slots.withUnsafeBufferPointer { table -> Int32? in
            while true {
                let meta = table[2 &* slot]
                if meta == 0 { return nil }
                if meta & 0xFFFF_FFFF_0000_0000 == tag, table[2 &* slot &+ 1] == head {
                    let index = Int(meta & 0xFFFF_FFFF) &- 1
                    if count <= 8 || sameTail(index, p, count) { return Int32(truncatingIfNeeded: index) }
                }
                slot = (slot &+ 1) & mask
            }
        }
        if let found { return found }
        // A new key.
        guard let id = String(validating: UnsafeBufferPointer(start: p, count: count), as: UTF8.self) else {
            return -1
        }
        let index = ids.count
        guard index < Int(Int32.max) - 1 else { overflowed = true; return -1 }
        ids.append(id)
        hashes.append(h)
        if count > 8 { arena.append(contentsOf: UnsafeBufferPointer(start: p + 8, count: count - 8)) }
        keyEnds.append(arena.count)
        slots[2 * slot] = tag | UInt64(index + 1)
        slots[2 * slot + 1] = head
        if ids.count * 2 > mask + 1 { grow() }
        return Int32(index)
    }

    /// Whether bytes `8 ..< count` of key `index` equal `p[8 ..< count]` (the length already matched when
    /// below 255; checked here otherwise).
    private func sameTail(_ index: Int, _ p: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let start = index == 0 ? 0 : keyEnds[index - 1]
        let end = keyEnds[index]
        guard end - start == count - 8 else { return false }
        return arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, p + 8, count - 8) == 0 }
    }

    /// The index of a key given as a `String`.
    mutating func intern(_ key: String) -> Int32 {
        var key = key
        return key.withUTF8 { buffer in
            intern(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, buffer.count)
        }
    }

    private mutating func grow() {
        let capacity = (mask + 1) * 2
        let old = slots
        slots = [UInt64](repeating: 0, count: 2 * capacity)
        mask = capacity - 1
        for k in stride(from: 0, to: old.count, by: 2) where old[k] != 0 {
            let index = Int(old[k] & 0xFFFF_FFFF) - 1
            var slot = Int(truncatingIfNeeded: hashes[index]) & mask
            while slots[2 * slot] != 0 { slot = (slot + 1) & mask }
            slots[2 * slot] = old[k]
            slots[2 * slot + 1] = old[k + 1]
        }
    }
}

/// The first eight bytes of `p[0 ..< count]`, little-endian, zero-padded (reads no byte past `count`).
@inline(__always)
func firstWord(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
    if count >= 8 { return UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)) }
    var w: UInt64 = 0
    var i = count
    while i > 0 {
        i -= 1
        w = (w << 8) | UInt64(p[i])
    }
    return w
}

/// A fast 64-bit hash of a byte string (8 bytes at a time, multiply-xorshift mixing). Not for adversarial
/// inputs: a crafted file could slow interning down, never make it wrong.
@inline(__always)
func hashBytes(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
    let k: UInt64 = 0x9E37_79B9_7F4A_7C15
    var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ (UInt64(truncatingIfNeeded: count) &* k)
    var i = 0
    let raw = UnsafeRawPointer(p)
    while i + 8 <= count {
        let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        h = (h ^ w) &* k
        h ^= h >> 29
        i += 8
    }
    if i < count {
        h = (h ^ firstWord(p + i, count - i)) &* k
        h ^= h >> 29
    }
    h = (h ^ (h >> 32)) &* 0xD6E8_FEB8_6659_FD93
    h ^= h >> 32
    return h
}

/// Exact powers of ten representable in a `Double` (10^0 ... 10^22).
private let exactPowersOfTen: [Double] = (0 ... 22).map { e in
    var x = 1.0
    for _ in 0 ..< e { x *= 10 }
    return x
}

/// Parses `p[0 ..< count]` as Swift's `Double(String)` would, returning `nil` unless the whole token is a
/// number and the number is finite.
///
/// The usual decimal forms (`-12`, `0.25`, `3.5e-3`, up to 19 significant digits and a small exponent) take
/// Clinger's fast path, exact because both the digits (below 2^53) and the power of ten (at most 10^22) are
/// exact doubles and one IEEE division or multiplication rounds correctly. Anything else (more digits,
/// large exponents, hexadecimal) goes to `strtod` on a NUL-terminated copy, which is what `Double(String)`
/// itself calls.
func parseFiniteDouble(_ p: UnsafePointer<UInt8>, _ count: Int) -> Double? {
    if count == 0 { return nil }
    var i = 0
    var negative = false
    if p[0] == 0x2D || p[0] == 0x2B {  // '-' '+'
        negative = p[0] == 0x2D
        i = 1
    }
    var mantissa: UInt64 = 0
    var digits = 0  // significant digits accumulated
    var anyDigit = false
    var exponent = 0
    var fast = true
    while i < count, p[i] &- 0x30 < 10 {
        anyDigit = true
        if mantissa != 0 || p[i] != 0x30 { digits += 1 }
        if digits <= 19 { mantissa = mantissa &* 10 &+ UInt64(p[i] &- 0x30) } else { fast = false }
        i += 1
    }
    if i < count, p[i] == 0x2E {  // '.'
        i += 1
        while i < count, p[i] &- 0x30 < 10 {
            anyDigit = true
            if mantissa != 0 || p[i] != 0x30 { digits += 1 }
            if digits <= 19 { mantissa = mantissa &* 10 &+ UInt64(p[i] &- 0x30) } else { fast = false }
            exponent -= 1
            i += 1
        }
    }
    if anyDigit, i < count, p[i] == 0x65 || p[i] == 0x45 {  // 'e' 'E'
        var j = i + 1
        var expNegative = false
        if j < count, p[j] == 0x2D || p[j] == 0x2B {
            expNegative = p[j] == 0x2D
            j += 1
        }
        var e = 0
        let expStart = j
        while j < count, p[j] &- 0x30 < 10 {
            if e < 100_000 { e = e * 10 + Int(p[j] &- 0x30) }
            j += 1
        }
        if j > expStart {
            exponent += expNegative ? -e : e
            i = j
        }
    }
    if anyDigit, i == count, fast, mantissa <= (1 << 53) {
        var value = Double(mantissa)
        if mantissa == 0 {
            return negative ? -0.0 : 0.0
        }
        if exponent >= 0, exponent <= 22 {
            value *= exactPowersOfTen[exponent]
            return negative ? -value : value
        } else if exponent < 0, exponent >= -22 {
            value /= exactPowersOfTen[-exponent]
            return negative ? -value : value
        }
    }
    return parseWithStrtod(p, count)
}

private func parseWithStrtod(_ p: UnsafePointer<UInt8>, _ count: Int) -> Double? {
    // strtod skips leading blanks; Double(String) does not.
    if count == 0 || isSeparator(p[0]) { return nil }
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buffer -> Double? in
        let base = buffer.baseAddress!
        UnsafeMutableRawPointer(base).copyMemory(from: p, byteCount: count)
        base[count] = 0
        if strlen(base) != count { return nil }  // a NUL inside the token
        var end: UnsafeMutablePointer<CChar>? = nil
        let value = strtod(base, &end)
        guard let end, end - base == count, value.isFinite else { return nil }
        return value
    }
}
