import EcoGraphIO
import EcoGraphModel

/// How a diagram looks, as data: per node kind a shape, colours and a glyph; per edge role (and edge kind)
/// a line style and colour; the scenario and chokepoint highlights.
///
/// `Theme.default` is a light theme readable on screen and on paper. A theme file (`docs/THEMES.md`) holds
/// only what it changes; `Theme.load(contentsOf:)` merges it onto the default.
public struct Theme: Sendable, Hashable {
    /// How the nodes of one kind are drawn.
    public struct NodeStyle: Sendable, Hashable {
        /// A Graphviz shape (`box`, `ellipse`, `hexagon`, ...).
        public var shape: String
        /// The fill colour.
        public var fillColor: String
        /// The border colour.
        public var borderColor: String
        /// The label colour.
        public var fontColor: String
        /// An icon-like character prefixed to the label (when `Theme.glyphs` is on); `""` for none.
        public var glyph: String

        /// A node style.
        public init(shape: String, fillColor: String, borderColor: String, fontColor: String, glyph: String = "") {
            self.shape = shape
            self.fillColor = fillColor
            self.borderColor = borderColor
            self.fontColor = fontColor
            self.glyph = glyph
        }

        func applying(_ overrides: ThemeOverrides.NodeStyle?) -> NodeStyle {
            guard let overrides else { return self }
            var style = self
            if let shape = overrides.shape { style.shape = shape }
            if let fill = overrides.fill { style.fillColor = fill }
            if let border = overrides.border { style.borderColor = border }
            if let font = overrides.font { style.fontColor = font }
            if let glyph = overrides.glyph { style.glyph = glyph }
            return style
        }
    }

    /// How the edges of one role or kind are drawn.
    public struct EdgeStyle: Sendable, Hashable {
        /// `solid`, `dashed`, `dotted` or `bold`.
        public var style: String
        /// The line colour.
        public var color: String
        /// The line width (Graphviz `penwidth`).
        public var penWidth: Double
        /// A Graphviz arrow shape (`normal`, `vee`, `tee`, `none`, ...).
        public var arrowhead: String

        /// An edge style.
        public init(style: String, color: String, penWidth: Double = 1, arrowhead: String = "normal") {
            self.style = style
            self.color = color
            self.penWidth = penWidth
            self.arrowhead = arrowhead
        }

        func applying(_ overrides: ThemeOverrides.EdgeStyle?) -> EdgeStyle {
            guard let overrides else { return self }
            var style = self
            if let value = overrides.style { style.style = value }
            if let value = overrides.color { style.color = value }
            if let value = overrides.width { style.penWidth = value }
            if let value = overrides.arrowhead { style.arrowhead = value }
            return style
        }
    }

    /// Font family (fontconfig name) for every label.
    public var fontName: String
    /// The background colour.
    public var backgroundColor: String
    /// Colour of text outside nodes: edge, cluster and legend labels.
    public var textColor: String
    /// Whether node labels are prefixed with their kind's glyph. Glyphs are emoji: they show in browsers;
    /// PNG and PDF need an emoji font (Debian: `fonts-noto-color-emoji`) or show boxes.
    public var glyphs: Bool
    /// By node kind.
    public var nodeKinds: [String: NodeStyle]
    /// Kinds not in `nodeKinds` (and nodes of generic graphs).
    public var fallbackNode: NodeStyle
    /// By edge role: `dependency`, `restriction`, `influence`.
    public var edgeRoles: [String: EdgeStyle]
    /// By edge kind, over the role's style.
    public var edgeKinds: [String: EdgeStyle]
    /// Edges of generic graphs and of kinds with no role.
    public var fallbackEdge: EdgeStyle
    /// Scenario view: removed nodes (drawn with a dashed outline).
    public var removedNode: NodeStyle
    /// Scenario view: lost dependencies.
    public var lostColor: String
    /// Top chokepoints: border colour and width.
    public var chokepoint: EdgeStyle
    /// Cluster boxes: `fillColor` and `borderColor` (and `fontColor` for the cluster label).
    public var cluster: NodeStyle

    /// A theme with every style given (start from `Theme.default` to change a few).
    public init(fontName: String, backgroundColor: String, textColor: String, glyphs: Bool,
                nodeKinds: [String: NodeStyle], fallbackNode: NodeStyle, edgeRoles: [String: EdgeStyle],
                edgeKinds: [String: EdgeStyle], fallbackEdge: EdgeStyle, removedNode: NodeStyle, lostColor: String,
                chokepoint: EdgeStyle, cluster: NodeStyle) {
        self.fontName = fontName
        self.backgroundColor = backgroundColor
        self.textColor = textColor
        self.glyphs = glyphs
        self.nodeKinds = nodeKinds
        self.fallbackNode = fallbackNode
        self.edgeRoles = edgeRoles
        self.edgeKinds = edgeKinds
        self.fallbackEdge = fallbackEdge
        self.removedNode = removedNode
        self.lostColor = lostColor
        self.chokepoint = chokepoint
        self.cluster = cluster
    }

    /// The style of a node kind (`nil`: a generic graph's node).
    public func style(forNodeKind kind: String?) -> NodeStyle {
        kind.flatMap { nodeKinds[$0] } ?? fallbackNode
    }

    /// The style of an edge: its kind's, else its role's, else the fallback.
    public func style(forEdgeKind kind: String?, role: String?) -> EdgeStyle {
        if let kind, let style = edgeKinds[kind] { return style }
        if let role, let style = edgeRoles[role] { return style }
        return fallbackEdge
    }

    /// The light default: kinds told apart by shape and colour (Tableau-like palette, with dark text on light
    /// fills), dependencies solid dark, restrictions red dashed, influence dotted grey.
    public static let `default` = Theme(
        fontName: "DejaVu Sans",
        backgroundColor: "white",
        textColor: "#333333",
        glyphs: true,
        nodeKinds: [
            NodeKind.company.id: NodeStyle(shape: "box", fillColor: "#dbe9f6", borderColor: "#2b6cb0", fontColor: "#102a43", glyph: "🏢"),
            NodeKind.model.id: NodeStyle(shape: "ellipse", fillColor: "#fde2c8", borderColor: "#c05621", fontColor: "#3d1d06", glyph: "🧠"),
            NodeKind.state.id: NodeStyle(shape: "house", fillColor: "#f8d7da", borderColor: "#9b2c2c", fontColor: "#3b0a0a", glyph: "🏛"),
            NodeKind.institute.id: NodeStyle(shape: "component", fillColor: "#e3f2d9", borderColor: "#2f855a", fontColor: "#0f2d1b", glyph: "🎓"),
            NodeKind.country.id: NodeStyle(shape: "octagon", fillColor: "#efe4f7", borderColor: "#6b46c1", fontColor: "#28124d", glyph: "🌍"),
            NodeKind.initiative.id: NodeStyle(shape: "note", fillColor: "#fff5c2", borderColor: "#b7791f", fontColor: "#3b2a05", glyph: "🤝"),
            NodeKind.technology.id: NodeStyle(shape: "hexagon", fillColor: "#e2e8f0", borderColor: "#4a5568", fontColor: "#1a202c", glyph: "⚙"),
            // Styles for two kinds files often declare (they are not built in).
            "community": NodeStyle(shape: "egg", fillColor: "#d9f2f2", borderColor: "#2c7a7b", fontColor: "#0b2e2e", glyph: "👥"),
            "person": NodeStyle(shape: "oval", fillColor: "#fbe3ef", borderColor: "#b83280", fontColor: "#3d0a24", glyph: "👤"),
        ],
        fallbackNode: NodeStyle(shape: "box", fillColor: "#f7fafc", borderColor: "#4a5568", fontColor: "#1a202c"),
        edgeRoles: [
            "dependency": EdgeStyle(style: "solid", color: "#2d3748", penWidth: 1.2),
            "restriction": EdgeStyle(style: "dashed", color: "#c53030", penWidth: 1.6, arrowhead: "tee"),
            "influence": EdgeStyle(style: "dotted", color: "#a0aec0", penWidth: 1, arrowhead: "vee"),
        ],
        edgeKinds: [:],
        fallbackEdge: EdgeStyle(style: "solid", color: "#4a5568"),
        removedNode: NodeStyle(shape: "box", fillColor: "#e2e2e2", borderColor: "#8a8a8a", fontColor: "#8a8a8a"),
        lostColor: "#e53e3e",
        chokepoint: EdgeStyle(style: "bold", color: "#d69e2e", penWidth: 4),
        cluster: NodeStyle(shape: "box", fillColor: "#f9fafb", borderColor: "#cbd5e0", fontColor: "#4a5568"))

    /// This theme with a theme file's overrides merged on.
    public func applying(_ overrides: ThemeOverrides) -> Theme {
        var theme = self
        if let value = overrides.font { theme.fontName = value }
        if let value = overrides.background { theme.backgroundColor = value }
        if let value = overrides.text { theme.textColor = value }
        if let value = overrides.glyphs { theme.glyphs = value }
        for (kind, style) in overrides.nodes {
            if kind == "default" {
                theme.fallbackNode = theme.fallbackNode.applying(style)
            } else {
                theme.nodeKinds[kind] = (theme.nodeKinds[kind] ?? theme.fallbackNode).applying(style)
            }
        }
        for (role, style) in overrides.roles {
            theme.edgeRoles[role] = (theme.edgeRoles[role] ?? theme.fallbackEdge).applying(style)
        }
        for (kind, style) in overrides.edges {
            // An edge kind's override starts from the style it had (its role's, known only when drawing),
            // so it is kept as a delta and resolved in `style(forEdgeKind:role:)`.
            theme.edgeKindOverrides[kind] = style
        }
        theme.removedNode = theme.removedNode.applying(overrides.removed)
        if let value = overrides.lost { theme.lostColor = value }
        if let value = overrides.added { theme.addedColor = value }
        if let value = overrides.changed { theme.changedColor = value }
        theme.chokepoint = theme.chokepoint.applying(overrides.chokepoint)
        theme.cluster = theme.cluster.applying(overrides.cluster)
        return theme
    }

    /// Edge-kind overrides from theme files, applied over the role's style.
    public var edgeKindOverrides: [String: ThemeOverrides.EdgeStyle] = [:]

    /// Diff view: the colour of added nodes (their border) and edges.
    public var addedColor = "#2f9e44"
    /// Diff view: the colour of changed nodes (their border) and edges. Removed ones are drawn in
    /// `removedNode`'s colours, dashed.
    public var changedColor = "#1c7ed6"

    /// The style of an edge with overrides resolved: kind style (or role style) with the kind's file overrides.
    public func resolvedStyle(forEdgeKind kind: String?, role: String?) -> EdgeStyle {
        let base = style(forEdgeKind: kind, role: role)
        guard let kind, let overrides = edgeKindOverrides[kind] else { return base }
        return base.applying(overrides)
    }

    /// The default theme with the theme file at `path` merged on.
    /// - Throws: `GraphFileError` with a `FILE:LINE:COLUMN` line per problem.
    public static func load(contentsOf path: String, limits: InputLimits = .default) throws(GraphFileError) -> Theme {
        Theme.default.applying(try ThemeFile.read(contentsOf: path, limits: limits))
    }
}
