import EcoGraphAnalysis

/// What a diff diagram shows: the whole union of the two sides, or only what lies near a change.
public struct DiffDiagramOptions: Sendable {
    /// Keep only the nodes within this many hops (edges of either side, either way) of a change: an added,
    /// removed or changed node, or an end of an added, removed or changed edge. `nil`: the whole union.
    public var context: Int?
    /// Whether to draw a legend of the node kinds shown and the diff's marks.
    public var legend: Bool
    /// Prefix labels with their kind's glyph; `nil` follows the theme.
    public var glyphs: Bool?
    /// The engine the diagram will be laid out with (graph attributes are tuned for it).
    public var layout: LayoutEngine
    /// A title drawn above the diagram; `nil`: the sides' names and days (`DiffSide.heading`); `""`: none.
    public var title: String?

    /// The whole union, laid out by `dot`, with a legend, unless told otherwise.
    public init(context: Int? = nil, legend: Bool = true, glyphs: Bool? = nil, layout: LayoutEngine = .dot, title: String? = nil) {
        self.context = context
        self.legend = legend
        self.glyphs = glyphs
        self.layout = layout
        self.title = title
    }
}

extension LoadedGraph {
    /// The union of this graph (before) and another (after) as a diagram: every node and edge of either side
    /// (a typed ecosystem's edges as written, a generic graph's as read), styled by kind and role as in
    /// `diagram(_:theme:)`, with the diff marked:
    ///
    /// - **added** nodes get a thick border, and added edges their line, in `Theme.addedColor`;
    /// - **removed** nodes are drawn in `Theme.removedNode`'s colours with a dashed outline, removed edges
    ///   dashed in its border colour;
    /// - **changed** nodes get a thick border, and changed edges their line, in `Theme.changedColor`; their
    ///   tooltips list each changed field with its values before and after.
    ///
    /// Node names are node ids, each node's `class` is `kind-<kind>` plus `added`, `removed` or `changed`, each
    /// edge's `role-<role> kind-<kind>` plus the same marks, as in `diagram(_:theme:)`. The facts are matched as
    /// `EcosystemDiff` matches them (`DiffFacts.comparable`).
    ///
    /// - Throws: `AnalysisError.invalidParameter` for a negative `context`.
    /// - Complexity: `O((n + m) log (n + m))` for the union, plus `O(n + m)` for the context.
    public func diffDiagram(to after: LoadedGraph, options: DiffDiagramOptions = .init(), theme: Theme = .default) throws(AnalysisError) -> DOTGraph {
        if let context = options.context, context < 0 {
            throw .invalidParameter(.context, value: "\(context)", expected: "0 or more")
        }
        let facts = DiffFacts.comparable(before: self, after: after)
        let union = DiffUnion(before: facts.before, after: facts.after)
        let schemaBefore = ecosystem?.schema, schemaAfter = after.ecosystem?.schema

        // MARK: Context
        var kept = Set(union.nodes.map(\.fact.id))
        if let context = options.context {
            var neighbours: [String: [String]] = [:]
            var distance: [String: Int] = [:]
            var queue: [String] = []
            func seed(_ id: String) { if distance[id] == nil { distance[id] = 0; queue.append(id) } }
            for item in union.nodes where item.status != .unchanged { seed(item.fact.id) }
            for item in union.edges {
                neighbours[item.fact.from, default: []].append(item.fact.to)
                neighbours[item.fact.to, default: []].append(item.fact.from)
                if item.status != .unchanged { seed(item.fact.from); seed(item.fact.to) }
            }
            var head = 0
            while head < queue.count {
                let u = queue[head]
                head += 1
                guard distance[u]! < context else { continue }
                for v in neighbours[u] ?? [] where distance[v] == nil {
                    distance[v] = distance[u]! + 1
                    queue.append(v)
                }
            }
            kept = Set(distance.keys)
        }

        // MARK: Nodes
        let glyphs = options.glyphs ?? theme.glyphs
        let name = (after.ecosystem ?? ecosystem).flatMap { $0.name.isEmpty ? nil : $0.name } ?? "ecograph"
        var dot = DOTGraph(name: name, isDirected: after.table.isDirected || table.isDirected)
        var kindsShown: [String] = []
        var marksShown = Set<String>()
        for item in union.nodes where kept.contains(item.fact.id) {
            let node = item.fact
            if let kind = node.kind, !kindsShown.contains(kind) { kindsShown.append(kind) }
            var style = theme.style(forNodeKind: node.kind)
            let glyph = glyphs ? style.glyph : ""
            var attributes: DOTAttributes = [
                "label": .text(glyph.isEmpty ? node.label : glyph + " " + node.label),
                "tooltip": .text(Self.tooltipText(Self.diffTooltip(node.label + (node.kind.map { " (\($0))" } ?? ""), id: node.id == node.label ? nil : node.id,
                                                                   status: item.status, sources: node.sources))),
            ]
            var classes = ["kind-" + Self.cssName(node.kind ?? "none")]
            var border = style.borderColor
            switch item.status {
            case .unchanged:
                break
            case .added:
                border = theme.addedColor
                attributes["penwidth"] = "3"
                classes.append("added")
            case .removed:
                style = theme.removedNode.applying(shape: style.shape)
                border = style.borderColor
                attributes["style"] = "filled,dashed"
                attributes["penwidth"] = "1.5"
                classes.append("removed")
            case .changed:
                border = theme.changedColor
                attributes["penwidth"] = "3"
                classes.append("changed")
            }
            if let mark = classes.dropFirst().first { marksShown.insert(mark) }
            attributes["shape"] = .literal(style.shape)
            attributes["fillcolor"] = .literal(style.fillColor)
            attributes["color"] = .literal(border)
            attributes["fontcolor"] = .literal(style.fontColor)
            attributes["class"] = .literal(classes.joined(separator: " "))
            dot.nodes.append(DOTGraph.Node(node.id, attributes))
        }

        // MARK: Edges
        let labels = Dictionary(union.nodes.map { ($0.fact.id, $0.fact.label) }, uniquingKeysWith: { first, _ in first })
        var rolesShown: [String] = []
        for item in union.edges where kept.contains(item.fact.from) && kept.contains(item.fact.to) {
            let edge = item.fact
            let schema = item.status == .removed ? schemaBefore ?? schemaAfter : schemaAfter ?? schemaBefore
            let role = edge.kind.flatMap { schema?.edgeKind($0)?.role.name }
            if let role, !rolesShown.contains(role) { rolesShown.append(role) }
            let style = theme.resolvedStyle(forEdgeKind: edge.kind, role: role)
            var attributes: DOTAttributes = [
                "style": .literal(style.style), "color": .literal(style.color),
                "penwidth": .literal(Self.number(style.penWidth)), "arrowhead": .literal(style.arrowhead),
            ]
            var classes = ["role-" + Self.cssName(role ?? "edge")]
            if let kind = edge.kind { classes.append("kind-" + Self.cssName(kind)) }
            switch item.status {
            case .unchanged:
                break
            case .added:
                attributes["color"] = .literal(theme.addedColor)
                attributes["penwidth"] = .literal(Self.number(max(2.5, style.penWidth * 1.5)))
                classes.append("added")
            case .removed:
                attributes["color"] = .literal(theme.removedNode.borderColor)
                attributes["style"] = "dashed"
                classes.append("removed")
            case .changed:
                attributes["color"] = .literal(theme.changedColor)
                attributes["penwidth"] = .literal(Self.number(max(2.5, style.penWidth * 1.5)))
                classes.append("changed")
            }
            if item.status != .unchanged { marksShown.insert(classes.last!) }
            let arrow = dot.isDirected ? " → " : " — "
            let heading = (labels[edge.from] ?? edge.from) + arrow + (labels[edge.to] ?? edge.to) + (edge.kind.map { " (\($0))" } ?? "")
            attributes["tooltip"] = .text(Self.tooltipText(Self.diffTooltip(heading, id: edge.id, status: item.status, sources: edge.sources)))
            attributes["class"] = .literal(classes.joined(separator: " "))
            dot.edges.append(DOTGraph.Edge(edge.from, edge.to, attributes))
        }

        // MARK: Graph attributes and legend
        var title = options.title ?? DiffSide.heading(DiffSide(name: self.name, asOf: filter.asOf), DiffSide(name: after.name, asOf: after.filter.asOf))
        if !union.nodes.contains(where: { $0.status != .unchanged }) && !union.edges.contains(where: { $0.status != .unchanged }) {
            title += title.isEmpty ? "No changes" : " (no changes)"
        }
        Self.setGraphAttributes(of: &dot, title: title.isEmpty ? nil : title, layout: options.layout, theme: theme)
        if options.legend {
            dot.legend = diffLegend(kinds: kindsShown, roles: rolesShown, marks: marksShown, glyphs: glyphs, theme: theme,
                                    taken: Set(dot.nodes.map(\.id)))
        }
        return dot
    }

    /// A tooltip: the heading, the id, what happened, each changed field with its values, the sources.
    static func diffTooltip(_ heading: String, id: String?, status: DiffStatus, sources: [String]) -> String {
        var lines = [heading]
        if let id { lines.append("id: " + id) }
        switch status {
        case .unchanged: break
        case .added: lines.append("added")
        case .removed: lines.append("removed")
        case .changed(let changes):
            lines.append("changed:")
            for change in changes.prefix(12) {
                lines.append("  \(change.field): \(change.before ?? "(none)") → \(change.after ?? "(none)")")
            }
            if changes.count > 12 { lines.append("  +\(changes.count - 12) more") }
        }
        if !sources.isEmpty { lines.append("sources: " + sources.joined(separator: ", ")) }
        return lines.joined(separator: "\n")
    }

    /// The key, as one node with an HTML-like table: the node kinds shown, the edge roles shown, and the
    /// diff's marks in use (added, removed, changed).
    private func diffLegend(kinds: [String], roles: [String], marks: Set<String>, glyphs: Bool, theme: Theme, taken: Set<String>) -> DOTGraph.Cluster? {
        func escaped(_ text: String) -> String { DOTGraph.htmlEscaped(text) }
        var rows: [String] = []
        for kind in kinds {
            let style = theme.style(forNodeKind: kind)
            let glyph = glyphs && !style.glyph.isEmpty ? escaped(style.glyph) + " " : ""
            rows.append("<TR><TD BGCOLOR=\"\(escaped(style.fillColor))\" COLOR=\"\(escaped(style.borderColor))\" BORDER=\"1\" ALIGN=\"LEFT\">"
                + "<FONT COLOR=\"\(escaped(style.fontColor))\">\(glyph)\(escaped(kind))</FONT></TD></TR>")
        }
        for role in roles.sorted() {
            let style = theme.resolvedStyle(forEdgeKind: nil, role: role)
            let line = style.style == "dashed" ? "╍╍╍╍" : style.style == "dotted" ? "┈┈┈┈" : style.style == "bold" ? "━━━━" : "────"
            rows.append("<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"\(escaped(style.color))\">\(line)▶</FONT> "
                + "<FONT COLOR=\"\(escaped(theme.textColor))\">\(escaped(role))</FONT></TD></TR>")
        }
        let samples: [(String, String, String)] = [("added", theme.addedColor, "────▶"), ("removed", theme.removedNode.borderColor, "╍╍╍╍▶"),
                                                   ("changed", theme.changedColor, "────▶")]
        for (mark, color, line) in samples where marks.contains(mark) {
            rows.append("<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"\(escaped(color))\">\(line)</FONT> "
                + "<FONT COLOR=\"\(escaped(theme.textColor))\">\(mark)</FONT></TD></TR>")
        }
        guard !rows.isEmpty else { return nil }
        let table = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"3\">"
            + "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"\(escaped(theme.textColor))\" POINT-SIZE=\"12\"><B>Legend</B></FONT></TD></TR>"
            + rows.joined() + "</TABLE>"
        var name = "legend key"
        while taken.contains(name) { name += "'" }
        let node = DOTGraph.Node(name, ["label": .html(table), "shape": "plain", "style": "", "class": "legend", "tooltip": "Legend"])
        return DOTGraph.Cluster(id: "legend", label: "", attributes: ["style": "rounded", "color": .literal(theme.cluster.borderColor), "class": "legend"],
                                nodes: [node])
    }
}
