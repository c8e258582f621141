import CGraphviz
import Foundation

/// The one serial gate every call into Graphviz's C libraries goes through.
///
/// Graphviz (cgraph, gvc) keeps global state (the DOT scanner, the error hook, the layout plugins) and is not
/// thread-safe, so the whole module calls it only inside `withGraphviz`. The gate is a process-wide recursive
/// lock: a call made while already inside the gate (say, rendering code that reads DOT) runs at once instead of
/// deadlocking.
enum GraphvizGate {
    private static let lock = NSRecursiveLock()

    /// Messages Graphviz reported through its error hook during the current `capturingMessages` call.
    /// Touched only while holding `lock`.
    nonisolated(unsafe) fileprivate static var capturedText = ""

    /// Runs `body` while holding the gate.
    static func run<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Runs `body` inside the gate with Graphviz's error hook (`agseterrf`) pointed at a buffer instead of
    /// stderr, and returns what Graphviz reported, one `GraphvizMessage` per line. Warnings are captured too.
    static func capturingMessages<R, E: Error>(
        _ body: () throws(E) -> R
    ) throws(E) -> (result: R, messages: [GraphvizMessage]) {
        try run { () throws(E) -> (result: R, messages: [GraphvizMessage]) in
            let outer = capturedText
            capturedText = ""
            let previousHook = agseterrf { fragment in
                if let fragment { GraphvizGate.capturedText += String(cString: fragment) }
                return 0
            }
            let previousLevel = agseterr(AGWARN)
            defer {
                _ = agseterrf(previousHook)
                _ = agseterr(previousLevel)
                capturedText = outer
            }
            agreseterrors()
            let result = try body()
            return (result, GraphvizMessage.parse(capturedText))
        }
    }
}

/// Runs `body` while holding the Graphviz gate (`GraphvizGate.run`). Every call into Graphviz goes through here.
func withGraphviz<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
    try GraphvizGate.run(body)
}

/// One line Graphviz reported through its error hook, e.g. `Error: syntax error in line 3 near '->'`.
struct GraphvizMessage: Sendable, Hashable, CustomStringConvertible {
    /// Whether Graphviz reported it as an error (`Error: `) rather than a warning.
    var isError: Bool
    /// The text without the `Error: ` / `Warning: ` prefix and the trailing line feed.
    var text: String

    /// The line as Graphviz printed it, with its level prefix.
    var description: String { (isError ? "Error: " : "Warning: ") + text }

    /// Splits the hook's output into messages; a line without a level prefix continues the one before it.
    static func parse(_ output: String) -> [GraphvizMessage] {
        var messages: [GraphvizMessage] = []
        for line in output.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("Error: ") {
                messages.append(GraphvizMessage(isError: true, text: String(line.dropFirst(7))))
            } else if line.hasPrefix("Warning: ") {
                messages.append(GraphvizMessage(isError: false, text: String(line.dropFirst(9))))
            } else if !messages.isEmpty {
                messages[messages.count - 1].text += " " + line
            } else {
                messages.append(GraphvizMessage(isError: true, text: String(line)))
            }
        }
        return messages
    }
}
