import EcoGraphModel

/// One of the two date fields a node or an edge of a generic graph file may carry.
public enum LifetimeField: String, Sendable, CaseIterable, CustomStringConvertible {
    /// The first day the node exists or the edge holds (inclusive).
    case since
    /// The first day it no longer does (exclusive).
    case until

    /// The field's name as the files spell it: `since`, `until`.
    public var description: String { rawValue }

    /// The field a column, key or attribute name stands for (`since`, `until`, any case, blanks around it
    /// ignored), or `nil`.
    public init?(name: String) {
        let trimmed = name.trimmingFieldBlanks().lowercased()
        self.init(rawValue: trimmed)
    }
}

/// A problem with the date fields of one node or edge, for a reader to place in its file.
public struct LifetimeFieldProblem: Sendable, Hashable {
    /// The field to blame: the malformed one, or `until` when it is not after `since`.
    public var field: LifetimeField
    /// What is wrong, naming the node or edge and the value.
    public var message: String

    /// A problem with one field.
    public init(field: LifetimeField, message: String) {
        self.field = field
        self.message = message
    }
}

/// How the generic readers (GraphML, CSV, DOT) read the `since` and `until` of a node or an edge, so that
/// every format accepts the same dates and words the same problems as the ecosystem reader does.
///
/// A value is a date as `EcoDate` reads it (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, a real day) after trimming
/// blanks and line breaks; an empty value (or none) is an open end. `until` must be after `since` (it is
/// exclusive, and each date stands for its first day, so `since 2024, until 2024-01-01` holds on no day).
public enum LifetimeFields {
    /// The lifetime two raw fields give, and what is wrong with them.
    ///
    /// - Parameters:
    ///   - since: the raw `since` text, or `nil` when the element has none.
    ///   - until: the raw `until` text, or `nil`.
    ///   - owner: how messages name the element: `node 'a'`, `edge 'a' -> 'b'` (made only for a message).
    /// - Returns: the lifetime (a malformed field reads as an open end, and a reversed pair keeps both ends),
    ///   and one problem per malformed field, or one for an `until` not after `since`.
    /// - Complexity: `O(length of the fields)`.
    public static func read(since: String?, until: String?, owner: @autoclosure () -> String) -> (lifetime: Lifetime, problems: [LifetimeFieldProblem]) {
        var lifetime = Lifetime()
        var problems: [LifetimeFieldProblem] = []
        for (field, raw) in [(LifetimeField.since, since), (.until, until)] {
            guard let raw else { continue }
            let text = raw.trimmingFieldBlanks()
            if text.isEmpty { continue }
            guard let date = EcoDate(text) else {
                problems.append(LifetimeFieldProblem(field: field, message: notADate(owner: owner(), field: field, value: text)))
                continue
            }
            if field == .since { lifetime.since = date } else { lifetime.until = date }
        }
        if let start = lifetime.since, let end = lifetime.until, end.firstDay <= start.firstDay {
            problems.append(LifetimeFieldProblem(field: .until, message: "\(owner()): until \(end) is not after since \(start) (until is exclusive)"))
        }
        return (lifetime, problems)
    }

    /// The date a field's raw text names: `.some(nil)` when empty (an open end), `nil` when malformed.
    /// - Complexity: `O(length of the text)`.
    public static func date(_ raw: String) -> EcoDate?? {
        let text = raw.trimmingFieldBlanks()
        if text.isEmpty { return .some(nil) }
        return EcoDate(text).map { .some($0) }
    }

    /// `OWNER: since 'VALUE' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, a real day)`, the value
    /// shortened past 40 characters.
    public static func notADate(owner: String, field: LifetimeField, value: String) -> String {
        let shown = value.count > 40 ? String(value.prefix(40)) + "…" : value
        return "\(owner): \(field) '\(shown)' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, a real day)"
    }

    /// The message for a date on something that is neither a node nor an edge (a graph, a subgraph, a port):
    /// a generic table has nowhere to keep it, and dropping it would change what `--as-of` reads.
    public static func misplaced(_ field: LifetimeField, on element: String) -> String {
        "a date ('\(field)') on \(element): only nodes and edges carry dates"
    }
}

extension String {
    /// The string without the blanks and line breaks (space, tab, LF, CR) around it: how every generic reader
    /// trims a field before reading a date or a number from it.
    func trimmingFieldBlanks() -> String {
        func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { !isBlank($0) }) else { return "" }
        let last = bytes.lastIndex(where: { !isBlank($0) })!
        if first == bytes.startIndex && last == bytes.index(before: bytes.endIndex) { return self }
        return String(self[first ... last])
    }
}
