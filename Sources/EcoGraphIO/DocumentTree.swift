import Yams

/// A parsed YAML or JSON document with the position of every value: the one input of the ecosystem
/// decoder, so that both formats share one decoder and one set of `FILE:LINE:COLUMN` messages.
struct DocumentNode {
    indirect enum Value {
        /// A scalar's text; `plain` when it was unquoted (and so may be a number, bool or null).
        case scalar(String, plain: Bool)
        case mapping([(key: String, keyPosition: FilePosition, value: DocumentNode)])
        case sequence([DocumentNode])
    }

    var value: Value
    var position: FilePosition

    /// A short name of the value's type, for messages.
    var typeName: String {
        switch value {
        case .scalar(let text, let plain):
            if plain, isNull { return "null" }
            if plain, Self.number(text) != nil { return "a number" }
            return "a string '\(text)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    /// Whether the value is YAML's (or JSON's) null.
    var isNull: Bool {
        if case .scalar(let text, plain: true) = value { return ["", "~", "null", "Null", "NULL"].contains(text) }
        return false
    }

    /// The number a plain scalar spells (YAML 1.2 core schema: decimal and exponent forms, `.inf`, `.nan`).
    static func number(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        guard let first = text.unicodeScalars.first, "+-.0123456789".unicodeScalars.contains(first),
              text.unicodeScalars.allSatisfy({ "+-.0123456789eE".unicodeScalars.contains($0) }) else { return nil }
        return Double(text)
    }

    /// The boolean a plain scalar spells.
    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }
}

extension DocumentNode {
    /// Parses YAML or JSON text within limits; `nil` for an empty YAML document.
    static func parse(_ text: String, format: EcosystemFormat, file: String, limits: InputLimits) throws(GraphFileError) -> DocumentNode? {
        switch format {
        case .yaml: try YAMLDocumentParser.parse(text, file: file, limits: limits)
        case .json: try JSONDocumentParser.parse(text, file: file, limits: limits)
        }
    }
}

/// Parses YAML through libyaml (Yams' composer), keeping each node's line and column.
///
/// Aliases (`*name`) are expanded, within `InputLimits.aliasExpansions`: Yams shares an anchored node among
/// its aliases, so the tree it composes is as small as the text, but walking it visits every expansion, which
/// nested aliases make exponential (a few hundred bytes can stand for billions of nodes). The walk counts the
/// nodes it makes; every node beyond one per byte of text comes from an alias, so past `text bytes +
/// aliasExpansions` nodes it stops with an error. Nesting deeper than `nestingDepth` is refused too.
enum YAMLDocumentParser {
    /// The nodes a walk may still make, and how deep it is.
    private struct Budget {
        var nodesLeft: Int
        let maxDepth: Int
        let limits: InputLimits
        let file: String
    }

    static func parse(_ text: String, file: String, limits: InputLimits = .default) throws(GraphFileError) -> DocumentNode? {
        // A UTF-8 byte order mark only marks the encoding (libyaml would read it as content).
        let text = text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
        guard maximumFlowDepth(text) != nil else {
            throw limits.exceeded(.nestingDepth, file: file, what: "the YAML nesting (over 10,000 open brackets)")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw GraphFileError(file: file, position: position(of: error), message: "malformed YAML: \(message(of: error))")
        } catch {
            throw GraphFileError(file: file, position: nil, message: "malformed YAML: \(error)")
        }
        guard let root else { return nil }
        var budget = Budget(nodesLeft: text.utf8.count + max(limits.aliasExpansions, 0), maxDepth: limits.nestingDepth,
                            limits: limits, file: file)
        return try convert(root, file: file, depth: 0, budget: &budget)
    }

    private static func convert(_ node: Node, file: String, depth: Int, budget: inout Budget) throws(GraphFileError) -> DocumentNode {
        let position = node.mark.map { FilePosition(line: $0.line, column: $0.column) } ?? FilePosition(line: 0)
        budget.nodesLeft -= 1
        if budget.nodesLeft < 0 {
            throw budget.limits.exceeded(.aliasExpansions, file: file, position: position,
                                         what: "expanding the YAML aliases (`*name`) of this document")
        }
        if depth > budget.maxDepth {
            throw budget.limits.exceeded(.nestingDepth, file: file, position: position, what: "the YAML nesting")
        }
        switch node {
        case .scalar(let scalar):
            return DocumentNode(value: .scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any), position: position)
        case .sequence(let sequence):
            var items: [DocumentNode] = []
            for item in sequence { items.append(try convert(item, file: file, depth: depth + 1, budget: &budget)) }
            return DocumentNode(value: .sequence(items), position: position)
        case .mapping(let mapping):
            var pairs: [(key: String, keyPosition: FilePosition, value: DocumentNode)] = []
            for (key, value) in mapping {
                let keyPosition = key.mark.map { FilePosition(line: $0.line, column: $0.column) } ?? position
                guard case .scalar(let scalar) = key else {
                    throw GraphFileError(file: file, position: keyPosition, message: "a mapping key must be a plain string")
                }
                pairs.append((scalar.string, keyPosition, try convert(value, file: file, depth: depth + 1, budget: &budget)))
            }
            return DocumentNode(value: .mapping(pairs), position: position)
        case .alias:
            throw GraphFileError(file: file, position: position, message: "YAML aliases are not supported; write the value out")
        }
    }

    /// An upper bound of the nesting of flow collections (`[`, `{`) in the text, or `nil` past 10,000 levels,
    /// read before libyaml, whose recursive composer would exhaust the stack on a hostile file. Brackets in
    /// quotes and comments are counted too, so the bound is conservative only for unusual files.
    private static func maximumFlowDepth(_ text: String) -> Int? {
        var depth = 0, deepest = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                depth += 1
                deepest = max(deepest, depth)
                if deepest > 10_000 { return nil }
            } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                depth = max(depth - 1, 0)
            }
        }
        return deepest
    }

    private static func position(of error: YamlError) -> FilePosition? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            FilePosition(line: mark.line, column: mark.column)
        case .duplicatedKeysInMapping(_, let context):
            FilePosition(line: context.mark.line, column: context.mark.column)
        default:
            nil
        }
    }

    private static func message(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
             .composer(let context, let problem, _, _):
            if let context { return "\(problem) (\(context.text) at line \(context.mark.line))" }
            return problem
        case .duplicatedKeysInMapping(let duplicates, _):
            return "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in a mapping"
        case .reader(let problem, _, _, _):
            return problem
        default:
            return "\(error)"
        }
    }
}
