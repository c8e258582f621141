/// The one place that knows which characters XML and HTML reserve. The GraphML writer, DOT's HTML-like
/// labels and the HTML report each add their own rule for line breaks and control characters on top.
public enum MarkupEscaping {
    /// The entity for `&`, `<`, `>`, `"` or `'`; `nil` for every other character.
    @inlinable
    public static func entity(for scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\"": "&quot;"
        case "'": "&#39;"
        default: nil
        }
    }
}
