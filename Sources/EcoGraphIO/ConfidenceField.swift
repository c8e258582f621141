/// How the generic readers (GraphML, CSV, DOT) read the `confidence` of a node or an edge: a number in
/// [0, 1], as in an ecosystem file, after trimming blanks and line breaks; an empty value (or none) is not
/// given, and the element is certain (1) unless a default says otherwise.
public enum ConfidenceField {
    /// The name every format spells the field with.
    public static let name = "confidence"

    /// The confidence a raw field gives, or what is wrong with it.
    ///
    /// - Parameters:
    ///   - raw: the field's text.
    ///   - owner: how a message names the element: `node 'a'`, `edge 'a' -> 'b'` (made only for a message).
    /// - Returns: `.success(nil)` for an empty field, `.success(x)` for a number `x` in [0, 1] (Swift's
    ///   `Double(String)` spelling), else `.failure` with the message
    ///   `OWNER: confidence 'TEXT' is not a number in [0, 1]`.
    /// - Complexity: `O(length of the text)`.
    public static func read(_ raw: String, owner: @autoclosure () -> String) -> Result<Double?, ConfidenceFieldProblem> {
        let text = raw.trimmingFieldBlanks()
        if text.isEmpty { return .success(nil) }
        if let value = Double(text), value >= 0, value <= 1 { return .success(value) }
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        return .failure(ConfidenceFieldProblem(message: "\(owner()): confidence '\(shown)' is not a number in [0, 1]"))
    }
}

/// A malformed or out-of-range confidence, for a reader to place in its file.
public struct ConfidenceFieldProblem: Error, Sendable, Hashable {
    /// What is wrong, naming the node or edge and the value.
    public var message: String

    /// A problem.
    public init(message: String) { self.message = message }
}
