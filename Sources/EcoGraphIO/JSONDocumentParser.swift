/// A strict JSON parser (RFC 8259) that keeps the line and column of every value.
///
/// Foundation's `JSONSerialization` forgets positions, and error messages must point at the offending
/// line; this parser is small, rejects duplicate keys, trailing commas and comments, and counts columns
/// in Unicode scalars like libyaml does.
/// - Complexity: `O(bytes)`.
struct JSONDocumentParser {
    private let bytes: [UInt8]
    private let file: String
    private let limits: InputLimits
    private var index = 0
    private var line = 1
    private var column = 1

    static func parse(_ text: String, file: String, limits: InputLimits = .default) throws(GraphFileError) -> DocumentNode {
        var parser = JSONDocumentParser(bytes: Array(text.utf8), file: file, limits: limits)
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.index < parser.bytes.count { throw parser.failure("unexpected text after the JSON value") }
        return value
    }

    private init(bytes: [UInt8], file: String, limits: InputLimits) {
        self.bytes = bytes
        self.file = file
        self.limits = limits
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    private var position: FilePosition { FilePosition(line: line, column: column) }

    private func failure(_ message: String) -> GraphFileError {
        GraphFileError(file: file, position: position, message: "malformed JSON: \(message)")
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { advance() }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(GraphFileError) {
        guard current == byte else { throw failure("expected \(what)") }
        advance()
    }

    private mutating func parseValue(depth: Int) throws(GraphFileError) -> DocumentNode {
        guard depth < limits.nestingDepth else {
            throw limits.exceeded(.nestingDepth, file: file, position: position, what: "the JSON nesting")
        }
        let start = position
        guard let byte = current else { throw failure("unexpected end of input") }
        switch byte {
        case UInt8(ascii: "{"):
            advance()
            var pairs: [(key: String, keyPosition: FilePosition, value: DocumentNode)] = []
            var seen = Set<String>()
            skipWhitespace()
            if current == UInt8(ascii: "}") { advance(); return DocumentNode(value: .mapping(pairs), position: start) }
            while true {
                skipWhitespace()
                let keyPosition = position
                guard current == UInt8(ascii: "\"") else { throw failure("expected a string key") }
                let key = try parseString()
                guard seen.insert(key).inserted else {
                    throw GraphFileError(file: file, position: keyPosition, message: "malformed JSON: duplicate key '\(key)' in an object")
                }
                skipWhitespace()
                try expect(UInt8(ascii: ":"), "':' after a key")
                skipWhitespace()
                pairs.append((key, keyPosition, try parseValue(depth: depth + 1)))
                skipWhitespace()
                if current == UInt8(ascii: ",") { advance(); continue }
                try expect(UInt8(ascii: "}"), "',' or '}'")
                return DocumentNode(value: .mapping(pairs), position: start)
            }
        case UInt8(ascii: "["):
            advance()
            var items: [DocumentNode] = []
            skipWhitespace()
            if current == UInt8(ascii: "]") { advance(); return DocumentNode(value: .sequence(items), position: start) }
            while true {
                skipWhitespace()
                items.append(try parseValue(depth: depth + 1))
                skipWhitespace()
                if current == UInt8(ascii: ",") { advance(); continue }
                try expect(UInt8(ascii: "]"), "',' or ']'")
                return DocumentNode(value: .sequence(items), position: start)
            }
        case UInt8(ascii: "\""):
            return DocumentNode(value: .scalar(try parseString(), plain: false), position: start)
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            for word in ["true", "false", "null"] where bytes[index...].starts(with: word.utf8) {
                for _ in word.utf8 { advance() }
                return DocumentNode(value: .scalar(word, plain: true), position: start)
            }
            throw failure("unexpected word")
        default:
            return DocumentNode(value: .scalar(try parseNumber(), plain: true), position: start)
        }
    }

    private mutating func parseNumber() throws(GraphFileError) -> String {
        let begin = index
        if current == UInt8(ascii: "-") { advance() }
        func digits(_ parser: inout JSONDocumentParser) -> Int {
            var count = 0
            while let byte = parser.current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { parser.advance(); count += 1 }
            return count
        }
        let integerStart = index
        let integerDigits = digits(&self)
        guard integerDigits > 0 else { throw failure("unexpected character") }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") { throw failure("leading zero in a number") }
        if current == UInt8(ascii: ".") {
            advance()
            guard digits(&self) > 0 else { throw failure("expected digits after '.'") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            advance()
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
            guard digits(&self) > 0 else { throw failure("expected digits in the exponent") }
        }
        return String(decoding: bytes[begin ..< index], as: UTF8.self)
    }

    private mutating func parseString() throws(GraphFileError) -> String {
        advance()  // opening quote
        var scalars = String.UnicodeScalarView()
        var run = index
        func flush(_ parser: JSONDocumentParser, _ scalars: inout String.UnicodeScalarView, _ run: Int) {
            scalars.append(contentsOf: String(decoding: parser.bytes[run ..< parser.index], as: UTF8.self).unicodeScalars)
        }
        while true {
            guard let byte = current else { throw failure("unterminated string") }
            if byte == UInt8(ascii: "\"") {
                // Without escapes the string is its bytes: decoded at once, not scalar by scalar.
                if scalars.isEmpty {
                    let text = String(decoding: bytes[run ..< index], as: UTF8.self)
                    advance()
                    return text
                }
                flush(self, &scalars, run)
                advance()
                return String(scalars)
            }
            if byte < 0x20 { throw failure("control character in a string (escape it)") }
            if byte != UInt8(ascii: "\\") { advance(); continue }
            flush(self, &scalars, run)
            advance()
            guard let escape = current else { throw failure("unterminated escape") }
            advance()
            switch escape {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                var code = try parseHex4()
                if (0xD800 ..< 0xDC00).contains(code) {
                    guard current == UInt8(ascii: "\\") else { throw failure("unpaired surrogate in \\u escape") }
                    advance()
                    try expect(UInt8(ascii: "u"), "a low surrogate \\u escape")
                    let low = try parseHex4()
                    guard (0xDC00 ..< 0xE000).contains(low) else { throw failure("unpaired surrogate in \\u escape") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw failure("invalid \\u escape") }
                scalars.append(scalar)
            default:
                throw failure("invalid escape '\\\(Character(Unicode.Scalar(escape)))'")
            }
            run = index
        }
    }

    private mutating func parseHex4() throws(GraphFileError) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0 ..< 4 {
            guard let byte = current, let digit = Character(Unicode.Scalar(byte)).hexDigitValue else {
                throw failure("expected four hex digits in a \\u escape")
            }
            code = code << 4 | UInt32(digit)
            advance()
        }
        return code
    }
}
