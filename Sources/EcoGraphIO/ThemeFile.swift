/// What a theme file says: partial styling that `Theme.applying(_:)` (EcoGraphRender) merges onto the default
/// theme. Every field is optional; an absent field keeps the default. The format is documented in
/// `docs/THEMES.md`.
public struct ThemeOverrides: Sendable, Hashable {
    /// How one node kind is drawn.
    public struct NodeStyle: Sendable, Hashable {
        /// A Graphviz shape (`box`, `ellipse`, `hexagon`, ...).
        public var shape: String?
        /// The fill colour.
        public var fill: String?
        /// The border colour.
        public var border: String?
        /// The label colour.
        public var font: String?
        /// A character prefixed to the label; `""` for none.
        public var glyph: String?
        /// A node style; absent fields keep the default's.
        public init(shape: String? = nil, fill: String? = nil, border: String? = nil, font: String? = nil, glyph: String? = nil) {
            self.shape = shape
            self.fill = fill
            self.border = border
            self.font = font
            self.glyph = glyph
        }
    }

    /// How one edge role or kind is drawn.
    public struct EdgeStyle: Sendable, Hashable {
        /// `solid`, `dashed`, `dotted` or `bold`.
        public var style: String?
        /// The line colour.
        public var color: String?
        /// The line width (Graphviz `penwidth`).
        public var width: Double?
        /// A Graphviz arrow shape (`normal`, `vee`, `tee`, `none`, ...).
        public var arrowhead: String?
        /// An edge style; absent fields keep the default's.
        public init(style: String? = nil, color: String? = nil, width: Double? = nil, arrowhead: String? = nil) {
            self.style = style
            self.color = color
            self.width = width
            self.arrowhead = arrowhead
        }
    }

    /// A font family name (fontconfig).
    public var font: String?
    /// The background colour.
    public var background: String?
    /// The colour of labels outside nodes (clusters, legend, edges).
    public var text: String?
    /// Whether node labels get their kind's glyph.
    public var glyphs: Bool?
    /// By node kind; the key `default` styles kinds the theme does not name.
    public var nodes: [String: NodeStyle]
    /// By edge role: `dependency`, `restriction`, `influence`.
    public var roles: [String: EdgeStyle]
    /// By edge kind (`export_controls`, ...); overrides the role's style.
    public var edges: [String: EdgeStyle]
    /// Scenario view: removed nodes.
    public var removed: NodeStyle?
    /// Scenario view: the colour of lost dependencies.
    public var lost: String?
    /// The border of top chokepoints.
    public var chokepoint: EdgeStyle?
    /// Diff view: the colour of added nodes and edges.
    public var added: String?
    /// Diff view: the colour of changed nodes and edges.
    public var changed: String?
    /// Cluster boxes: fill and border.
    public var cluster: NodeStyle?

    /// Overrides; absent fields keep the default theme's.
    public init(font: String? = nil, background: String? = nil, text: String? = nil, glyphs: Bool? = nil,
                nodes: [String: NodeStyle] = [:], roles: [String: EdgeStyle] = [:], edges: [String: EdgeStyle] = [:],
                removed: NodeStyle? = nil, lost: String? = nil, chokepoint: EdgeStyle? = nil, cluster: NodeStyle? = nil) {
        self.font = font
        self.background = background
        self.text = text
        self.glyphs = glyphs
        self.nodes = nodes
        self.roles = roles
        self.edges = edges
        self.removed = removed
        self.lost = lost
        self.chokepoint = chokepoint
        self.cluster = cluster
    }
}

/// Reads theme files (YAML or JSON) into `ThemeOverrides`, reporting every problem as `FILE:LINE:COLUMN`.
///
/// Values are checked strictly, because they end up in DOT and SVG attributes: colours are `#rgb`,
/// `#rrggbb`, `#rrggbbaa` or a colour name of letters only (`red`, `darkslategray`); shapes, edge styles and
/// arrowheads come from fixed lists; a glyph is at most 4 characters without control characters or markup.
public enum ThemeFile {
    /// The node shapes a theme may name (Graphviz's polygon shapes).
    static let shapes: Set<String> = [
        "box", "rect", "rectangle", "square", "ellipse", "oval", "circle", "doublecircle", "point", "egg", "triangle",
        "diamond", "trapezium", "parallelogram", "house", "pentagon", "hexagon", "septagon", "octagon",
        "doubleoctagon", "tripleoctagon", "invtriangle", "invtrapezium", "invhouse", "Mdiamond", "Msquare",
        "Mcircle", "note", "tab", "folder", "box3d", "component", "cylinder", "underline", "star", "plaintext",
        "plain", "none", "cds", "promoter", "signature",
    ]
    /// The edge styles a theme may name.
    static let edgeStyles: Set<String> = ["solid", "dashed", "dotted", "bold"]
    /// The arrowheads a theme may name.
    static let arrowheads: Set<String> = [
        "normal", "inv", "dot", "invdot", "odot", "invodot", "none", "tee", "empty", "invempty", "diamond",
        "odiamond", "ediamond", "crow", "box", "obox", "open", "halfopen", "vee",
    ]

    /// Reads a theme file (YAML, or JSON by its `.json` extension).
    /// - Throws: `GraphFileError` with one `FILE:LINE:COLUMN: message` per problem.
    public static func read(contentsOf path: String, limits: InputLimits = .default) throws(GraphFileError) -> ThemeOverrides {
        let text = try InputFile.text(path, limits: limits)
        return try decode(text, format: EcosystemFormat(path: path) ?? .yaml, file: path, limits: limits)
    }

    /// Decodes theme text; `file` names it in messages. Empty text changes nothing.
    /// - Throws: `GraphFileError` with every problem.
    public static func decode(_ text: String, format: EcosystemFormat, file: String,
                              limits: InputLimits = .default) throws(GraphFileError) -> ThemeOverrides {
        let root = try DocumentNode.parse(text, format: format, file: file, limits: limits)
        var reader = Reader(file: file)
        var theme = ThemeOverrides()
        guard let root else { return theme }  // an empty file changes nothing
        guard case .mapping(let top) = root.value else {
            throw GraphFileError(file: file, position: root.position, message: "a theme file is a mapping, found \(root.typeName)")
        }
        for (key, keyPosition, value) in top {
            switch key {
            case "theme":
                if reader.number(value, "`theme`") != 1 { reader.fail(value.position, "`theme` (the format version) must be 1") }
            case "font": theme.font = reader.fontName(value)
            case "background": theme.background = reader.color(value, "`background`")
            case "text": theme.text = reader.color(value, "`text`")
            case "glyphs": theme.glyphs = reader.bool(value, "`glyphs`")
            case "nodes":
                for (kind, _, style) in reader.mapping(value, "`nodes`") { theme.nodes[kind] = reader.nodeStyle(style, "nodes.\(kind)") }
            case "roles":
                for (role, rolePosition, style) in reader.mapping(value, "`roles`") {
                    if !["dependency", "restriction", "influence"].contains(role) {
                        reader.fail(rolePosition, "unknown edge role '\(role)' (expected dependency, restriction or influence)")
                    }
                    theme.roles[role] = reader.edgeStyle(style, "roles.\(role)")
                }
            case "edges":
                for (kind, _, style) in reader.mapping(value, "`edges`") { theme.edges[kind] = reader.edgeStyle(style, "edges.\(kind)") }
            case "removed": theme.removed = reader.nodeStyle(value, "`removed`")
            case "lost": theme.lost = reader.color(value, "`lost`")
            case "added": theme.added = reader.color(value, "`added`")
            case "changed": theme.changed = reader.color(value, "`changed`")
            case "chokepoint": theme.chokepoint = reader.edgeStyle(value, "`chokepoint`")
            case "cluster": theme.cluster = reader.nodeStyle(value, "`cluster`")
            default:
                reader.fail(keyPosition, "unknown key '\(key)' in a theme (expected one of: theme, font, background, text, glyphs, nodes, roles, edges, removed, lost, added, changed, chokepoint, cluster)")
            }
        }
        guard reader.problems.isEmpty else { throw GraphFileError(reader.problems) }
        return theme
    }

    /// Whether a string is a colour this reader accepts.
    static func isColor(_ text: String) -> Bool {
        if text.hasPrefix("#") {
            let digits = text.dropFirst()
            return [3, 6, 8].contains(digits.count) && digits.allSatisfy(\.isHexDigit)
        }
        return !text.isEmpty && text.count <= 40 && text.unicodeScalars.allSatisfy { ("a" ... "z").contains($0) || ("A" ... "Z").contains($0) }
    }

    private struct Reader {
        let file: String
        var problems: [Diagnostic] = []

        mutating func fail(_ position: FilePosition?, _ message: String) {
            problems.append(Diagnostic(file: file, position: position, message: message))
        }

        mutating func string(_ node: DocumentNode, _ what: String) -> String? {
            guard case .scalar(let text, _) = node.value, !node.isNull else {
                fail(node.position, "\(what) must be a string, found \(node.typeName)")
                return nil
            }
            return text
        }

        mutating func number(_ node: DocumentNode, _ what: String) -> Double? {
            guard case .scalar(let text, true) = node.value, let value = DocumentNode.number(text), value.isFinite else {
                fail(node.position, "\(what) must be a finite number, found \(node.typeName)")
                return nil
            }
            return value
        }

        mutating func bool(_ node: DocumentNode, _ what: String) -> Bool? {
            guard case .scalar(let text, true) = node.value, let value = DocumentNode.bool(text) else {
                fail(node.position, "\(what) must be true or false, found \(node.typeName)")
                return nil
            }
            return value
        }

        mutating func mapping(_ node: DocumentNode, _ what: String) -> [(key: String, keyPosition: FilePosition, value: DocumentNode)] {
            guard case .mapping(let pairs) = node.value else {
                fail(node.position, "\(what) must be a mapping, found \(node.typeName)")
                return []
            }
            return pairs
        }

        mutating func color(_ node: DocumentNode, _ what: String) -> String? {
            guard let text = string(node, what) else { return nil }
            guard ThemeFile.isColor(text) else {
                fail(node.position, "\(what): '\(text)' is not a colour (#rgb, #rrggbb, #rrggbbaa or a colour name such as darkslategray)")
                return nil
            }
            return text
        }

        mutating func fontName(_ node: DocumentNode) -> String? {
            guard let text = string(node, "`font`") else { return nil }
            let allowed = text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || " -_,.".unicodeScalars.contains($0) }
            guard !text.isEmpty, text.count <= 100, allowed else {
                fail(node.position, "`font`: '\(text)' is not a font family name (letters, digits, spaces, - _ , .)")
                return nil
            }
            return text
        }

        mutating func choice(_ node: DocumentNode, _ what: String, _ allowed: Set<String>) -> String? {
            guard let text = string(node, what) else { return nil }
            guard allowed.contains(text) else {
                fail(node.position, "\(what): unknown value '\(text)' (expected one of: \(allowed.sorted().joined(separator: ", ")))")
                return nil
            }
            return text
        }

        mutating func nodeStyle(_ node: DocumentNode, _ what: String) -> ThemeOverrides.NodeStyle {
            var style = ThemeOverrides.NodeStyle()
            for (key, keyPosition, value) in mapping(node, what) {
                switch key {
                case "shape": style.shape = choice(value, "\(what).shape", ThemeFile.shapes)
                case "fill": style.fill = color(value, "\(what).fill")
                case "border": style.border = color(value, "\(what).border")
                case "font": style.font = color(value, "\(what).font")
                case "glyph":
                    guard let text = string(value, "\(what).glyph") else { continue }
                    let bad = text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || "<>&\"'\\".unicodeScalars.contains($0) }
                    if text.count > 4 || bad {
                        fail(value.position, "\(what).glyph: at most 4 characters, without control characters, quotes, backslashes or < > &")
                    } else {
                        style.glyph = text
                    }
                default:
                    fail(keyPosition, "unknown key '\(key)' in \(what) (expected one of: shape, fill, border, font, glyph)")
                }
            }
            return style
        }

        mutating func edgeStyle(_ node: DocumentNode, _ what: String) -> ThemeOverrides.EdgeStyle {
            var style = ThemeOverrides.EdgeStyle()
            for (key, keyPosition, value) in mapping(node, what) {
                switch key {
                case "style": style.style = choice(value, "\(what).style", ThemeFile.edgeStyles)
                case "color": style.color = color(value, "\(what).color")
                case "width":
                    if let width = number(value, "\(what).width") {
                        if width > 0 && width <= 20 { style.width = width } else { fail(value.position, "\(what).width must be in (0, 20]") }
                    }
                case "arrowhead": style.arrowhead = choice(value, "\(what).arrowhead", ThemeFile.arrowheads)
                default:
                    fail(keyPosition, "unknown key '\(key)' in \(what) (expected one of: style, color, width, arrowhead)")
                }
            }
            return style
        }
    }
}
