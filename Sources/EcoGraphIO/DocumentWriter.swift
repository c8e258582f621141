/// An ordered tree of output values (a JSON document, or a YAML one) and its two spellings: pretty JSON
/// and block-style YAML. Commands build one to print machine-readable results.
///
/// Both spellings are deterministic (keys in the order given) and escape strings the same way, with
/// JSON's escapes, which YAML's double-quoted style accepts too.
public enum OutputValue: Sendable {
    /// A string.
    case string(String)
    /// A number (integers are written without a fraction).
    case number(Double)
    /// A boolean.
    case bool(Bool)
    /// A list.
    case list([OutputValue])
    /// A map, keys in the order given.
    case map([(String, OutputValue)])
    /// JSON's null (YAML's `null`).
    case null

    /// An integer.
    public static func int(_ value: Int) -> OutputValue { .number(Double(value)) }
    /// A string, or null.
    public static func optional(_ text: String?) -> OutputValue { text.map(OutputValue.string) ?? .null }
    /// A list of strings.
    public static func strings(_ items: [String]) -> OutputValue { .list(items.map(OutputValue.string)) }

    /// Compact JSON (no spaces or newlines) that is safe inside an HTML `<script>` element: `<`, `>`, `&`,
    /// U+2028 and U+2029 are `\u` escapes, so no value can close the element, open a comment, or end a
    /// JavaScript line. Non-finite numbers are `null`.
    public var compactHTMLSafeJSON: String {
        var out = ""
        writeCompact(to: &out)
        return out
    }

    private func writeCompact(to out: inout String) {
        switch self {
        case .string(let s): out += Self.quoted(s, htmlSafe: true)
        case .number(let x): out += x.isFinite ? Self.format(x) : "null"
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.writeCompact(to: &out)
            }
            out += "]"
        case .map(let pairs):
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out += "," }
                out += Self.quoted(key, htmlSafe: true) + ":"
                value.writeCompact(to: &out)
            }
            out += "}"
        }
    }

    /// Pretty JSON with two-space indentation and a final newline.
    public var json: String {
        var out = ""
        writeJSON(to: &out, indent: 0)
        out += "\n"
        return out
    }

    /// Block-style YAML; lists of scalars are written inline (`[a, b]`). Ends with a newline.
    public var yaml: String {
        var out = ""
        writeYAML(to: &out, indent: 0)
        return out
    }

    private var isScalar: Bool {
        switch self {
        case .string, .number, .bool, .null: true
        case .list(let items): items.allSatisfy { if case .list = $0 { false } else if case .map = $0 { false } else { true } }
        case .map: false
        }
    }

    private func writeJSON(to out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1), closing = String(repeating: "  ", count: indent)
        switch self {
        case .string(let s): out += Self.quoted(s)
        case .number(let x): out += x.isFinite ? Self.format(x) : Self.quoted(String(x))
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .list(let items):
            guard !items.isEmpty else { out += "[]"; return }
            if isScalar {
                out += "[" + items.map { item in var s = ""; item.writeJSON(to: &s, indent: 0); return s }.joined(separator: ", ") + "]"
                return
            }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                item.writeJSON(to: &out, indent: indent + 1)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += closing + "]"
        case .map(let pairs):
            guard !pairs.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in pairs.enumerated() {
                out += pad + Self.quoted(key) + ": "
                value.writeJSON(to: &out, indent: indent + 1)
                out += i + 1 < pairs.count ? ",\n" : "\n"
            }
            out += closing + "}"
        }
    }

    private func writeYAML(to out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent)
        switch self {
        case .map(let pairs):
            for (key, value) in pairs {
                out += pad + Self.yamlKey(key) + ":"
                value.writeYAMLValue(to: &out, indent: indent)
            }
        case .list(let items):
            for item in items {
                if case .map(let pairs) = item, !pairs.isEmpty {
                    // "- first: value" then the other keys aligned under it.
                    var nested = ""
                    item.writeYAML(to: &nested, indent: indent + 1)
                    out += pad + "- " + nested.dropFirst(pad.count + 2)
                } else {
                    out += pad + "-"
                    item.writeYAMLValue(to: &out, indent: indent)
                }
            }
        default:
            out += pad + inlineYAML + "\n"
        }
    }

    /// Writes the value after "key:" (or "-"): inline for scalars and empty collections, else nested.
    private func writeYAMLValue(to out: inout String, indent: Int) {
        switch self {
        case .map(let pairs) where !pairs.isEmpty:
            out += "\n"
            writeYAML(to: &out, indent: indent + 1)
        case .list(let items) where !items.isEmpty && !isScalar:
            out += "\n"
            writeYAML(to: &out, indent: indent + 1)
        default:
            out += " " + inlineYAML + "\n"
        }
    }

    private var inlineYAML: String {
        switch self {
        case .string(let s): Self.quoted(s)
        case .number(let x): x.isFinite ? Self.format(x) : (x.isNaN ? ".nan" : (x > 0 ? ".inf" : "-.inf"))
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        case .list(let items): "[" + items.map(\.inlineYAML).joined(separator: ", ") + "]"
        case .map: "{}"
        }
    }

    private static func yamlKey(_ key: String) -> String {
        let plain = !key.isEmpty && key.unicodeScalars.allSatisfy { ("a" ... "z").contains($0) || ("A" ... "Z").contains($0) || ("0" ... "9").contains($0) || $0 == "_" || $0 == "-" || $0 == "." }
            && !("0" ... "9").contains(key.unicodeScalars.first!) && DocumentNode.bool(key) == nil && !["null", "Null", "NULL", "~"].contains(key)
        return plain ? key : quoted(key)
    }

    /// A number in its shortest round-trip spelling; integral values without a fraction.
    static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String(x)
    }

    /// A double-quoted string with JSON escapes (also valid YAML): quotes, backslashes, control and
    /// line-separator characters are escaped; everything else, Unicode included, is written as is. With
    /// `htmlSafe`, `<`, `>` and `&` are escaped too.
    static func quoted(_ s: String, htmlSafe: Bool = false) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "<" where htmlSafe: out += "\\u003c"
            case ">" where htmlSafe: out += "\\u003e"
            case "&" where htmlSafe: out += "\\u0026"
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || (0x7F ... 0x9F).contains(scalar.value)
                || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF:
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
