import CGraphviz
import Foundation

/// A Graphviz layout engine.
public enum LayoutEngine: String, Sendable, CaseIterable {
    /// Hierarchical layers: best for dependency graphs (edges mostly point one way).
    case dot
    /// Spring model (stress majorisation).
    case neato
    /// Force-directed, with clusters.
    case fdp
    /// Multiscale force-directed, for large graphs.
    case sfdp
    /// Circular layout.
    case circo
    /// Radial layout around a root.
    case twopi
}

/// An output format of `GraphvizRenderer`.
public enum RenderFormat: String, Sendable, CaseIterable {
    /// SVG text (Graphviz's core `svg` device): one `<g class="node">` with a `<title>` per node.
    case svg
    /// PNG through the cairo device (plugin `libgvplugin_pango`).
    case png
    /// PDF through the cairo device (plugin `libgvplugin_pango`).
    case pdf
    /// Graphviz's own `dot` output: the input graph with the layout's positions (`pos`, `bb`, `width`, ...)
    /// written as attributes, as `dot -Tdot` gives. For DOT text without a layout, use `DOTGraph.text`.
    case dot

    /// The plugin library that provides the device in Debian's Graphviz, for messages.
    var pluginLibrary: String {
        switch self {
        case .svg, .dot: "libgvplugin_core"
        case .png, .pdf: "libgvplugin_pango (cairo)"
        }
    }
}

/// Why a rendering failed; `description` is one line.
public struct RenderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What failed.
    public enum Reason: Sendable, Hashable {
        /// The DOT text did not parse.
        case syntax
        /// The layout or render plugin is not installed.
        case missingPlugin
        /// Graphviz failed to lay out or render the graph.
        case layout
        /// Graphviz failed to write the output format.
        case render
    }

    /// What failed.
    public var reason: Reason
    /// One line: what failed and what Graphviz said.
    public var message: String
    /// The message.
    public var description: String { message }

    /// An error; line breaks in the message become spaces.
    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        // One line, whatever Graphviz said.
        self.message = message.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

/// Lays out and renders DOT text in-process through Graphviz's libgvc and libcgraph (no `dot` process).
///
/// One Graphviz context (`gvContext()`) serves the process; every call runs inside `GraphvizGate` (Graphviz is
/// not thread-safe) with Graphviz's messages captured (`GraphvizGate.capturingMessages`), never printed. Each
/// call parses (`agmemread`), lays out (`gvLayout`), renders to memory (`gvRenderData`) and frees all three
/// (`gvFreeRenderData`, `gvFreeLayout`, `agclose`) before returning, so memory stays flat over many calls.
public enum GraphvizRenderer {
    /// The process's Graphviz context, created on first use inside the gate and kept for the process.
    nonisolated(unsafe) private static var sharedContext: OpaquePointer?

    /// Renders DOT text.
    ///
    /// - Parameters:
    ///   - dot: DOT text (`DOTGraph.text`, or any DOT).
    ///   - engine: the layout engine.
    ///   - format: the output format.
    /// - Returns: the output's bytes (UTF-8 text for `svg` and `dot`).
    /// - Throws: `RenderError` with a one-line message: a syntax error (with Graphviz's line), a missing plugin
    ///   (naming it), or Graphviz's own layout or render error.
    /// - Complexity: Graphviz's: `dot` is roughly `O((n + m) log(n + m))` per rank pass plus crossing
    ///   minimisation; `neato` is `O(n²)` per iteration; `sfdp` is `O((n + m) log n)`.
    public static func render(_ dot: String, engine: LayoutEngine = .dot, format: RenderFormat = .svg) throws(RenderError) -> [UInt8] {
        var text = Array(dot.utf8)
        if text.contains(0) { throw RenderError(.syntax, "DOT text contains a NUL character") }
        text.append(0)
        let (result, messages) = GraphvizGate.capturingMessages { () -> Result<[UInt8], RenderError> in
            guard let gvc = context() else { return .failure(RenderError(.missingPlugin, "Graphviz: cannot create a context (gvContext failed)")) }
            if let missing = missingPlugin(gvc, engine: engine, format: format) { return .failure(missing) }
            resetDOTScanner()
            agsetfile(nil)
            let parsed = text.withUnsafeBufferPointer { buffer in
                agmemread(UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self))
            }
            guard let graph = parsed else { return .failure(RenderError(.syntax, "")) }
            defer { agclose(graph) }
            guard gvLayout(gvc, graph, engine.rawValue) == 0 else { return .failure(RenderError(.layout, "")) }
            defer { gvFreeLayout(gvc, graph) }
            var buffer: UnsafeMutablePointer<CChar>? = nil
            var length: UInt32 = 0
            let status = gvRenderData(gvc, graph, format.rawValue, &buffer, &length)
            defer { if let buffer { gvFreeRenderData(buffer) } }
            guard status == 0, let buffer else { return .failure(RenderError(.render, "")) }
            return .success(UnsafeRawBufferPointer(start: buffer, count: Int(length)).map { $0 })
        }
        switch result {
        case .success(let bytes):
            return format == .svg ? cleanedSVG(bytes) : bytes
        case .failure(let error):
            if !error.message.isEmpty { throw error }
            throw RenderError(error.reason, message(for: error.reason, engine: engine, format: format, messages: messages))
        }
    }

    /// Renders DOT text to a string (for `svg` and `dot`).
    public static func renderText(_ dot: String, engine: LayoutEngine = .dot, format: RenderFormat = .svg) throws(RenderError) -> String {
        String(decoding: try render(dot, engine: engine, format: format), as: UTF8.self)
    }

    /// The layout engines the installed plugins provide.
    public static var availableEngines: [LayoutEngine] {
        GraphvizGate.run { () -> [LayoutEngine] in
            guard let gvc = context() else { return [] }
            let names = pluginNames(gvc, kind: "layout")
            return LayoutEngine.allCases.filter { names.contains($0.rawValue) }
        }
    }

    /// The output formats the installed plugins provide.
    public static var availableFormats: [RenderFormat] {
        GraphvizGate.run { () -> [RenderFormat] in
            guard let gvc = context() else { return [] }
            let names = pluginNames(gvc, kind: "device")
            return RenderFormat.allCases.filter { names.contains($0.rawValue) }
        }
    }

    /// Graphviz's SVG made safe to parse and embed: its `<!DOCTYPE>` (an external DTD reference) removed;
    /// an entity-like sequence Graphviz passed through from user text (`&foo;`, `&#0;`) that XML does not
    /// define written with `&amp;`, so it reads as the text it was; control characters XML forbids dropped.
    /// - Complexity: `O(bytes)`.
    static func cleanedSVG(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var i = 0
        let doctype = Array("<!DOCTYPE".utf8)
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "<"), bytes[i...].starts(with: doctype), let end = bytes[i...].firstIndex(of: UInt8(ascii: ">")) {
                i = end + 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "\n") { i += 1 }
                continue
            }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D || byte == 0x7F {
                i += 1
                continue
            }
            if byte == UInt8(ascii: "&") && !isXMLReference(bytes, at: i) {
                out += Array("&amp;".utf8)
                i += 1
                continue
            }
            out.append(byte)
            i += 1
        }
        return out
    }

    /// Whether `&` at `start` begins a reference XML defines: `&amp;` `&lt;` `&gt;` `&quot;` `&apos;`, or a
    /// character reference to a character XML allows.
    private static func isXMLReference(_ bytes: [UInt8], at start: Int) -> Bool {
        guard let semicolon = bytes[start...].prefix(16).firstIndex(of: UInt8(ascii: ";")) else { return false }
        let name = String(decoding: bytes[(start + 1) ..< semicolon], as: UTF8.self)
        if ["amp", "lt", "gt", "quot", "apos"].contains(name) { return true }
        guard name.hasPrefix("#") else { return false }
        let digits = name.dropFirst()
        let value: UInt32?
        if digits.hasPrefix("x") || digits.hasPrefix("X") {
            value = UInt32(digits.dropFirst(), radix: 16)
        } else {
            value = UInt32(digits, radix: 10)
        }
        guard let value else { return false }
        return value == 0x9 || value == 0xA || value == 0xD || (0x20 ... 0xD7FF).contains(value)
            || (0xE000 ... 0xFFFD).contains(value) || (0x10000 ... 0x10FFFF).contains(value)
    }

    // MARK: - Inside the gate

    private static func context() -> OpaquePointer? {
        if sharedContext == nil { sharedContext = gvContext() }
        return sharedContext
    }

    /// Plugin names of a kind (`layout`, `device`, `render`), without their `:library` suffix.
    private static func pluginNames(_ gvc: OpaquePointer, kind: String) -> Set<String> {
        var count: Int32 = 0
        guard let list = gvPluginList(gvc, kind, &count, nil) else { return [] }
        defer { free(list) }
        var names = Set<String>()
        for i in 0 ..< Int(max(count, 0)) {
            guard let item = list[i] else { continue }
            defer { free(item) }
            names.insert(String(String(cString: item).prefix { $0 != ":" }))
        }
        return names
    }

    private static func missingPlugin(_ gvc: OpaquePointer, engine: LayoutEngine, format: RenderFormat) -> RenderError? {
        if !pluginNames(gvc, kind: "layout").contains(engine.rawValue) {
            let library = engine == .dot ? "libgvplugin_dot_layout" : "libgvplugin_neato_layout"
            return RenderError(.missingPlugin, "Graphviz has no '\(engine.rawValue)' layout: the plugin \(library) is not installed (Debian package libgvc6; then run `dot -c`)")
        }
        if !pluginNames(gvc, kind: "device").contains(format.rawValue) {
            let package = format == .png || format == .pdf ? "libgvc6-plugins-gtk" : "libgvc6"
            return RenderError(.missingPlugin, "Graphviz cannot write \(format.rawValue): the plugin \(format.pluginLibrary) is not installed (Debian package \(package); then run `dot -c`)")
        }
        return nil
    }

    /// One line from what Graphviz reported.
    private static func message(for reason: RenderError.Reason, engine: LayoutEngine, format: RenderFormat, messages: [GraphvizMessage]) -> String {
        let errors = messages.filter(\.isError)
        let said = (errors.isEmpty ? messages : errors).map { $0.text.trimmingCharacters(in: .whitespaces) }.joined(separator: "; ")
        switch reason {
        case .syntax:
            var text = said.isEmpty ? "no DOT graph found" : said
            if let range = text.range(of: #" in line (\d+)"#, options: .regularExpression) {
                let line = text[range].filter(\.isNumber)
                text.removeSubrange(range)
                return "DOT:\(line): \(text)"
            }
            return "DOT: \(text)"
        case .layout:
            return "Graphviz layout '\(engine.rawValue)' failed" + (said.isEmpty ? "" : ": \(said)")
        case .render:
            return "Graphviz could not render \(format.rawValue)" + (said.isEmpty ? "" : ": \(said)")
        case .missingPlugin:
            return said
        }
    }
}

/// Cgraph's `aglexbad` (see `DOTReader`): discards what a previous parse left in the DOT scanner.
private let aglexbadFunction: (@convention(c) () -> Void)? = {
    guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "aglexbad") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) () -> Void).self)
}()

private func resetDOTScanner() {
    aglexbadFunction?()
}
