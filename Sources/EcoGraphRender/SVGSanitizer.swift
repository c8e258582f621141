import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

extension HTMLReport {
    /// Graphviz's SVG reduced to what a diagram needs, re-serialised from a parse (never patched with
    /// regular expressions): the elements Graphviz draws with and their presentation attributes.
    ///
    /// Dropped: the XML prolog, DOCTYPE, comments and processing instructions; `script`, `style`,
    /// `foreignObject`, `image`, `use` and every other element not on the list (with everything inside);
    /// `on*` handlers, `style`, `href`, `xlink:*` and every other attribute not on the list; paint references
    /// other than `url(#local)`. `a` elements are unwrapped (their children kept). Element ids are prefixed
    /// with `idPrefix` (and local references with them) so no id in the diagram can shadow one of the page's,
    /// nor one of another diagram's with another prefix. The root's `width`/`height` are dropped so the page
    /// sizes the diagram; its `viewBox` is kept.
    /// - Returns: the SVG markup, or `nil` when the text is not well-formed XML or has no `svg` root.
    public static func sanitizedSVG(_ svg: String, idPrefix: String = "svg-") -> String? {
        let sanitizer = SVGSanitizer(idPrefix: idPrefix)
        let parser = XMLParser(data: Data(svg.utf8))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.delegate = sanitizer
        guard parser.parse(), sanitizer.sawRoot, !sanitizer.failed else { return nil }
        return sanitizer.output
    }
}

/// The `XMLParserDelegate` behind `HTMLReport.sanitizedSVG`.
final class SVGSanitizer: NSObject, XMLParserDelegate {
    static let elements: Set<String> = [
        "svg", "g", "title", "path", "polygon", "polyline", "ellipse", "circle", "rect", "line", "text", "tspan",
        "defs", "linearGradient", "radialGradient", "stop",
    ]
    /// Elements whose children are kept but which are not written themselves.
    static let unwrapped: Set<String> = ["a"]
    static let attributes: Set<String> = [
        "id", "class", "viewBox", "transform", "points", "d", "cx", "cy", "r", "rx", "ry", "x", "y", "x1", "y1", "x2", "y2",
        "dx", "dy", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity",
        "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "opacity", "font-family", "font-size", "font-weight",
        "font-style", "text-anchor", "text-decoration", "dominant-baseline", "baseline-shift", "offset", "stop-color",
        "stop-opacity", "gradientUnits", "gradientTransform", "fx", "fy", "preserveAspectRatio", "width", "height",
    ]
    /// Attributes that may hold a paint reference.
    static let paintAttributes: Set<String> = ["fill", "stroke", "stop-color"]

    /// What element ids (and local references to them) are prefixed with.
    let idPrefix: String
    private(set) var output = ""
    private(set) var sawRoot = false
    private(set) var failed = false
    /// For each open element: whether it was written (and so needs a closing tag).
    private var written: [Bool] = []
    /// Depth inside a dropped element; nothing is written while positive.
    private var skipping = 0
    private var depth = 0

    init(idPrefix: String) { self.idPrefix = idPrefix }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        depth += 1
        if skipping > 0 { skipping += 1; return }
        if depth == 1 {
            guard elementName == "svg" else { failed = true; parser.abortParsing(); return }
            sawRoot = true
        }
        if Self.unwrapped.contains(elementName) { written.append(false); return }
        guard Self.elements.contains(elementName) else { skipping = 1; return }
        output += "<" + elementName
        for name in attributes.keys.sorted() {
            guard let value = Self.clean(name, attributes[name]!, element: elementName, isRoot: depth == 1, idPrefix: idPrefix) else { continue }
            output += " \(name)=\"\(HTMLReport.escapeHTML(value))\""
        }
        output += ">"
        written.append(true)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        if skipping > 0 { skipping -= 1; return }
        guard let wasWritten = written.popLast() else { return }
        if wasWritten { output += "</\(elementName)>" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard skipping == 0, depth > 0 else { return }
        output += HTMLReport.escapeHTML(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard skipping == 0, depth > 0 else { return }
        output += HTMLReport.escapeHTML(String(decoding: CDATABlock, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? { nil }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { failed = true }

    /// The value to keep for an attribute, or `nil` to drop it.
    static func clean(_ name: String, _ value: String, element: String, isRoot: Bool, idPrefix: String = "svg-") -> String? {
        guard attributes.contains(name) else { return nil }
        if isRoot, name == "width" || name == "height" { return nil }
        switch name {
        case "id":
            return idPrefix + value.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ".") }
        case "class":
            // Class tokens: letters, digits, `_` and `-` only.
            let tokens = value.split(separator: " ").map { token in
                String(token.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-") })
            }
            return tokens.filter { !$0.isEmpty }.joined(separator: " ")
        default:
            break
        }
        let lowered = value.lowercased()
        if lowered.contains("url(") {
            // Only a local paint server (a Graphviz gradient): `url(#id)`, remapped to the prefixed id.
            guard paintAttributes.contains(name), lowered.hasPrefix("url(#"), value.hasSuffix(")") else { return nil }
            let id = value.dropFirst(5).dropLast()
            guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ".") }) else { return nil }
            return "url(#\(idPrefix)\(id))"
        }
        if lowered.contains("javascript:") || lowered.contains("expression(") { return nil }
        return value
    }
}
