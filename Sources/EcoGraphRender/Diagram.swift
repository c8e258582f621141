import EcoGraphAnalysis
import EcoGraphKernel

/// What a diagram shows and how: the views (top-N, ego network, kinds, consumers), the scenario diff, sizing
/// and clustering. The defaults draw the whole graph, laid out by `dot` left to right, with a legend and the
/// top five chokepoints outlined.
public struct DiagramOptions: Sendable {
    /// Scale each node (width, height, font) by this measure (computed on the dependency view).
    public var sizeBy: CentralityMeasure?
    /// Group nodes into boxes by an attribute (`country`, `region`, ...; `kind` groups by node kind). A value
    /// that is a node id is labelled with that node's label, and that node joins its own box.
    public var clusterBy: String?
    /// Keep the N nodes ranked highest by `sizeBy` (`CentralityMeasure.defaultRanking` when `sizeBy` is nil or
    /// an edge measure).
    public var top: Int?
    /// Keep the ego network of this node id: nodes within `depth` hops in either direction (edges as drawn).
    public var focus: String?
    /// The radius of the ego network around `focus`, in hops (default 1).
    public var depth: Int
    /// Keep only nodes of these kinds (empty: all).
    public var kinds: [String]
    /// Keep only these consumers and what they depend on (directly or not).
    public var consumers: NodeSelection?
    /// Draw the scenario's diff: removed nodes greyed with a dashed outline, lost dependencies in red.
    public var scenario: Scenario?
    /// Outline this many top chokepoints (by impact over `consumers`); 0 for none.
    public var chokepoints: Int
    /// Whether to draw a legend of the node kinds and edge roles shown.
    public var legend: Bool
    /// Prefix labels with their kind's glyph; `nil` follows the theme.
    public var glyphs: Bool?
    /// The engine the diagram will be laid out with: graph attributes are tuned for it (rank direction and
    /// spacing for `dot`, overlap removal and spline routing for the others).
    public var layout: LayoutEngine
    /// A title drawn above the diagram; `nil`: the ecosystem's name, if any.
    public var title: String?

    /// Options for the whole graph, laid out by `dot`, with a legend and five chokepoints outlined, unless told otherwise.
    public init(sizeBy: CentralityMeasure? = nil, clusterBy: String? = nil, top: Int? = nil, focus: String? = nil,
                depth: Int = 1, kinds: [String] = [], consumers: NodeSelection? = nil, scenario: Scenario? = nil,
                chokepoints: Int = 5, legend: Bool = true, glyphs: Bool? = nil, layout: LayoutEngine = .dot,
                title: String? = nil) {
        self.sizeBy = sizeBy
        self.clusterBy = clusterBy
        self.top = top
        self.focus = focus
        self.depth = depth
        self.kinds = kinds
        self.consumers = consumers
        self.scenario = scenario
        self.chokepoints = chokepoints
        self.legend = legend
        self.glyphs = glyphs
        self.layout = layout
        self.title = title
    }
}

extension LoadedGraph {
    /// The graph as a diagram to render (`DOTGraph.text`, then `GraphvizRenderer.render`).
    ///
    /// A typed ecosystem is drawn with every edge as written (`EcosystemView.asWritten`), each styled by its
    /// kind's role (dependency, restriction, influence); analyses (sizes, top-N, consumers, chokepoints,
    /// scenarios) run on the dependency view. A generic graph is drawn with its edges.
    ///
    /// In the output, node names are the node ids (Graphviz writes each as the SVG node's `<title>`), each
    /// node's `class` is `kind-<kind>` (Graphviz's SVG reads `class="node kind-<kind>"`; a kind's characters
    /// other than letters, digits, `-` and `_` become `_`), each edge's `class` is `role-<role> kind-<kind>`, and
    /// tooltips hold the label, kind, id and sources. No user string is put into a URL-like attribute.
    /// Views apply in this order: kinds, consumers, focus, top.
    ///
    /// - Throws: `AnalysisError` for an unknown focus id, kind, consumer selection, cluster attribute or
    ///   scenario id, or when a measure fails.
    /// - Complexity: `O(n + m)` plus the analyses asked for (a centrality measure, chokepoints, a scenario).
    public func diagram(_ options: DiagramOptions = .init(), theme: Theme = .default) throws(AnalysisError) -> DOTGraph {
        // Drawn edges: as written for ecosystems. Analyses: on the dependency view. Node indices agree.
        let drawn = projected(to: .asWritten)
        let analysis = projected(to: .dependency)
        let n = nodeCount
        let schema = ecosystem?.schema

        // MARK: Views
        var kept = [Bool](repeating: true, count: n)
        if !options.kinds.isEmpty {
            for kind in options.kinds where !(0 ..< n).contains(where: { self.kind($0) == kind }) {
                throw .unknownNodeKind(kind)
            }
            let kinds = Set(options.kinds)
            for v in 0 ..< n where !kinds.contains(self.kind(v) ?? "") { kept[v] = false }
        }
        if let consumers = options.consumers {
            let g = analysis.graph
            var reached = [Bool](repeating: false, count: n)
            var stack = try analysis.nodes(in: consumers)
            for c in stack { reached[c] = true }
            while let u = stack.popLast() {
                for arc in g.outArcs(u) {
                    let v = Int(g.outTargets[arc])
                    if !reached[v] { reached[v] = true; stack.append(v) }
                }
            }
            for v in 0 ..< n where !reached[v] { kept[v] = false }
        }
        if let focus = options.focus {
            guard let center = nodeIndex()[focus] else { throw .unknownNode(focus) }
            guard options.depth >= 0 else { throw .invalidParameter(.depth, value: "\(options.depth)", expected: "0 or more") }
            let g = drawn.graph
            var distance = [Int](repeating: -1, count: n)
            distance[center] = 0
            var queue = [center], head = 0
            while head < queue.count {
                let u = queue[head]
                head += 1
                if distance[u] == options.depth { continue }
                for v in g.outArcs(u).map({ Int(g.outTargets[$0]) }) + g.inArcs(u).map({ Int(g.inSources[$0]) }) where distance[v] < 0 {
                    distance[v] = distance[u] + 1
                    queue.append(v)
                }
            }
            for v in 0 ..< n where distance[v] < 0 { kept[v] = false }
        }
        let needsScores = options.sizeBy != nil || options.top != nil
        var scores: [Double]? = nil
        if needsScores {
            let measure = options.sizeBy.flatMap { $0.scoresEdges ? nil : $0 } ?? CentralityMeasure.defaultRanking
            scores = try analysis.centralityScores(measure)
        }
        if let top = options.top, let scores {
            guard top >= 1 else { throw .invalidParameter(.top, value: "\(top)", expected: "1 or more") }
            let ranked = (0 ..< n).filter { kept[$0] }.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : id($0) < id($1) }
            for v in ranked.dropFirst(top) { kept[v] = false }
        }

        // MARK: Scenario and chokepoints
        var removed = Set<Int>()
        var lostProviders = Set<Int>()
        var cutPairs = Set<[Int]>()
        var applied = Set<String>()
        if let scenario = options.scenario {
            let resolved = try analysis.resolve(scenario)
            removed = Set(resolved.removedNodes)
            let g = analysis.graph
            for e in resolved.removedEdges { cutPairs.insert([Int(g.edgeSources[e]), Int(g.edgeTargets[e])]) }
            let result = try analysis.whatIf(scenario, options: ChokepointOptions(consumers: options.consumers ?? .all), rankingSize: 0)
            let index = nodeIndex()
            for consumer in result.affected { for lost in consumer.lost { if let v = index[lost] { lostProviders.insert(v) } } }
            applied = Set(scenario.apply)
        }
        var chokepoints = Set<Int>()
        if options.chokepoints > 0 {
            if let report = try? analysis.chokepoints(ChokepointOptions(consumers: options.consumers ?? .all, detailLimit: 0)) {
                for entry in report.chokepoints.prefix(options.chokepoints) where entry.impact > 0 { chokepoints.insert(entry.node) }
            }
        }

        // MARK: Nodes
        let glyphs = options.glyphs ?? theme.glyphs
        var dot = DOTGraph(name: ecosystem?.name.isEmpty == false ? ecosystem!.name : "ecograph", isDirected: drawn.table.isDirected)
        let keptNodes = (0 ..< n).filter { kept[$0] }
        var sizeFactor = [Double](repeating: 0, count: n)
        if options.sizeBy != nil, let scores {
            let values = keptNodes.map { scores[$0] }.filter(\.isFinite)
            let low = values.min() ?? 0, high = values.max() ?? 0
            for v in keptNodes where scores[v].isFinite && high > low { sizeFactor[v] = (scores[v] - low) / (high - low) }
        }
        var kindsShown: [String] = []
        for v in keptNodes {
            let kind = self.kind(v)
            if let kind, !kindsShown.contains(kind) { kindsShown.append(kind) }
            var style = theme.style(forNodeKind: kind)
            var attributes: DOTAttributes = [:]
            let glyph = glyphs ? style.glyph : ""
            attributes["label"] = .text(glyph.isEmpty ? label(v) : glyph + " " + label(v))
            attributes["tooltip"] = .text(Self.tooltipText(tooltip(of: v)))
            attributes["class"] = .literal("kind-" + Self.cssName(kind ?? "none"))
            if removed.contains(v) {
                style = theme.removedNode.applying(shape: style.shape)
                attributes["style"] = "filled,dashed"
                attributes["class"] = .literal("kind-" + Self.cssName(kind ?? "none") + " removed")
            } else if lostProviders.contains(v) {
                attributes["class"] = .literal("kind-" + Self.cssName(kind ?? "none") + " lost")
            }
            attributes["shape"] = .literal(style.shape)
            attributes["fillcolor"] = .literal(style.fillColor)
            attributes["color"] = .literal(lostProviders.contains(v) && !removed.contains(v) ? theme.lostColor : style.borderColor)
            attributes["fontcolor"] = .literal(style.fontColor)
            if lostProviders.contains(v) && !removed.contains(v) { attributes["penwidth"] = "2" }
            if chokepoints.contains(v) {
                attributes["penwidth"] = .literal(Self.number(theme.chokepoint.penWidth))
                if !lostProviders.contains(v) || removed.contains(v) { attributes["color"] = .literal(theme.chokepoint.color) }
                attributes["class"] = .literal((attributes["class"].flatMap { if case .literal(let c) = $0 { c } else { nil } } ?? "") + " chokepoint")
            }
            if options.sizeBy != nil {
                let f = sizeFactor[v]
                attributes["fontsize"] = .literal(Self.number(10 + 12 * f))
                attributes["width"] = .literal(Self.number(0.6 + 1.6 * f))
                attributes["height"] = .literal(Self.number(0.35 + 0.8 * f))
            }
            dot.nodes.append(DOTGraph.Node(id(v), attributes))
        }

        // MARK: Edges
        let edgeTable = drawn.table
        var rolesShown: [String] = []
        var anyLost = false
        for e in 0 ..< edgeTable.edgeCount {
            let u = Int(edgeTable.sources[e]), v = Int(edgeTable.targets[e])
            guard kept[u], kept[v] else { continue }
            let edgeKind = edgeTable.edgeKinds.map { edgeTable.edgeKindNames[Int($0[e])] }
            var role: String? = nil
            var dependencyPair: [Int]? = nil
            var edgeID: String? = nil
            if let schema, let edgeKind, let kindInfo = schema.edgeKind(edgeKind) {
                role = kindInfo.role.name
                if let dependent = kindInfo.dependent { dependencyPair = dependent == .source ? [u, v] : [v, u] }
                if let origins = drawn.edgeOrigins { edgeID = ecosystem?.edges[origins[e]].id }
            } else if ecosystem == nil {
                dependencyPair = [u, v]
            }
            if let role, !rolesShown.contains(role) { rolesShown.append(role) }
            let style = theme.resolvedStyle(forEdgeKind: edgeKind, role: role)
            var attributes: DOTAttributes = [
                "style": .literal(style.style), "color": .literal(style.color),
                "penwidth": .literal(Self.number(style.penWidth)), "arrowhead": .literal(style.arrowhead),
            ]
            var classes = ["role-" + Self.cssName(role ?? "edge")]
            if let edgeKind { classes.append("kind-" + Self.cssName(edgeKind)) }
            let arrow = drawn.table.isDirected ? " → " : " — "
            attributes["tooltip"] = .text(Self.tooltipText(label(u) + arrow + label(v) + (edgeKind.map { " (\($0))" } ?? "")))
            if removed.contains(u) || removed.contains(v) {
                attributes["color"] = .literal(theme.removedNode.borderColor)
                attributes["style"] = "dashed"
                classes.append("removed")
            }
            if let pair = dependencyPair, cutPairs.contains(pair) || (lostProviders.contains(pair[1]) && !removed.contains(pair[0])) {
                attributes["color"] = .literal(theme.lostColor)
                attributes["penwidth"] = .literal(Self.number(max(2, style.penWidth * 1.5)))
                attributes["style"] = cutPairs.contains(pair) ? "dashed" : "solid"
                classes.append(cutPairs.contains(pair) ? "cut" : "lost")
                anyLost = true
            }
            if let edgeID, applied.contains(edgeID) {
                attributes["penwidth"] = .literal(Self.number(max(3, style.penWidth * 2)))
                classes.append("applied")
            }
            attributes["class"] = .literal(classes.joined(separator: " "))
            dot.edges.append(DOTGraph.Edge(id(u), id(v), attributes))
        }

        // MARK: Clusters
        if let attribute = options.clusterBy {
            dot.clusters = try clusters(by: attribute, kept: keptNodes, theme: theme)
        }

        // MARK: Graph attributes and legend
        Self.setGraphAttributes(of: &dot, title: options.title ?? (ecosystem?.name.isEmpty == false ? ecosystem!.name : nil),
                                layout: options.layout, theme: theme)
        if options.legend {
            dot.legend = legend(kinds: kindsShown, roles: rolesShown, scenario: !removed.isEmpty, lost: anyLost,
                                chokepoints: !chokepoints.isEmpty, glyphs: glyphs, theme: theme, taken: Set(keptNodes.map(id)))
        }
        return dot
    }

    /// The graph attributes and node and edge defaults of every diagram: the theme's colours and font, a title
    /// when given, and spacing and routing tuned for the layout engine.
    static func setGraphAttributes(of dot: inout DOTGraph, title: String?, layout: LayoutEngine, theme: Theme) {
        dot.graphAttributes = [
            "bgcolor": .literal(theme.backgroundColor), "fontname": .literal(theme.fontName), "fontcolor": .literal(theme.textColor),
            "fontsize": "16", "pad": "0.3", "outputorder": "edgesfirst", "charset": "UTF-8",
        ]
        if let title { dot.graphAttributes["label"] = .text(title); dot.graphAttributes["labelloc"] = "t" }
        switch layout {
        case .dot:
            dot.graphAttributes.merge(["rankdir": "LR", "ranksep": "0.9", "nodesep": "0.12", "newrank": "true"])
        case .neato, .fdp, .sfdp:
            // `splines=true` (obstacle-avoiding routing) takes 15 s on the bundled graph; curved edges take 1 s.
            dot.graphAttributes.merge(["overlap": "prism", "splines": "curved", "sep": "+6", "K": "1.2"])
        case .circo, .twopi:
            dot.graphAttributes.merge(["overlap": "false", "splines": "curved", "ranksep": "2.5"])
        }
        dot.nodeDefaults = ["fontname": .literal(theme.fontName), "fontsize": "10", "style": "filled", "margin": "0.08,0.04", "height": "0.3"]
        dot.edgeDefaults = ["fontname": .literal(theme.fontName), "fontsize": "9", "arrowsize": "0.6", "fontcolor": .literal(theme.textColor)]
    }

    /// The tooltip of a node: label, kind, id, then its sources (typed ecosystems).
    private func tooltip(of v: Int) -> String {
        var lines = [label(v) + (kind(v).map { " (\($0))" } ?? "")]
        if label(v) != id(v) { lines.append("id: " + id(v)) }
        if let node = ecosystem?.nodes[v] {
            if !node.sources.isEmpty { lines.append("sources: " + node.sources.joined(separator: ", ")) }
            if let note = node.note { lines.append(note) }
        }
        return lines.joined(separator: "\n")
    }

    private func clusters(by attribute: String, kept: [Int], theme: Theme) throws(AnalysisError) -> [DOTGraph.Cluster] {
        var valueOf = [Int: String]()
        if attribute == "kind" {
            for v in kept { if let kind = kind(v) { valueOf[v] = kind } }
        } else {
            guard let ecosystem else { throw .noNodeAttributes }
            for v in kept {
                if let value = ecosystem.nodes[v].attributes[attribute] {
                    let text = value.strings.first ?? value.description
                    if !text.isEmpty { valueOf[v] = text }
                }
            }
            guard (0 ..< nodeCount).contains(where: { ecosystem.nodes[$0].attributes[attribute] != nil }) else {
                throw .unknownAttribute(attribute)
            }
            // A node named by a value joins its own box (a state among its companies).
            let values = Set(valueOf.values)
            for v in kept where valueOf[v] == nil && values.contains(id(v)) { valueOf[v] = id(v) }
        }
        let index = nodeIndex()
        var members = [String: [String]]()
        for v in kept { if let value = valueOf[v] { members[value, default: []].append(id(v)) } }
        return members.keys.sorted().enumerated().map { position, value in
            let label = attribute == "kind" ? value : index[value].map { self.label($0) } ?? value
            return DOTGraph.Cluster(
                id: "\(position)", label: label,
                attributes: ["style": "filled,rounded", "fillcolor": .literal(theme.cluster.fillColor),
                             "color": .literal(theme.cluster.borderColor), "fontcolor": .literal(theme.cluster.fontColor),
                             "class": .literal("cluster-" + Self.cssName(attribute))],
                members: members[value]!)
        }
    }

    /// The key, as one node with an HTML-like table (so it stays in one piece under every engine): a row per
    /// node kind shown (its colours and glyph), a row per edge role shown (its colour and a line drawn in
    /// box-drawing characters), and the highlights in use. Every name in it is HTML-escaped.
    private func legend(kinds: [String], roles: [String], scenario: Bool, lost: Bool, chokepoints: Bool, glyphs: Bool,
                        theme: Theme, taken: Set<String>) -> DOTGraph.Cluster? {
        func escaped(_ text: String) -> String { DOTGraph.htmlEscaped(text) }
        func line(_ style: String) -> String {
            switch style {
            case "dashed": "╍╍╍╍"
            case "dotted": "┈┈┈┈"
            case "bold": "━━━━"
            default: "────"
            }
        }
        var rows: [String] = []
        for kind in kinds {
            let style = theme.style(forNodeKind: kind)
            let glyph = glyphs && !style.glyph.isEmpty ? escaped(style.glyph) + " " : ""
            rows.append("<TR><TD BGCOLOR=\"\(escaped(style.fillColor))\" COLOR=\"\(escaped(style.borderColor))\" BORDER=\"1\" ALIGN=\"LEFT\">"
                + "<FONT COLOR=\"\(escaped(style.fontColor))\">\(glyph)\(escaped(kind))</FONT></TD></TR>")
        }
        var samples: [(String, Theme.EdgeStyle)] = roles.sorted().map { ($0, theme.resolvedStyle(forEdgeKind: nil, role: $0)) }
        if lost { samples.append(("lost dependency", Theme.EdgeStyle(style: "solid", color: theme.lostColor, penWidth: 2))) }
        for (label, style) in samples {
            rows.append("<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"\(escaped(style.color))\">\(line(style.style))▶</FONT> "
                + "<FONT COLOR=\"\(escaped(theme.textColor))\">\(escaped(label))</FONT></TD></TR>")
        }
        if scenario {
            let style = theme.removedNode
            rows.append("<TR><TD BGCOLOR=\"\(escaped(style.fillColor))\" COLOR=\"\(escaped(style.borderColor))\" BORDER=\"1\" STYLE=\"DASHED\" ALIGN=\"LEFT\">"
                + "<FONT COLOR=\"\(escaped(style.fontColor))\">removed</FONT></TD></TR>")
        }
        if chokepoints {
            rows.append("<TR><TD COLOR=\"\(escaped(theme.chokepoint.color))\" BORDER=\"3\" ALIGN=\"LEFT\">"
                + "<FONT COLOR=\"\(escaped(theme.textColor))\">top chokepoint</FONT></TD></TR>")
        }
        guard !rows.isEmpty else { return nil }
        let table = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"3\">"
            + "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"\(escaped(theme.textColor))\" POINT-SIZE=\"12\"><B>Legend</B></FONT></TD></TR>"
            + rows.joined() + "</TABLE>"
        // Legend node names hold a space, which ecosystem ids cannot; for generic graphs, a clash gets a suffix.
        var name = "legend key"
        while taken.contains(name) { name += "'" }
        let node = DOTGraph.Node(name, [
            "label": .html(table), "shape": "plain", "style": "", "class": "legend", "tooltip": "Legend",
        ])
        return DOTGraph.Cluster(id: "legend", label: "", attributes: ["style": "rounded", "color": .literal(theme.cluster.borderColor), "class": "legend"],
                                nodes: [node])
    }

    /// Tooltip text with a word joiner (U+2060, invisible) after each backslash: Graphviz expands `\G`, `\N`,
    /// `\E`, ... in tooltips even when the backslash is escaped, so a label holding `\G` would show the graph's name.
    static func tooltipText(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\u{2060}")
    }

    /// A CSS class name: letters, digits, `-` and `_` kept, anything else `_`.
    static func cssName(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar -> Character in
            let ok = ("a" ... "z").contains(scalar) || ("A" ... "Z").contains(scalar) || ("0" ... "9").contains(scalar) || scalar == "-" || scalar == "_"
            return ok ? Character(scalar) : "_"
        })
    }

    /// A number as DOT reads it, with at most 3 decimals and no exponent.
    static func number(_ x: Double) -> String {
        let rounded = (x * 1000).rounded() / 1000
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(rounded)
        if text.contains("e") { text = "0" }
        return text
    }
}

extension Theme.NodeStyle {
    /// This style with another shape (a removed node keeps its kind's shape).
    func applying(shape: String) -> Theme.NodeStyle {
        var style = self
        style.shape = shape
        return style
    }
}
