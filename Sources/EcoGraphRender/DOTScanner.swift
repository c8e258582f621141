import EcoGraphIO

/// A linear pass over DOT bytes that follows cgraph's scanner (Graphviz 2.42's `scan.l`) far enough to refuse,
/// before cgraph sees the text, what it would take quadratic time on (one long token: flex re-reads a token
/// from its start for every 8 KB it adds, so a 1 MB id costs seconds and 10 MB minutes), what it would nest
/// too deeply, and node ids it would rename (those beginning with `%`); and to place cgraph's syntax errors
/// at a line and column.
///
/// Tokens: quoted strings (`\"`, `\\`, backslash-newline as cgraph reads them), HTML strings (`<...>`, nested),
/// bare ids and numerals, `->` / `--`, comments (`//`, `/* */`, and `#` lines), single characters. Lines count
/// every line feed; cgraph's own count (`cgraphLine`) skips line feeds inside quoted strings, as its scanner
/// does, so its messages can be mapped back.
struct DOTScanner {
    enum Kind: Equatable { case bare, numeral, quoted, html, edgeOp, punct, comment }

    struct Token {
        var kind: Kind
        /// Byte range of the whole token (quotes and brackets included).
        var start: Int
        var end: Int
        /// Bytes of the id's value (decoded for quoted strings, between the brackets for HTML strings); for a
        /// comment, its longest line.
        var valueBytes: Int
        /// The value's first byte (0 when empty).
        var firstByte: UInt8
        var line: Int
        var lineStart: Int
        var cgraphLine: Int
    }

    let bytes: [UInt8]
    private var i = 0
    private(set) var line = 1
    private var lineStart = 0
    private var cgraphLine = 1

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// 1-based column of byte `offset` on a line starting at `lineStart`, counting Unicode scalars.
    func column(of offset: Int, lineStart: Int) -> Int {
        var count = 1
        var k = lineStart
        while k < offset && k < bytes.count {
            if bytes[k] & 0xC0 != 0x80 { count += 1 }
            k += 1
        }
        return count
    }

    func position(of token: Token) -> FilePosition {
        FilePosition(line: token.line, column: column(of: token.start, lineStart: token.lineStart))
    }

    /// The text cgraph's `near '...'` shows for the token: the closing quote of a quoted string, the closing
    /// bracket of an HTML string, the characters of any other token.
    func nearText(_ token: Token) -> String {
        switch token.kind {
        case .quoted: "\""
        case .html: ">"
        default: String(decoding: bytes[token.start ..< token.end], as: UTF8.self)
        }
    }

    func isKeyword(_ token: Token, _ words: String...) -> Bool {
        guard token.kind == .bare else { return false }
        let text = String(decoding: bytes[token.start ..< token.end], as: UTF8.self).lowercased()
        return words.contains(text)
    }

    private static func isIDStart(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c >= 0x80
    }
    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    private mutating func newline(countedByCgraph: Bool) {
        line += 1
        lineStart = i + 1
        if countedByCgraph { cgraphLine += 1 }
    }

    /// The next token, or `nil` at the end.
    mutating func next() -> Token? {
        let n = bytes.count
        while i < n {
            let c = bytes[i]
            if c == 0x0A { newline(countedByCgraph: true); i += 1; continue }
            if c == 0x20 || c == 0x09 || c == 0x0D { i += 1; continue }
            var token = Token(kind: .punct, start: i, end: i + 1, valueBytes: 0, firstByte: 0,
                              line: line, lineStart: lineStart, cgraphLine: cgraphLine)
            let next: UInt8 = i + 1 < n ? bytes[i + 1] : 0
            if (c == 0x23 && i == lineStart) || (c == 0x2F && next == 0x2F) {  // `#` line, `//` comment
                var k = i
                while k < n && bytes[k] != 0x0A { k += 1 }
                token.kind = .comment
                token.valueBytes = k - i
                token.end = k
                i = k
                return token
            }
            if c == 0x2F && next == 0x2A {  // /* ... */: cgraph reads it line by line
                var k = i + 2
                var segment = k
                var longest = 0
                while k < n && !(bytes[k] == 0x2A && k + 1 < n && bytes[k + 1] == 0x2F) {
                    if bytes[k] == 0x0A {
                        longest = max(longest, k - segment)
                        i = k
                        newline(countedByCgraph: true)
                        segment = k + 1
                    }
                    k += 1
                }
                longest = max(longest, k - segment)
                token.kind = .comment
                token.valueBytes = longest
                i = min(n, k + 2)
                token.end = i
                return token
            }
            if c == 0x22 {  // quoted string
                var k = i + 1
                var length = 0
                var first: UInt8 = 0
                func take(_ b: UInt8) { if length == 0 { first = b }; length += 1 }
                while k < n && bytes[k] != 0x22 {
                    let b = bytes[k]
                    if b == 0x5C && k + 1 < n {
                        let after = bytes[k + 1]
                        if after == 0x22 { take(0x22); k += 2; continue }
                        if after == 0x5C { take(0x5C); take(0x5C); k += 2; continue }
                        if after == 0x0A { i = k + 1; newline(countedByCgraph: true); k += 2; continue }
                    }
                    if b == 0x0A { i = k; newline(countedByCgraph: false) }
                    take(b)
                    k += 1
                }
                token.kind = .quoted
                token.valueBytes = length
                token.firstByte = first
                i = min(n, k + 1)
                token.end = i
                return token
            }
            if c == 0x3C {  // HTML string: balanced < >
                var k = i + 1
                var depth = 1
                while k < n {
                    let b = bytes[k]
                    if b == 0x3C { depth += 1 } else if b == 0x3E { depth -= 1; if depth == 0 { break } }
                    if b == 0x0A { i = k; newline(countedByCgraph: true) }
                    k += 1
                }
                token.kind = .html
                token.valueBytes = max(0, min(k, n) - (token.start + 1))
                token.firstByte = token.valueBytes > 0 ? bytes[token.start + 1] : 0
                i = min(n, k + 1)
                token.end = i
                return token
            }
            if c == 0x2D && (next == 0x3E || next == 0x2D) {
                token.kind = .edgeOp
                i += 2
                token.end = i
                return token
            }
            if Self.isIDStart(c) {
                var k = i + 1
                while k < n && (Self.isIDStart(bytes[k]) || Self.isDigit(bytes[k])) { k += 1 }
                token.kind = .bare
                token.valueBytes = k - i
                token.firstByte = c
                token.end = k
                i = k
                return token
            }
            if Self.isDigit(c) || ((c == 0x2E || c == 0x2D) && (Self.isDigit(next) || next == 0x2E)) {
                var k = i + 1
                while k < n && (Self.isDigit(bytes[k]) || bytes[k] == 0x2E) { k += 1 }
                token.kind = .numeral
                token.valueBytes = k - i
                token.firstByte = c
                token.end = k
                i = k
                return token
            }
            i += 1
            return token
        }
        return nil
    }
}
