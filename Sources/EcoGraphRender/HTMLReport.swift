import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

// MARK: - Content

/// Everything an HTML report shows, as plain values: the analysis layer fills it in, `HTMLReport` lays it out.
///
/// Ids are node ids as users see them; scores are keyed by `Measure.key`. Nothing here is trusted: every
/// string may hold markup, and `HTMLReport.html(_:)` treats it as text.
public struct ReportContent: Sendable, Equatable {
    /// A centrality measure shown in the report.
    public struct Measure: Sendable, Equatable {
        /// The measure's spelling on the command line (`pagerank`, `in-degree`, ...); keys `Node.scores`.
        public var key: String
        /// A display name (`PageRank`).
        public var name: String
        /// One sentence on what a high score means.
        public var summary: String
        /// A measure's key, name and summary.
        public init(key: String, name: String, summary: String) {
            self.key = key
            self.name = name
            self.summary = summary
        }
    }

    /// A node or edge's citation, resolved against the references when it names one.
    public struct Citation: Sendable, Equatable {
        /// The citation as written: a reference key, `seed:L<n>`, or a URL.
        public var text: String
        /// The reference's key when the citation names one.
        public var key: String?
        /// The reference's title, when the citation is a reference key.
        public var title: String?
        /// The reference's publisher.
        public var publisher: String?
        /// The reference's date.
        public var date: String?
        /// Shown as a link only when it starts with `http://` or `https://`.
        public var url: String?
        /// A citation; the reference fields are set when it names a reference.
        public init(text: String, key: String? = nil, title: String? = nil, publisher: String? = nil, date: String? = nil, url: String? = nil) {
            self.text = text
            self.key = key
            self.title = title
            self.publisher = publisher
            self.date = date
            self.url = url
        }
    }

    /// A free attribute of a node, its value as text.
    public struct Attribute: Sendable, Equatable {
        /// The attribute's name.
        public var name: String
        /// The attribute's value as text.
        public var value: String
        /// An attribute.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// One node with everything the side panel shows.
    public struct Node: Sendable, Equatable {
        /// The node's id.
        public var id: String
        /// The node's label.
        public var label: String
        /// The node's kind, for typed ecosystems.
        public var kind: String?
        /// The node's attributes, sorted by name.
        public var attributes: [Attribute]
        /// The node's citations.
        public var sources: [Citation]
        /// Whether the node is inferred rather than stated by a source.
        public var inferred: Bool
        /// Free text.
        public var note: String?
        /// Scores by `Measure.key`; a measure that was skipped has no entry.
        public var scores: [String: Double]
        /// Chokepoint impact (lost consumer–provider pairs) and dependents; `nil` when the node has none.
        public var impact: Int?
        /// The consumers that reach the node, when it has any.
        public var dependents: Int?
        /// A node's row.
        public init(id: String, label: String, kind: String? = nil, attributes: [Attribute] = [], sources: [Citation] = [],
                    inferred: Bool = false, note: String? = nil, scores: [String: Double] = [:], impact: Int? = nil, dependents: Int? = nil) {
            self.id = id
            self.label = label
            self.kind = kind
            self.attributes = attributes
            self.sources = sources
            self.inferred = inferred
            self.note = note
            self.scores = scores
            self.impact = impact
            self.dependents = dependents
        }
    }

    /// An edge as the file gives it (for the side panel's relations).
    public struct Edge: Sendable, Equatable {
        /// The source node's id.
        public var from: String
        /// The target node's id.
        public var to: String
        /// The edge's kind, when it has one.
        public var kind: String?
        /// An edge.
        public init(from: String, to: String, kind: String? = nil) {
            self.from = from
            self.to = to
            self.kind = kind
        }
    }

    /// One row of a ranking.
    public struct RankingEntry: Sendable, Equatable {
        /// Competition rank ("1224").
        public var rank: Int
        /// The node, or for an edge measure the edge's source.
        public var id: String
        /// For an edge measure, the edge's target.
        public var target: String?
        /// The node's label (for an edge, both labels).
        public var label: String
        /// The score.
        public var score: Double
        /// A ranking row.
        public init(rank: Int, id: String, target: String? = nil, label: String, score: Double) {
            self.rank = rank
            self.id = id
            self.target = target
            self.label = label
            self.score = score
        }
    }

    /// The top of one centrality measure.
    public struct Ranking: Sendable, Equatable {
        /// The measure ranked.
        public var measure: Measure
        /// Whether the rows are edges.
        public var scoresEdges: Bool
        /// The top rows, highest score first.
        public var entries: [RankingEntry]
        /// A ranking.
        public init(measure: Measure, scoresEdges: Bool = false, entries: [RankingEntry]) {
            self.measure = measure
            self.scoresEdges = scoresEdges
            self.entries = entries
        }
    }

    /// How much one consumer loses.
    public struct Loss: Sendable, Equatable {
        /// The consumer's id.
        public var consumer: String
        /// How many providers it loses (under the cascade model: 1, the consumer fails).
        public var count: Int
        /// The lost providers' ids (may be empty when only the count is known).
        public var lost: [String]
        /// A consumer's loss.
        public init(consumer: String, count: Int, lost: [String] = []) {
            self.consumer = consumer
            self.count = count
            self.lost = lost
        }
    }

    /// A row of the chokepoints table.
    public struct Chokepoint: Sendable, Equatable {
        /// The node's id.
        public var id: String
        /// The node's label.
        public var label: String
        /// The node's kind, for typed ecosystems.
        public var kind: String?
        /// The node's impact (see `ChokepointEntry.impact` in EcoGraph).
        public var impact: Int
        /// The consumers other than the node that reach it.
        public var dependents: Int
        /// The most affected consumers (a few), most affected first.
        public var consumers: [Loss]
        /// How many consumers lose something in all.
        public var affectedConsumers: Int
        /// A chokepoint row.
        public init(id: String, label: String, kind: String? = nil, impact: Int, dependents: Int, consumers: [Loss] = [], affectedConsumers: Int = 0) {
            self.id = id
            self.label = label
            self.kind = kind
            self.impact = impact
            self.dependents = dependents
            self.consumers = consumers
            self.affectedConsumers = affectedConsumers
        }
    }

    /// What one what-if scenario breaks.
    public struct ScenarioOutcome: Sendable, Equatable {
        /// The scenario's name.
        public var name: String
        /// What the scenario stands for.
        public var description: String
        /// Removed node ids.
        public var removed: [String]
        /// Cut dependencies as `[dependent, dependency]` id pairs.
        public var cutDependencies: [[String]]
        /// The (consumer, provider) pairs lost (reach), or the consumers failed (cascade).
        public var lostPairs: Int
        /// Affected consumers, most affected first, with what each loses.
        public var affected: [Loss]
        /// A scenario's outcome.
        public init(name: String, description: String = "", removed: [String] = [], cutDependencies: [[String]] = [],
                    lostPairs: Int, affected: [Loss] = []) {
            self.name = name
            self.description = description
            self.removed = removed
            self.cutDependencies = cutDependencies
            self.lostPairs = lostPairs
            self.affected = affected
        }
    }

    /// A public source and what cites it.
    public struct Reference: Sendable, Equatable {
        /// The reference's key.
        public var key: String
        /// The reference's title.
        public var title: String
        /// Who published it.
        public var publisher: String?
        /// When it was published.
        public var date: String?
        /// Where to read it.
        public var url: String?
        /// Ids of the nodes that cite it.
        public var citingNodes: [String]
        /// The edges that cite it, as `[from, to, kind]`.
        public var citingEdges: [[String]]
        /// A reference with what cites it.
        public init(key: String, title: String, publisher: String? = nil, date: String? = nil, url: String? = nil,
                    citingNodes: [String] = [], citingEdges: [[String]] = []) {
            self.key = key
            self.title = title
            self.publisher = publisher
            self.date = date
            self.url = url
            self.citingNodes = citingNodes
            self.citingEdges = citingEdges
        }
    }

    /// The report's title.
    public var title: String
    /// Who and what made the report (tool, version, input, view), shown under the title.
    public var generatedBy: String
    /// A paragraph about the graph (the ecosystem's description), may be empty.
    public var description: String
    /// The diagram as SVG text (Graphviz's output); sanitised before it is embedded.
    public var diagramSVG: String
    /// Whether the graph is directed.
    public var isDirected: Bool
    /// How many edges the analysed view has.
    public var edgeCount: Int
    /// The measures with per-node scores, in column order.
    public var measures: [Measure]
    /// Every node, in graph order.
    public var nodes: [Node]
    /// Every edge, as written.
    public var edges: [Edge]
    /// One ranking per measure computed.
    public var rankings: [Ranking]
    /// What was skipped or approximated, and why (one sentence each).
    public var notes: [String]
    /// The analysis settings behind chokepoints and scenarios (consumers, providers, model).
    public var analysis: String
    /// The number of consumers the chokepoint impacts sum over.
    public var consumerCount: Int
    /// Every node with dependents, by impact.
    public var chokepoints: [Chokepoint]
    /// Articulation points of the undirected view, by id.
    public var articulationPoints: [String]
    /// Dependency cycles, by id.
    public var cycles: [[String]]
    /// Each scenario's outcome, in order.
    public var scenarios: [ScenarioOutcome]
    /// The references; `nil` for a generic graph (no provenance section).
    public var references: [Reference]?

    /// The report's content; `LoadedGraph.reportContent` in EcoGraph fills it from a graph.
    public init(title: String, generatedBy: String, description: String = "", diagramSVG: String, isDirected: Bool = true,
                edgeCount: Int = 0, measures: [Measure] = [], nodes: [Node] = [], edges: [Edge] = [], rankings: [Ranking] = [],
                notes: [String] = [], analysis: String = "", consumerCount: Int = 0, chokepoints: [Chokepoint] = [],
                articulationPoints: [String] = [], cycles: [[String]] = [], scenarios: [ScenarioOutcome] = [],
                references: [Reference]? = nil) {
        self.title = title
        self.generatedBy = generatedBy
        self.description = description
        self.diagramSVG = diagramSVG
        self.isDirected = isDirected
        self.edgeCount = edgeCount
        self.measures = measures
        self.nodes = nodes
        self.edges = edges
        self.rankings = rankings
        self.notes = notes
        self.analysis = analysis
        self.consumerCount = consumerCount
        self.chokepoints = chokepoints
        self.articulationPoints = articulationPoints
        self.cycles = cycles
        self.scenarios = scenarios
        self.references = references
    }
}

// MARK: - The page

/// A self-contained HTML report: one file with the diagram inlined as sanitised SVG, the data as JSON, and
/// the CSS and JavaScript that lay it out (pan and zoom, a side panel per node, sortable tables, print styles).
///
/// The page fetches nothing: a `Content-Security-Policy` meta allows no origin at all, and the one style and
/// one script element only by their SHA-256 hashes (so neither `'unsafe-inline'` nor a nonce is needed, and an
/// injected script would not run even if escaping failed). Data reaches the page only as JSON in a
/// `<script type="application/json">` element with `<`, `>`, `&`, U+2028 and U+2029 escaped; the script builds
/// every element with `createElement`/`textContent` and links only `http(s)` URLs.
public enum HTMLReport {
    /// The report page for some content. Same content, same bytes.
    /// - Complexity: linear in the size of the content and the SVG.
    public static func html(_ content: ReportContent) -> String {
        let svg = sanitizedSVG(content.diagramSVG)
        let data = json(content, diagramAvailable: svg != nil)
        let styleHash = "sha256-" + Data(SHA256.hash(Array(stylesheet.utf8))).base64EncodedString()
        let scriptHash = "sha256-" + Data(SHA256.hash(Array(script.utf8))).base64EncodedString()
        let policy = "default-src 'none'; style-src '\(styleHash)'; script-src '\(scriptHash)'; img-src data:; "
            + "font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
        let title = escapeHTML(content.title)
        let subtitle = escapeHTML(content.generatedBy)
        let description = content.description.isEmpty ? "" : "<p class=\"lede print-only\">\(escapeHTML(content.description))</p>\n"
        var sections = ["<a href=\"#diagram\">Diagram</a>", "<a href=\"#rankings\">Rankings</a>", "<a href=\"#chokepoints\">Chokepoints</a>"]
        if !content.scenarios.isEmpty { sections.append("<a href=\"#scenarios\">Scenarios</a>") }
        sections.append("<a href=\"#nodes\">All nodes</a>")
        if content.references != nil { sections.append("<a href=\"#provenance\">Sources</a>") }

        var page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="\(policy)">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <meta name="generator" content="\(subtitle)">
        <title>\(title)</title>
        <style>\(stylesheet)</style>
        </head>
        <body>
        <header class="top">
        <div class="brand">EcoGraph report</div>
        <h1 id="ecograph-title">\(title)</h1>
        <p class="meta" id="ecograph-meta">\(subtitle)</p>
        </header>
        <nav class="toc" aria-label="Sections">\(sections.joined())<span class="toc-spacer"></span><span class="toc-hint">Click a node for details · wheel to zoom · drag to pan</span></nav>
        <main>
        \(description)<section id="diagram" class="workspace" aria-label="Diagram">
        <div class="stage">
        <div class="toolbar" id="ecograph-toolbar">
        <div class="search"><input type="search" id="ecograph-search" placeholder="Find a node…" autocomplete="off" aria-label="Find a node"><ul id="ecograph-search-results" class="search-results" hidden></ul></div>
        <button type="button" id="ecograph-zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>
        <button type="button" id="ecograph-zoom-out" title="Zoom out (−)" aria-label="Zoom out">−</button>
        <button type="button" id="ecograph-fit" title="Fit the whole graph (0)">Fit</button>
        <button type="button" id="ecograph-clear" title="Clear the selection and scenario highlight">Clear</button>
        </div>
        <div class="banner" id="ecograph-banner" hidden></div>
        <div class="diagram-area">
        <div class="legend" id="ecograph-legend" aria-label="Node kinds"></div>
        <div class="diagram" id="ecograph-diagram" tabindex="0" aria-label="Dependency diagram: drag to pan, wheel or +/− to zoom, click a node for details">
        """
        page += "\n"
        page += svg ?? "<p class=\"empty\">The diagram could not be embedded (its SVG did not parse).</p>"
        page += """

        </div>
        </div>
        </div>
        <aside class="panel" id="ecograph-panel" aria-live="polite"><p class="empty">Click a node in the diagram, or a name in any table, to see its scores, kind, attributes and sources.</p></aside>
        </section>
        <section id="rankings"><h2>Centrality rankings</h2><p class="section-note" id="ecograph-rankings-note"></p><div class="cards" id="ecograph-rankings"></div></section>
        <section id="chokepoints"><h2>Chokepoints</h2><p class="section-note" id="ecograph-chokepoints-note"></p><div id="ecograph-chokepoints"></div></section>

        """
        if !content.scenarios.isEmpty {
            page += "<section id=\"scenarios\"><h2>What-if scenarios</h2><p class=\"section-note\" id=\"ecograph-scenarios-note\"></p><div id=\"ecograph-scenarios\"></div></section>\n"
        }
        page += "<section id=\"nodes\"><h2>All nodes</h2><p class=\"section-note\" id=\"ecograph-nodes-note\"></p><div id=\"ecograph-nodes\"></div></section>\n"
        if content.references != nil {
            page += "<section id=\"provenance\"><h2>Sources</h2><p class=\"section-note\" id=\"ecograph-provenance-note\"></p><div id=\"ecograph-provenance\"></div></section>\n"
        }
        page += """
        </main>
        <footer><span>\(subtitle)</span><span>Self-contained: this file loads nothing from the network.</span></footer>
        <pre id="ecograph-status" hidden>{"ok":false,"errors":["the report's script did not run"]}</pre>
        <script type="application/json" id="ecograph-data">\(data)</script>
        <script>\(script)</script>
        </body>
        </html>

        """
        return page
    }

    /// Text for HTML element content and attribute values.
    static func escapeHTML(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and line feed have no business in a page.
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}

// MARK: - JSON

/// A JSON value written deterministically (keys in the order given), safe to embed in a `<script>` element.
enum ReportJSON {
    case string(String)
    case number(Double)
    case int(Int)
    case bool(Bool)
    case null
    case array([ReportJSON])
    case object([(String, ReportJSON)])

    static func optional(_ text: String?) -> ReportJSON { text.map(ReportJSON.string) ?? .null }
    static func strings(_ items: [String]) -> ReportJSON { .array(items.map(ReportJSON.string)) }

    func write(to out: inout String) {
        switch self {
        case .string(let s): Self.writeString(s, to: &out)
        case .number(let x):
            if !x.isFinite { out += "null" }
            else if x == x.rounded(), abs(x) < 1e15 { out += String(Int64(x)) }
            else { out += "\(x)" }
        case .int(let i): out += String(i)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let fields):
            out += "{"
            for (i, (key, value)) in fields.enumerated() {
                if i > 0 { out += "," }
                Self.writeString(key, to: &out)
                out += ":"
                value.write(to: &out)
            }
            out += "}"
        }
    }

    /// A JSON string literal in which `<`, `>`, `&`, U+2028 and U+2029 are `\u` escapes, so that no value can
    /// close the script element, open a comment, or end a JavaScript line.
    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    var text: String {
        var out = ""
        write(to: &out)
        return out
    }
}

extension HTMLReport {
    /// The content as the JSON the page's script reads (`diagramSVG` is not repeated: it is in the page).
    static func json(_ c: ReportContent, diagramAvailable: Bool = true) -> String {
        func citation(_ s: ReportContent.Citation) -> ReportJSON {
            .object([("text", .string(s.text)), ("key", .optional(s.key)), ("title", .optional(s.title)),
                     ("publisher", .optional(s.publisher)), ("date", .optional(s.date)), ("url", .optional(s.url))])
        }
        func loss(_ l: ReportContent.Loss) -> ReportJSON {
            .object([("id", .string(l.consumer)), ("count", .int(l.count)), ("lost", .strings(l.lost))])
        }
        func measure(_ m: ReportContent.Measure) -> ReportJSON {
            .object([("key", .string(m.key)), ("name", .string(m.name)), ("summary", .string(m.summary))])
        }
        let nodes: [ReportJSON] = c.nodes.map { n in
            .object([
                ("id", .string(n.id)), ("label", .string(n.label)), ("kind", .optional(n.kind)),
                ("attributes", .array(n.attributes.map { .array([.string($0.name), .string($0.value)]) })),
                ("sources", .array(n.sources.map(citation))),
                ("inferred", .bool(n.inferred)), ("note", .optional(n.note)),
                // In measure order, so the output does not depend on dictionary order.
                ("scores", .object(c.measures.compactMap { m in n.scores[m.key].map { (m.key, .number($0)) } })),
                ("impact", n.impact.map(ReportJSON.int) ?? .null), ("dependents", n.dependents.map(ReportJSON.int) ?? .null),
            ])
        }
        let root: ReportJSON = .object([
            ("format", .string("ecograph-report/1")),
            ("title", .string(c.title)),
            ("generatedBy", .string(c.generatedBy)),
            ("description", .string(c.description)),
            ("diagram", .bool(diagramAvailable)),
            ("directed", .bool(c.isDirected)),
            ("edgeCount", .int(c.edgeCount)),
            ("measures", .array(c.measures.map(measure))),
            ("nodes", .array(nodes)),
            ("edges", .array(c.edges.map { .object([("from", .string($0.from)), ("to", .string($0.to)), ("kind", .optional($0.kind))]) })),
            ("rankings", .array(c.rankings.map { r in
                .object([("measure", measure(r.measure)), ("edges", .bool(r.scoresEdges)),
                         ("entries", .array(r.entries.map { e in
                             .object([("rank", .int(e.rank)), ("id", .string(e.id)), ("target", .optional(e.target)),
                                      ("label", .string(e.label)), ("score", .number(e.score))])
                         }))])
            })),
            ("notes", .strings(c.notes)),
            ("analysis", .string(c.analysis)),
            ("consumerCount", .int(c.consumerCount)),
            ("chokepoints", .array(c.chokepoints.map { p in
                .object([("id", .string(p.id)), ("label", .string(p.label)), ("kind", .optional(p.kind)), ("impact", .int(p.impact)),
                         ("dependents", .int(p.dependents)), ("affected", .int(p.affectedConsumers)),
                         ("consumers", .array(p.consumers.map(loss)))])
            })),
            ("articulationPoints", .strings(c.articulationPoints)),
            ("cycles", .array(c.cycles.map(ReportJSON.strings))),
            ("scenarios", .array(c.scenarios.map { s in
                .object([("name", .string(s.name)), ("description", .string(s.description)), ("removed", .strings(s.removed)),
                         ("cut", .array(s.cutDependencies.map(ReportJSON.strings))), ("lostPairs", .int(s.lostPairs)),
                         ("affected", .array(s.affected.map(loss)))])
            })),
            ("references", c.references.map { refs in
                .array(refs.map { r in
                    .object([("key", .string(r.key)), ("title", .string(r.title)), ("publisher", .optional(r.publisher)),
                             ("date", .optional(r.date)), ("url", .optional(r.url)), ("nodes", .strings(r.citingNodes)),
                             ("edges", .array(r.citingEdges.map(ReportJSON.strings)))])
                })
            } ?? .null),
        ])
        return root.text
    }
}

// MARK: - SVG sanitising

extension HTMLReport {
    /// Graphviz's SVG reduced to what a diagram needs, re-serialised from a parse (never patched with
    /// regular expressions): the elements Graphviz draws with and their presentation attributes.
    ///
    /// Dropped: the XML prolog, DOCTYPE, comments and processing instructions; `script`, `style`,
    /// `foreignObject`, `image`, `use` and every other element not on the list (with everything inside);
    /// `on*` handlers, `style`, `href`, `xlink:*` and every other attribute not on the list; paint references
    /// other than `url(#local)`. `a` elements are unwrapped (their children kept). Element ids are prefixed
    /// `svg-` (and local references with them) so no id in the diagram can shadow one of the page's. The root's
    /// `width`/`height` are dropped so the page sizes the diagram; its `viewBox` is kept.
    /// - Returns: the SVG markup, or `nil` when the text is not well-formed XML or has no `svg` root.
    public static func sanitizedSVG(_ svg: String) -> String? {
        let sanitizer = SVGSanitizer()
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

    private(set) var output = ""
    private(set) var sawRoot = false
    private(set) var failed = false
    /// For each open element: whether it was written (and so needs a closing tag).
    private var written: [Bool] = []
    /// Depth inside a dropped element; nothing is written while positive.
    private var skipping = 0
    private var depth = 0

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
            guard let value = Self.clean(name, attributes[name]!, element: elementName, isRoot: depth == 1) else { continue }
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
    static func clean(_ name: String, _ value: String, element: String, isRoot: Bool) -> String? {
        guard attributes.contains(name) else { return nil }
        if isRoot, name == "width" || name == "height" { return nil }
        switch name {
        case "id":
            return "svg-" + value.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ".") }
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
            return "url(#svg-\(id))"
        }
        if lowered.contains("javascript:") || lowered.contains("expression(") { return nil }
        return value
    }
}

// MARK: - SHA-256

/// FIPS 180-4 SHA-256, for the Content-Security-Policy hashes of the page's own style and script.
enum SHA256 {
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The 32-byte digest of a message.
    /// - Complexity: `O(n)`.
    static func hash(_ message: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        var data = message
        let bitLength = UInt64(message.count) &* 8
        data.append(0x80)
        while data.count % 64 != 56 { data.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { data.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
        var w = [UInt32](repeating: 0, count: 64)
        for chunk in stride(from: 0, to: data.count, by: 64) {
            for i in 0 ..< 16 {
                let j = chunk + 4 * i
                w[i] = UInt32(data[j]) << 24 | UInt32(data[j + 1]) << 16 | UInt32(data[j + 2]) << 8 | UInt32(data[j + 3])
            }
            for i in 16 ..< 64 {
                let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
            for i in 0 ..< 64 {
                let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                let ch = (e & f) ^ (~e & g)
                let t1 = hh &+ s1 &+ ch &+ k[i] &+ w[i]
                let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                let maj = (a & b) ^ (a & c) ^ (b & c)
                let t2 = s0 &+ maj
                (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
            }
            h[0] = h[0] &+ a; h[1] = h[1] &+ b; h[2] = h[2] &+ c; h[3] = h[3] &+ d
            h[4] = h[4] &+ e; h[5] = h[5] &+ f; h[6] = h[6] &+ g; h[7] = h[7] &+ hh
        }
        return h.flatMap { word in (0 ..< 4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * UInt32($0))) } }
    }
}

// MARK: - Style

extension HTMLReport {
    /// The page's one stylesheet (allowed by its hash). Screen: header, a large pannable diagram beside a side
    /// panel, tables below; print: no controls, the whole diagram, every table unclipped.
    static let stylesheet = #"""
:root{--ink:#17202b;--muted:#5d6877;--faint:#8a94a3;--line:#e2e6ec;--bg:#f4f6f9;--card:#fff;--accent:#2f5bd3;--accent-soft:#e9effd;--red:#d6336c;--amber:#f08c00;--ok:#2b8a3e;--font:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,"Liberation Sans","DejaVu Sans",sans-serif;--mono:ui-monospace,"SFMono-Regular","DejaVu Sans Mono","Liberation Mono",Menlo,Consolas,monospace}
*{box-sizing:border-box}
[hidden]{display:none!important}
.print-only{display:none}
html{scroll-behavior:smooth;scroll-padding-top:52px}
body{margin:0;font:14px/1.5 var(--font);color:var(--ink);background:var(--bg);-webkit-font-smoothing:antialiased}
header.top{background:linear-gradient(120deg,#0f1b2d,#1c2f52);color:#f5f7fb;padding:12px 24px 11px}
.brand{font-size:11px;letter-spacing:.14em;text-transform:uppercase;color:#9fb3d1;font-weight:600}
h1{margin:1px 0 1px;overflow-wrap:anywhere;font-size:22px;line-height:1.25;font-weight:650;letter-spacing:-.01em}
.meta{margin:0;color:#c4d0e2;font-size:13px}
nav.toc{position:sticky;top:0;z-index:20;display:flex;align-items:center;gap:2px;background:rgba(255,255,255,.96);border-bottom:1px solid var(--line);padding:0 20px;box-shadow:0 1px 2px rgba(15,27,45,.04)}
nav.toc a{color:var(--muted);text-decoration:none;font-weight:560;font-size:13px;padding:11px 10px 9px;border-bottom:2px solid transparent}
nav.toc a:hover,nav.toc a:focus{color:var(--ink);border-bottom-color:var(--accent);outline:none}
.toc-spacer{flex:1}
.toc-hint{color:var(--faint);font-size:12px}
main{padding:14px 24px 48px;max-width:1880px;margin:0 auto}
.lede{margin:0 0 14px;color:var(--muted);max-width:1100px;font-size:13.5px}
section{margin:0 0 30px}
h2{font-size:18px;margin:0 0 4px;font-weight:650;letter-spacing:-.005em}
h3{font-size:14px;margin:0;font-weight:620}
.section-note{margin:0 0 12px;color:var(--muted);font-size:13px;max-width:1100px}
.workspace{display:grid;grid-template-columns:minmax(0,1fr) 380px;gap:14px;height:calc(100vh - 150px);min-height:560px}
.stage{display:flex;flex-direction:column;min-width:0;min-height:0;background:var(--card);border:1px solid var(--line);border-radius:12px;overflow:hidden;box-shadow:0 1px 3px rgba(15,27,45,.06)}
.toolbar{display:flex;align-items:center;gap:6px;padding:8px 10px;border-bottom:1px solid var(--line);background:#fbfcfd;flex-wrap:wrap}
.toolbar button,.btn{font:inherit;font-size:13px;min-width:32px;height:30px;padding:0 10px;border:1px solid #cfd6e0;border-radius:7px;background:#fff;color:var(--ink);cursor:pointer}
.toolbar button:hover,.btn:hover{border-color:var(--accent);color:var(--accent)}
.search{position:relative}
.search input{font:inherit;font-size:13px;width:220px;height:30px;padding:0 10px;border:1px solid #cfd6e0;border-radius:7px;background:#fff}
.search input:focus{outline:2px solid var(--accent-soft);border-color:var(--accent)}
.search-results{position:absolute;z-index:30;top:34px;left:0;width:320px;margin:0;padding:4px;list-style:none;background:#fff;border:1px solid var(--line);border-radius:8px;box-shadow:0 8px 24px rgba(15,27,45,.14)}
.search-results button{display:block;width:100%;text-align:left;border:0;background:none;padding:6px 8px;border-radius:6px;font:inherit;font-size:13px;cursor:pointer}
.search-results button:hover,.search-results button:focus{background:var(--accent-soft);outline:none}
.search-results small{color:var(--faint);margin-left:6px}
.diagram-area{position:relative;flex:1;min-height:0;display:flex;flex-direction:column}
.legend{position:absolute;z-index:5;left:10px;bottom:10px;max-width:calc(100% - 20px);display:flex;flex-wrap:wrap;gap:2px 4px;padding:5px 6px;font-size:12px;color:var(--muted);background:rgba(255,255,255,.92);border:1px solid var(--line);border-radius:9px;box-shadow:0 2px 8px rgba(15,27,45,.08)}
.legend button{height:auto;min-width:0;padding:2px 6px;border:1px solid transparent;background:none;font-size:12px;color:var(--muted)}
.legend button.on{border-color:var(--accent);color:var(--ink);background:var(--accent-soft)}
.swatch{display:inline-block;width:10px;height:10px;border-radius:3px;margin-right:5px;vertical-align:-1px;border:1px solid rgba(0,0,0,.25)}
.banner{padding:7px 12px;font-size:13px;background:#fff8e6;border-bottom:1px solid #f5d48a;display:flex;gap:12px;align-items:center;flex-wrap:wrap}
.banner b{font-weight:650}
.key-removed,.key-affected,.key-cut{display:inline-block;width:18px;height:4px;border-radius:2px;vertical-align:middle;margin-right:4px}
.key-removed{background:var(--red)}.key-affected{background:var(--amber)}.key-cut{background:repeating-linear-gradient(90deg,var(--red) 0 4px,transparent 4px 7px)}
.diagram{position:relative;flex:1;min-height:0;overflow:hidden;background:#fff;cursor:grab;touch-action:none}
.diagram:focus{outline:none;box-shadow:inset 0 0 0 2px var(--accent-soft)}
.diagram.dragging{cursor:grabbing}
.diagram svg{display:block;width:100%;height:100%;user-select:none;-webkit-user-select:none}
.diagram g.node{cursor:pointer}
.diagram g.node:hover ellipse,.diagram g.node:hover polygon,.diagram g.node:hover path{stroke-width:2.5px}
.diagram svg.focus g.node,.diagram svg.focus g.edge,.diagram svg.scenario g.node,.diagram svg.scenario g.edge,.diagram svg.kindfilter g.node{transition:opacity .15s}
.diagram svg.focus g.node:not(.sel):not(.nb),.diagram svg.focus g.edge:not(.nb){opacity:.14}
.diagram svg.kindfilter g.node:not(.kf){opacity:.14}
.diagram g.node.sel ellipse,.diagram g.node.sel polygon,.diagram g.node.sel path{stroke:var(--accent);stroke-width:4px}
.diagram g.edge.nb path{stroke-width:2px}
.diagram svg.scenario g.node:not(.sc-removed):not(.sc-affected){opacity:.22}
.diagram svg.scenario g.edge:not(.sc-cut){opacity:.16}
.diagram g.node.sc-removed ellipse,.diagram g.node.sc-removed polygon,.diagram g.node.sc-removed path{stroke:var(--red);stroke-width:5px}
.diagram g.node.sc-affected ellipse,.diagram g.node.sc-affected polygon,.diagram g.node.sc-affected path{stroke:var(--amber);stroke-width:5px}
.diagram g.edge.sc-cut path{stroke:var(--red);stroke-width:2.5px;stroke-dasharray:5 4}
.diagram g.edge.sc-cut polygon{fill:var(--red);stroke:var(--red)}
.zoom-level{margin-left:auto;color:var(--faint);font-size:12px;font-variant-numeric:tabular-nums}
.panel{background:var(--card);border:1px solid var(--line);border-radius:12px;overflow:auto;overflow-wrap:anywhere;padding:16px 18px 20px;box-shadow:0 1px 3px rgba(15,27,45,.06)}
.panel .empty,.empty{color:var(--faint);font-size:13px}
.eyebrow{font-size:11px;text-transform:uppercase;letter-spacing:.1em;color:var(--accent);font-weight:650}
.hint{font-size:13px;color:var(--muted);margin:6px 0 0;padding:8px 10px;background:var(--accent-soft);border-radius:8px}
.desc{font-size:13px;color:var(--muted);line-height:1.5;margin:0}
ol.toplist{margin:0;padding:0 0 0 20px;font-size:13px}
ol.toplist li{margin:0 0 3px}
ol.toplist .row{display:flex;gap:10px;align-items:baseline}
ol.toplist .row .node-link{min-width:0}
ol.toplist .row .muted{margin-left:auto;font-variant-numeric:tabular-nums;white-space:nowrap}
.muted{color:var(--faint)}
.panel h2{font-size:19px;margin:4px 0 2px;line-height:1.25;word-break:break-word}
.panel h3{font-size:11px;text-transform:uppercase;letter-spacing:.1em;color:var(--faint);margin:18px 0 6px;font-weight:650}
.panel .idline{font-family:var(--mono);font-size:12px;color:var(--muted);word-break:break-all}
.badge{display:inline-flex;align-items:center;font-size:11px;font-weight:600;padding:1px 8px;border-radius:999px;background:#eef1f5;color:#3c4757;margin-right:4px}
.badge.warn{background:#fff3d6;color:#8a5a00}
.note{font-size:13px;color:var(--muted);margin:8px 0 0;padding:6px 10px;border-left:3px solid var(--line);background:#fafbfc}
.stats{display:grid;grid-template-columns:1fr 1fr;gap:8px;margin-top:12px}
.stat{border:1px solid var(--line);border-radius:9px;padding:8px 10px}
.stat .v{font-size:20px;font-weight:650;font-variant-numeric:tabular-nums;line-height:1.2}
.stat .l{font-size:11.5px;color:var(--muted)}
dl.attrs{display:grid;grid-template-columns:max-content 1fr;gap:3px 12px;margin:0;font-size:13px}
dl.attrs dt{color:var(--muted)}
dl.attrs dd{margin:0;word-break:break-word}
ul.plain{list-style:none;margin:0;padding:0}
ul.sources li{margin:0 0 8px;font-size:13px;line-height:1.4;word-break:break-word}
ul.sources .src-meta{display:block;color:var(--faint);font-size:12px}
ul.rel li{font-size:13px;margin:0 0 3px}
ul.rel .ek{color:var(--faint);font-size:12px;margin:0 4px}
code,.mono{font-family:var(--mono);font-size:12px}
a{color:var(--accent);text-decoration:none}
a:hover{text-decoration:underline}
.node-link{font:inherit;color:var(--accent);background:none;border:0;padding:0;cursor:pointer;text-align:left}
.node-link:hover{text-decoration:underline}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:14px;align-items:start}
table.data td.grow{max-width:0;width:100%}
table.data td.grow .node-link{display:block;max-width:100%;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.edge-cell{display:block}
.edge-cell .to{display:flex;gap:4px;min-width:0}
.edge-cell .arrow{color:var(--faint);flex:none}
.edge-cell .to .node-link{min-width:0}
.card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:12px 14px 10px;box-shadow:0 1px 2px rgba(15,27,45,.04);min-width:0}
.card p{margin:2px 0 8px;font-size:12px;color:var(--muted);line-height:1.4}
.box{background:var(--card);border:1px solid var(--line);border-radius:12px;box-shadow:0 1px 2px rgba(15,27,45,.04);overflow:hidden}
.scroll{max-height:520px;overflow:auto}
table.data{border-collapse:separate;border-spacing:0;width:100%;font-size:13px}
table.data th{position:sticky;top:0;z-index:1;background:#f7f9fb;text-align:left;font-weight:600;color:#3c4757;border-bottom:1px solid var(--line);padding:0;white-space:nowrap}
table.data th button{font:inherit;color:inherit;background:none;border:0;padding:7px 10px;width:100%;text-align:inherit;cursor:pointer}
table.data th button:hover{color:var(--accent)}
table.data th[aria-sort=ascending] button::after{content:" ▲";font-size:9px}
table.data th[aria-sort=descending] button::after{content:" ▼";font-size:9px}
table.data th.num{text-align:right}
table.data td{padding:5px 10px;border-bottom:1px solid #eef1f4;vertical-align:top}
table.data tr:last-child td{border-bottom:0}
table.data tbody tr:hover td{background:#f8faff}
table.data td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.data td.muted{color:var(--muted)}
table.compact td{padding:3px 6px}
table.compact th button{padding:5px 6px}
.bar{position:relative;display:flex;align-items:center;justify-content:flex-end;gap:6px}
.bar i{display:block;height:6px;border-radius:3px;background:linear-gradient(90deg,#8fa9ef,var(--accent));min-width:1px}
.chips{display:flex;flex-wrap:wrap;gap:4px}
.chip{font-size:12px;border:1px solid var(--line);border-radius:999px;padding:1px 8px;background:#fafbfc}
details.scenario{background:var(--card);border:1px solid var(--line);border-radius:12px;margin:10px 0;padding:0 14px}
details.scenario summary{cursor:pointer;padding:10px 0;font-weight:600}
details.scenario summary span{font-weight:400;color:var(--muted);margin-left:8px}
details.scenario[open] summary{border-bottom:1px solid var(--line);margin-bottom:10px}
details.scenario .inner{padding-bottom:12px}
.kv{font-size:13px;margin:4px 0}
.kv b{font-weight:600;color:#3c4757;margin-right:6px}
ul.notes{margin:6px 0 12px;padding-left:18px;color:var(--muted);font-size:13px}
footer{display:flex;justify-content:space-between;gap:16px;flex-wrap:wrap;padding:14px 28px 22px;color:var(--faint);font-size:12px;border-top:1px solid var(--line)}
@media (max-width:1100px){.workspace{grid-template-columns:1fr;height:auto}.stage{height:70vh}.panel{max-height:none}}
@media print{
@page{margin:14mm}
.print-only{display:block}
.legend{position:static;box-shadow:none;border:0}
body{background:#fff;font-size:10.5px}
header.top{background:none;color:#000;padding:0 0 8px;border-bottom:2px solid #000}
.brand,.meta{color:#333}
nav.toc,.toolbar,.panel,.banner,.no-print,.sc-show,footer span:last-child{display:none!important}
main{padding:10px 0;max-width:none}
.workspace{display:block;height:auto;min-height:0;break-after:page}
.stage{border:0;box-shadow:none;display:block}
.diagram{height:auto;overflow:visible}
.diagram svg{width:100%;height:auto;max-height:240mm}
.diagram svg *{opacity:1!important}
.cards{grid-template-columns:1fr 1fr}
.card,.box,details.scenario{box-shadow:none;break-inside:avoid-page}
.scroll{max-height:none!important;overflow:visible!important}
table.data th{position:static}
tr{break-inside:avoid}
h2{break-after:avoid}
.node-link{color:#000}
a{color:#000}
ul.sources a[href]::after,#ecograph-provenance a[href]::after{content:" <" attr(href) ">";color:#555;font-size:9px;word-break:break-all}
}
"""#
}

// MARK: - Script

extension HTMLReport {
    /// The page's one script (allowed by its hash). It reads `#ecograph-data`, builds every table and the side
    /// panel with `createElement`/`textContent` (never `innerHTML`), links only `http(s)` URLs, wires pan and
    /// zoom on the inline SVG, and finally writes `#ecograph-status` (`{"ok":…,"nodes":…,"svgNodes":…,
    /// "errors":[…]}`), which uncaught errors also reach, for headless checks.
    static let script = #"""
(function () {
  'use strict';
  var statusEl = document.getElementById('ecograph-status');
  var status = { ok: false, done: false, nodes: 0, svgNodes: 0, matched: 0, tables: 0, errors: [], warnings: [] };
  function writeStatus() {
    status.ok = status.done && status.errors.length === 0;
    if (statusEl) statusEl.textContent = JSON.stringify(status);
  }
  window.onerror = function (message, source, line, column) {
    status.errors.push(String(message) + (line ? ' (line ' + line + ':' + column + ')' : ''));
    writeStatus();
    return false;
  };
  window.addEventListener('unhandledrejection', function (event) {
    status.errors.push('unhandled rejection: ' + String(event.reason));
    writeStatus();
  });

  // ---- helpers -------------------------------------------------------------------------------------
  function $(id) { return document.getElementById(id); }
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function append(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === false) continue;
      parent.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return parent;
  }
  function isWebURL(url) { return typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url); }
  /** A link for an http(s) URL; any other text (javascript:, data:, …) stays text. */
  function link(url, text) {
    var label = text === undefined || text === null || text === '' ? url : text;
    if (isWebURL(url)) {
      var a = el('a', null, label);
      a.href = url;
      if (a.protocol === 'http:' || a.protocol === 'https:') {
        a.rel = 'noopener noreferrer';
        a.target = '_blank';
        return a;
      }
    }
    return el('span', null, label);
  }
  function fmt(x) {
    if (x === null || x === undefined || typeof x !== 'number' || !isFinite(x)) return '–';
    if (Number.isInteger(x)) return x.toLocaleString('en-US');
    var a = Math.abs(x);
    if (a !== 0 && (a < 1e-4 || a >= 1e7)) return x.toExponential(2);
    return String(Number(x.toPrecision(4)));
  }
  function plural(n, one, many) { return fmt(n) + ' ' + (n === 1 ? one : (many || one + 's')); }

  var data = JSON.parse($('ecograph-data').textContent);
  var nodes = Array.isArray(data.nodes) ? data.nodes : [];
  var byId = new Map();
  nodes.forEach(function (n) { byId.set(n.id, n); });
  function labelOf(id) { var n = byId.get(id); return n ? n.label : id; }
  var measures = Array.isArray(data.measures) ? data.measures : [];

  // Rank of each node per measure (competition ranking, as in the rankings).
  var ranks = new Map();
  measures.forEach(function (m) {
    var scored = nodes.filter(function (n) { return n.scores && typeof n.scores[m.key] === 'number'; });
    scored.sort(function (a, b) { return b.scores[m.key] - a.scores[m.key]; });
    var r = new Map();
    scored.forEach(function (n, i) {
      var prev = scored[i - 1];
      r.set(n.id, i > 0 && prev.scores[m.key] === n.scores[m.key] ? r.get(prev.id) : i + 1);
    });
    ranks.set(m.key, { of: scored.length, rank: r });
  });

  // Relations: as written in the file.
  var outgoing = new Map(), incoming = new Map();
  (data.edges || []).forEach(function (e) {
    if (!outgoing.has(e.from)) outgoing.set(e.from, []);
    if (!incoming.has(e.to)) incoming.set(e.to, []);
    outgoing.get(e.from).push(e);
    incoming.get(e.to).push(e);
  });

  // ---- the diagram ---------------------------------------------------------------------------------
  var holder = $('ecograph-diagram');
  var svg = holder ? holder.querySelector('svg') : null;
  var nodeGroups = new Map(), edgeGroups = new Map(), kindColor = new Map();
  var view = null, home = null;

  function shapeOf(g) { return g.querySelector('ellipse, polygon, path'); }
  // DOT cannot spell every id exactly (a backslash before the closing quote is doubled), so an SVG title that
  // is not an id is also tried with runs of backslashes collapsed.
  function loose(text) { return text.replace(/\\+/g, '\\'); }
  var byLooseId = new Map();
  nodes.forEach(function (n) { var k = loose(n.id); byLooseId.set(k, byLooseId.has(k) ? null : n.id); });
  function idOfTitle(title) {
    if (byId.has(title)) return title;
    var found = byLooseId.get(loose(title));
    if (found) { status.warnings.push('diagram title ' + JSON.stringify(title) + ' read as node ' + JSON.stringify(found)); return found; }
    return null;
  }
  if (svg) {
    svg.setAttribute('role', 'img');
    Array.prototype.forEach.call(svg.querySelectorAll('g.node'), function (g) {
      if (g.classList.contains('legend')) return;  // a key drawn in the diagram, not a node of the graph
      status.svgNodes++;
      var t = g.querySelector('title');
      var title = t ? t.textContent : '', id = idOfTitle(title);
      if (id === null) { status.errors.push('diagram node without data: ' + title); id = title; }
      else status.matched++;
      g.setAttribute('data-node', id);
      nodeGroups.set(id, g);
      var n = byId.get(id), shape = shapeOf(g);
      var kind = n && n.kind ? n.kind : null;
      if (kind && shape && !kindColor.has(kind)) {
        var fill = shape.getAttribute('fill');
        kindColor.set(kind, fill && fill !== 'none' ? fill : '#ffffff');
      }
    });
    Array.prototype.forEach.call(svg.querySelectorAll('g.edge'), function (g) {
      var t = g.querySelector('title');
      if (t) edgeGroups.set(loose(t.textContent), g);
    });
    var box = (svg.getAttribute('viewBox') || '').trim().split(/[\s,]+/).map(Number);
    if (box.length !== 4 || box.some(function (v) { return !isFinite(v); }) || box[2] <= 0 || box[3] <= 0) {
      var bb = svg.getBBox();
      box = [bb.x, bb.y, Math.max(bb.width, 1), Math.max(bb.height, 1)];
    }
    home = { x: box[0], y: box[1], w: box[2], h: box[3] };
    view = { x: home.x, y: home.y, w: home.w, h: home.h };
  }
  function edgeGroup(from, to) {
    from = loose(from); to = loose(to);
    return edgeGroups.get(from + '->' + to) || edgeGroups.get(to + '->' + from) || edgeGroups.get(from + '--' + to) || edgeGroups.get(to + '--' + from);
  }
  var zoomLabel = el('span', 'zoom-level');
  if ($('ecograph-toolbar')) $('ecograph-toolbar').appendChild(zoomLabel);
  function applyView() {
    if (!svg) return;
    svg.setAttribute('viewBox', view.x + ' ' + view.y + ' ' + view.w + ' ' + view.h);
    zoomLabel.textContent = Math.round(home.w / view.w * 100) + '%';
  }
  function clientToSVG(cx, cy) {
    var m = svg.getScreenCTM();
    if (!m) return { x: view.x + view.w / 2, y: view.y + view.h / 2 };
    var p = svg.createSVGPoint();
    p.x = cx; p.y = cy;
    return p.matrixTransform(m.inverse());
  }
  function zoomBy(factor, cx, cy) {
    if (!svg) return;
    var w = view.w * factor;
    if (w < home.w / 40) factor = home.w / 40 / view.w;
    if (w > home.w * 4) factor = home.w * 4 / view.w;
    var p;
    if (cx === undefined) p = { x: view.x + view.w / 2, y: view.y + view.h / 2 };
    else p = clientToSVG(cx, cy);
    view.x = p.x - (p.x - view.x) * factor;
    view.y = p.y - (p.y - view.y) * factor;
    view.w *= factor;
    view.h *= factor;
    applyView();
  }
  function fit() { if (!svg) return; view = { x: home.x, y: home.y, w: home.w, h: home.h }; applyView(); }
  function centerOn(g) {
    if (!svg || !g) return;
    var b = g.getBBox(), m = g.getCTM(), s = svg.getCTM();
    if (!m || !s) return;
    var p = svg.createSVGPoint();
    p.x = b.x + b.width / 2; p.y = b.y + b.height / 2;
    p = p.matrixTransform(s.inverse().multiply(m));
    // Zoom in until the node is about 44 pixels tall, so its label reads at ordinary size (never zoom out).
    var px = holder.clientWidth || 800;
    var w = Math.min(view.w, Math.max(px * b.height / 44, home.w / 40)), h = view.h * (w / view.w);
    view = { x: p.x - w / 2, y: p.y - h / 2, w: w, h: h };
    applyView();
  }

  var drag = null, suppressClick = false;
  if (svg) {
    applyView();
    holder.addEventListener('wheel', function (e) {
      e.preventDefault();
      zoomBy(Math.exp((e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY) * 0.0015), e.clientX, e.clientY);
    }, { passive: false });
    holder.addEventListener('pointerdown', function (e) {
      if (e.button !== 0) return;
      var m = svg.getScreenCTM();
      drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y, scale: m ? m.a : 1, id: e.pointerId, moved: false };
    });
    holder.addEventListener('pointermove', function (e) {
      if (!drag || e.pointerId !== drag.id) return;
      var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) > 4) {
        drag.moved = true;
        holder.classList.add('dragging');
        try { holder.setPointerCapture(e.pointerId); } catch (err) { /* the pointer is gone */ }
      }
      if (drag.moved) {
        view.x = drag.vx - dx / drag.scale;
        view.y = drag.vy - dy / drag.scale;
        applyView();
      }
    });
    function endDrag(e) {
      if (!drag || e.pointerId !== drag.id) return;
      suppressClick = drag.moved;
      drag = null;
      holder.classList.remove('dragging');
    }
    holder.addEventListener('pointerup', endDrag);
    holder.addEventListener('pointercancel', endDrag);
    holder.addEventListener('click', function (e) {
      if (suppressClick) { suppressClick = false; return; }
      var g = e.target && e.target.closest ? e.target.closest('g.node') : null;
      if (g && g.hasAttribute('data-node')) {
        select(g.getAttribute('data-node'), false);
      } else {
        clearFocus();
      }
    });
    holder.addEventListener('keydown', function (e) {
      if (e.key === '+' || e.key === '=') { zoomBy(1 / 1.25); e.preventDefault(); }
      else if (e.key === '-' || e.key === '_') { zoomBy(1.25); e.preventDefault(); }
      else if (e.key === '0') { fit(); e.preventDefault(); }
      else if (e.key === 'Escape') { clearAll(); }
      else if (e.key.indexOf('Arrow') === 0) {
        var step = 0.1;
        if (e.key === 'ArrowLeft') view.x -= view.w * step;
        if (e.key === 'ArrowRight') view.x += view.w * step;
        if (e.key === 'ArrowUp') view.y -= view.h * step;
        if (e.key === 'ArrowDown') view.y += view.h * step;
        applyView();
        e.preventDefault();
      }
    });
  }
  function on(id, handler) { var b = $(id); if (b) b.addEventListener('click', handler); }
  on('ecograph-zoom-in', function () { zoomBy(1 / 1.25); });
  on('ecograph-zoom-out', function () { zoomBy(1.25); });
  on('ecograph-fit', fit);
  on('ecograph-clear', function () { clearAll(); });

  // Legend: the kinds and the colours the diagram gives them; a click highlights that kind.
  var legend = $('ecograph-legend'), activeKind = null;
  if (legend) {
    var kinds = [];
    nodes.forEach(function (n) { if (n.kind && kinds.indexOf(n.kind) < 0) kinds.push(n.kind); });
    kinds.sort();
    kinds.forEach(function (k) {
      var b = el('button');
      b.type = 'button';
      var sw = el('span', 'swatch');
      sw.style.background = kindColor.get(k) || '#ffffff';
      var count = nodes.filter(function (n) { return n.kind === k; }).length;
      append(b, sw, k + ' ' + count);
      b.title = 'Highlight every ' + k;
      b.addEventListener('click', function () {
        activeKind = activeKind === k ? null : k;
        Array.prototype.forEach.call(legend.querySelectorAll('button'), function (x) { x.classList.toggle('on', x === b && activeKind !== null); });
        if (!svg) return;
        svg.classList.toggle('kindfilter', activeKind !== null);
        nodeGroups.forEach(function (g, id) { var n = byId.get(id); g.classList.toggle('kf', !!n && n.kind === activeKind); });
      });
      legend.appendChild(b);
    });
  }

  // ---- selection and the side panel ----------------------------------------------------------------
  var panel = $('ecograph-panel');
  var selected = null;
  function clearFocus() {
    selected = null;
    if (!svg) return;
    svg.classList.remove('focus');
    Array.prototype.forEach.call(svg.querySelectorAll('.sel, .nb'), function (x) { x.classList.remove('sel', 'nb'); });
  }
  function clearAll() {
    clearFocus();
    clearScenario();
    renderOverview();
  }
  /** The panel before anything is selected: what the graph is, and where to look first. */
  function renderOverview() {
    if (!panel) return;
    panel.replaceChildren();
    append(panel, el('div', 'eyebrow', 'Overview'), el('h2', null, data.title),
      el('p', 'hint', 'Click a node in the diagram, or any name in a table, for its scores, attributes, sources and relations.'));
    var stats = el('div', 'stats');
    [[nodes.length, 'nodes'], [data.edgeCount, data.directed ? 'dependency edges' : 'edges'],
     [data.chokepoints ? data.chokepoints.length : 0, 'nodes with dependents'],
     [(data.scenarios || []).length, 'what-if scenarios'],
     [Array.isArray(data.references) ? data.references.length : null, 'references']].forEach(function (s) {
      if (s[0] === null) return;
      append(stats, append(el('div', 'stat'), el('div', 'v', fmt(s[0])), el('div', 'l', s[1])));
    });
    panel.appendChild(stats);
    var cps = (data.chokepoints || []).filter(function (p) { return p.impact > 0; }).slice(0, 5);
    if (cps.length) {
      panel.appendChild(el('h3', null, 'Biggest chokepoints (impact)'));
      var ol = el('ol', 'toplist');
      cps.forEach(function (p) { append(ol, append(el('li'), append(el('div', 'row'), nodeLink(p.id), el('span', 'muted', fmt(p.impact))))); });
      panel.appendChild(ol);
    }
    var pr = (data.rankings || []).filter(function (r) { return r.measure.key === 'pagerank'; })[0] || (data.rankings || [])[0];
    if (pr && pr.entries.length) {
      panel.appendChild(el('h3', null, 'Top by ' + pr.measure.name));
      var ol2 = el('ol', 'toplist');
      pr.entries.slice(0, 5).forEach(function (e) {
        append(ol2, append(el('li'), append(el('div', 'row'), pr.edges ? append(el('span'), nodeLink(e.id), ' → ', nodeLink(e.target)) : nodeLink(e.id), el('span', 'muted', fmt(e.score)))));
      });
      panel.appendChild(ol2);
    }
    if (data.description) append(panel, el('h3', null, 'About this graph'), el('p', 'desc', data.description));
  }
  function nodeLink(id, text) {
    var b = el('button', 'node-link', text === undefined ? labelOf(id) : text);
    b.type = 'button';
    var n = byId.get(id);
    b.title = n && n.label !== id ? n.label + ' (' + id + ')' : id;
    b.addEventListener('click', function () { select(id, true); });
    return b;
  }
  function select(id, fromOutside) {
    var n = byId.get(id);
    if (!n) return;
    selected = id;
    if (svg) {
      clearScenario();
      Array.prototype.forEach.call(svg.querySelectorAll('.sel, .nb'), function (x) { x.classList.remove('sel', 'nb'); });
      svg.classList.add('focus');
      var g = nodeGroups.get(id);
      if (g) g.classList.add('sel');
      (outgoing.get(id) || []).concat(incoming.get(id) || []).forEach(function (e) {
        var other = e.from === id ? e.to : e.from;
        var og = nodeGroups.get(other), eg = edgeGroup(e.from, e.to);
        if (og) og.classList.add('nb');
        if (eg) eg.classList.add('nb');
      });
      if (fromOutside && g) {
        centerOn(g);
        var ws = $('diagram');
        if (ws && ws.getBoundingClientRect().top < -40) ws.scrollIntoView({ block: 'start' });
      }
    }
    renderPanel(n);
  }
  function renderPanel(n) {
    if (!panel) return;
    panel.replaceChildren();
    var head = el('div');
    if (n.kind) {
      var badge = el('span', 'badge');
      var sw = el('span', 'swatch');
      sw.style.background = kindColor.get(n.kind) || '#ffffff';
      append(badge, sw, n.kind);
      head.appendChild(badge);
    }
    if (n.inferred) head.appendChild(el('span', 'badge warn', 'inferred'));
    append(panel, head, el('h2', null, n.label), el('div', 'idline', n.id));
    if (n.note) panel.appendChild(el('p', 'note', n.note));

    var stats = el('div', 'stats');
    function stat(value, label) { append(stats, append(el('div', 'stat'), el('div', 'v', value), el('div', 'l', label))); }
    stat(n.impact === null || n.impact === undefined ? '0' : fmt(n.impact), 'chokepoint impact (lost pairs)');
    stat(n.dependents === null || n.dependents === undefined ? '0' : fmt(n.dependents), 'dependents (consumers reaching it)');
    panel.appendChild(stats);

    if (measures.length) {
      panel.appendChild(el('h3', null, 'Scores'));
      var t = el('table', 'data compact'), tb = el('tbody');
      measures.forEach(function (m) {
        var v = n.scores ? n.scores[m.key] : undefined;
        if (typeof v !== 'number') return;
        var r = ranks.get(m.key), rank = r ? r.rank.get(n.id) : undefined;
        var tr = el('tr');
        var name = el('td', null, m.name);
        name.title = m.summary;
        append(tr, name, el('td', 'num', fmt(v)), el('td', 'num muted', rank ? '#' + rank + ' of ' + r.of : ''));
        tb.appendChild(tr);
      });
      t.appendChild(tb);
      panel.appendChild(t);
    }
    if (n.attributes && n.attributes.length) {
      panel.appendChild(el('h3', null, 'Attributes'));
      var dl = el('dl', 'attrs');
      n.attributes.forEach(function (kv) {
        var dd = el('dd');
        if (isWebURL(kv[1])) dd.appendChild(link(kv[1])); else dd.textContent = kv[1];
        append(dl, el('dt', null, kv[0]), dd);
      });
      panel.appendChild(dl);
    }
    if (n.sources && n.sources.length) {
      panel.appendChild(el('h3', null, 'Sources'));
      var ul = el('ul', 'plain sources');
      n.sources.forEach(function (s) { ul.appendChild(citationItem(s)); });
      panel.appendChild(ul);
    }
    var outs = outgoing.get(n.id) || [], ins = incoming.get(n.id) || [];
    if (outs.length || ins.length) {
      panel.appendChild(el('h3', null, 'Relations'));
      var rl = el('ul', 'plain rel');
      outs.forEach(function (e) { append(rl, append(el('li'), el('span', 'ek', (e.kind || 'edge') + ' →'), nodeLink(e.to))); });
      ins.forEach(function (e) { append(rl, append(el('li'), nodeLink(e.from), el('span', 'ek', (e.kind || 'edge') + ' → this'))); });
      panel.appendChild(rl);
    }
    panel.scrollTop = 0;
  }
  function citationItem(s) {
    var li = el('li');
    if (s.title) {
      li.appendChild(link(s.url, s.title));
      var meta = [s.publisher, s.date].filter(Boolean).join(' · ');
      var m = el('span', 'src-meta', meta);
      if (s.key) append(m, meta ? ' · ' : '', el('code', null, s.key));
      li.appendChild(m);
    } else if (isWebURL(s.text)) {
      li.appendChild(link(s.text));
    } else {
      li.appendChild(el('code', null, s.text));
      if (/^seed:L/.test(s.text)) li.appendChild(el('span', 'src-meta', 'line of the seed document'));
    }
    return li;
  }

  renderOverview();

  // ---- search --------------------------------------------------------------------------------------
  var search = $('ecograph-search'), results = $('ecograph-search-results');
  if (search && results) {
    var showResults = function () {
      var q = search.value.trim().toLowerCase();
      results.replaceChildren();
      if (!q) { results.hidden = true; return; }
      var hits = nodes.filter(function (n) { return n.id.toLowerCase().indexOf(q) >= 0 || n.label.toLowerCase().indexOf(q) >= 0; }).slice(0, 10);
      hits.forEach(function (n) {
        var b = el('button');
        b.type = 'button';
        append(b, n.label, el('small', null, n.kind ? n.kind + ' · ' + n.id : n.id));
        b.addEventListener('click', function () { results.hidden = true; search.value = n.label; select(n.id, true); });
        append(results, append(el('li'), b));
      });
      if (!hits.length) results.appendChild(el('li', 'empty', 'No node matches'));
      results.hidden = false;
    };
    search.addEventListener('input', showResults);
    search.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { var first = results.querySelector('button'); if (first) first.click(); e.preventDefault(); }
      if (e.key === 'Escape') { results.hidden = true; }
    });
    document.addEventListener('click', function (e) { if (!search.parentNode.contains(e.target)) results.hidden = true; });
  }

  // ---- tables --------------------------------------------------------------------------------------
  /**
   * A sortable table. columns: [{label, num, value(row) -> sort key, cell(row) -> Node|string, title}].
   * Numbers sort descending first, text ascending; missing values sort last; ties keep the given order.
   */
  function makeTable(columns, rows, className) {
    var table = el('table', 'data' + (className ? ' ' + className : ''));
    var thead = el('thead'), hr = el('tr'), tbody = el('tbody');
    var trs = rows.map(function (row, index) {
      var tr = el('tr');
      columns.forEach(function (c) {
        var td = el('td', c.num ? 'num' : (c.grow ? 'grow' : (c.muted ? 'muted' : null)));
        var content = c.cell ? c.cell(row) : c.value(row);
        if (content === null || content === undefined) content = '';
        if (typeof content === 'object') td.appendChild(content);
        else td.textContent = typeof content === 'number' ? fmt(content) : String(content);
        tr.appendChild(td);
      });
      return { tr: tr, row: row, index: index };
    });
    var ths = columns.map(function (c, i) {
      var th = el('th', c.num ? 'num' : null);
      var b = el('button', null, c.label);
      b.type = 'button';
      if (c.title) b.title = c.title;
      th.appendChild(b);
      th.setAttribute('aria-sort', 'none');
      b.addEventListener('click', function () { sortBy(i); });
      hr.appendChild(th);
      return th;
    });
    function sortBy(i) {
      var c = columns[i], th = ths[i];
      var current = th.getAttribute('aria-sort');
      var dir = current === 'none' ? (c.num ? -1 : 1) : (current === 'ascending' ? -1 : 1);
      ths.forEach(function (x) { x.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
      trs.sort(function (a, b) {
        var x = c.value(a.row), y = c.value(b.row);
        var xm = x === null || x === undefined || x === '', ym = y === null || y === undefined || y === '';
        if (xm || ym) return xm === ym ? a.index - b.index : (xm ? 1 : -1);
        var cmp = c.num ? x - y : String(x).localeCompare(String(y));
        return cmp !== 0 ? dir * cmp : a.index - b.index;
      });
      trs.forEach(function (t) { tbody.appendChild(t.tr); });
    }
    trs.forEach(function (t) { tbody.appendChild(t.tr); });
    thead.appendChild(hr);
    append(table, thead, tbody);
    status.tables++;
    return table;
  }
  function boxed(table, scroll) { return append(el('div', 'box' + (scroll ? ' scroll' : '')), table); }
  function scoreBar(value, max) {
    var wrap = el('div', 'bar'), bar = el('i');
    bar.style.width = (max > 0 && value > 0 ? Math.max(2, Math.round(value / max * 48)) : 0) + 'px';
    append(wrap, bar, el('span', null, fmt(value)));
    return wrap;
  }
  function nodeList(ids, limit) {
    var span = el('span');
    ids.slice(0, limit).forEach(function (id, i) { if (i) span.appendChild(document.createTextNode(', ')); span.appendChild(nodeLink(id)); });
    if (ids.length > limit) span.appendChild(el('span', 'muted', ' +' + (ids.length - limit) + ' more'));
    return span;
  }

  // Rankings.
  var rankingsEl = $('ecograph-rankings');
  if (rankingsEl) {
    var rn = $('ecograph-rankings-note');
    var rankings = data.rankings || [];
    if (rn) {
      rn.textContent = 'The top ' + (rankings.length && rankings[0].entries.length ? rankings[0].entries.length : 0) + ' of each measure, as NetworkX 3.x defines it, on the ' +
        (data.directed ? 'directed' : 'undirected') + ' graph of ' + plural(nodes.length, 'node') + ' and ' + plural(data.edgeCount, 'edge') +
        (data.directed ? ' (an edge u → v reads “u depends on v”).' : '.');
    }
    if (data.notes && data.notes.length) {
      var notes = el('ul', 'notes');
      data.notes.forEach(function (t) { notes.appendChild(el('li', null, t)); });
      rankingsEl.parentNode.insertBefore(notes, rankingsEl);
    }
    rankings.forEach(function (r) {
      var card = el('div', 'card');
      append(card, el('h3', null, r.measure.name), el('p', null, r.measure.summary));
      var max = r.entries.reduce(function (m, e) { return Math.max(m, e.score); }, 0);
      card.appendChild(makeTable([
        { label: '#', num: true, value: function (e) { return e.rank; } },
        { label: r.edges ? 'Edge' : 'Node', grow: true, value: function (e) { return e.label; },
          cell: function (e) {
            if (!r.edges) return nodeLink(e.id);
            return append(el('span', 'edge-cell'), nodeLink(e.id), append(el('span', 'to'), el('span', 'arrow', '→'), nodeLink(e.target)));
          } },
        { label: 'Score', num: true, value: function (e) { return e.score; }, cell: function (e) { return scoreBar(e.score, max); } },
      ], r.entries, 'compact'));
      rankingsEl.appendChild(card);
    });
    if (!rankings.length) rankingsEl.appendChild(el('p', 'empty', 'No measure could be computed.'));
  }

  // Chokepoints.
  var chokeEl = $('ecograph-chokepoints');
  if (chokeEl) {
    var cps = data.chokepoints || [];
    var cn = $('ecograph-chokepoints-note');
    if (cn) {
      cn.textContent = 'Impact counts the (consumer, provider) pairs lost if the node disappears: for every other consumer, the providers it reaches only through this node (dominator trees). ' +
        (data.analysis ? data.analysis + '. ' : '') + plural(cps.length, 'node') + ' with dependents; ' +
        plural((data.articulationPoints || []).length, 'articulation point') + ' in the undirected view; ' + plural((data.cycles || []).length, 'dependency cycle') + '.';
    }
    chokeEl.appendChild(boxed(makeTable([
      { label: 'Rank', num: true, value: function (p) { return p.rank; } },
      { label: 'Node', value: function (p) { return p.label; }, cell: function (p) { return nodeLink(p.id); } },
      { label: 'Kind', muted: true, value: function (p) { return p.kind || ''; } },
      { label: 'Impact', num: true, title: 'lost (consumer, provider) pairs', value: function (p) { return p.impact; } },
      { label: 'Dependents', num: true, title: 'consumers that reach it', value: function (p) { return p.dependents; } },
      { label: 'Consumers hit', num: true, title: 'consumers that lose something', value: function (p) { return p.affected; } },
      { label: 'Most affected consumers', value: function (p) { return p.consumers.length ? p.consumers[0].count : null; },
        cell: function (p) {
          var span = el('span');
          p.consumers.forEach(function (c, i) {
            if (i) span.appendChild(document.createTextNode(', '));
            append(span, nodeLink(c.id), el('span', 'muted', ' (' + c.count + ')'));
          });
          return span;
        } },
    ], cps.map(function (p, i) { p.rank = i + 1; return p; })), true));
    if (data.cycles && data.cycles.length) {
      var cyc = el('ul', 'notes');
      data.cycles.slice(0, 10).forEach(function (c) { append(cyc, append(el('li'), 'Cycle among ', nodeList(c, 12))); });
      chokeEl.appendChild(cyc);
    }
  }

  // Scenarios.
  var scenEl = $('ecograph-scenarios'), scenarioShown = null;
  function clearScenario() {
    scenarioShown = null;
    var banner = $('ecograph-banner');
    if (banner) { banner.hidden = true; banner.replaceChildren(); }
    if (!svg) return;
    svg.classList.remove('scenario');
    Array.prototype.forEach.call(svg.querySelectorAll('.sc-removed, .sc-affected, .sc-cut'), function (x) { x.classList.remove('sc-removed', 'sc-affected', 'sc-cut'); });
  }
  function showScenario(s) {
    clearFocus();
    clearScenario();
    scenarioShown = s.name;
    if (svg) {
      svg.classList.add('scenario');
      s.removed.forEach(function (id) { var g = nodeGroups.get(id); if (g) g.classList.add('sc-removed'); });
      s.affected.forEach(function (a) { var g = nodeGroups.get(a.id); if (g) g.classList.add('sc-affected'); });
      s.cut.forEach(function (pair) { var g = edgeGroup(pair[0], pair[1]); if (g) g.classList.add('sc-cut'); });
    }
    var banner = $('ecograph-banner');
    if (banner) {
      var close = el('button', 'btn', 'Clear');
      close.type = 'button';
      close.addEventListener('click', clearScenario);
      append(banner, append(el('span'), 'Scenario ', el('b', null, s.name)),
        append(el('span'), el('span', 'key-removed'), 'removed (' + s.removed.length + ')'),
        append(el('span'), el('span', 'key-affected'), 'affected consumers (' + s.affected.length + ')'),
        append(el('span'), el('span', 'key-cut'), 'cut dependencies (' + s.cut.length + ')'),
        append(el('span'), 'lost pairs: ' + fmt(s.lostPairs)), close);
      banner.hidden = false;
    }
    var ws = $('diagram');
    if (ws) ws.scrollIntoView({ block: 'start' });
  }
  if (scenEl) {
    var scenarios = data.scenarios || [];
    var sn = $('ecograph-scenarios-note');
    if (sn) sn.textContent = 'Each scenario removes nodes or applies restrictions (export controls, bans) and counts what every consumer can no longer reach. ' +
      (data.analysis ? data.analysis + '. ' : '') + '“Show” highlights it on the diagram.';
    scenEl.appendChild(boxed(makeTable([
      { label: 'Scenario', value: function (s) { return s.name; }, cell: function (s) { return el('b', null, s.name); } },
      { label: 'Description', muted: true, value: function (s) { return s.description; } },
      { label: 'Removed', num: true, value: function (s) { return s.removed.length; } },
      { label: 'Cut dependencies', num: true, value: function (s) { return s.cut.length; } },
      { label: 'Lost pairs', num: true, value: function (s) { return s.lostPairs; } },
      { label: 'Affected consumers', num: true, value: function (s) { return s.affected.length; } },
      { label: '', value: function () { return null; }, cell: function (s) {
        var b = el('button', 'btn sc-show', 'Show');
        b.type = 'button';
        b.title = 'Highlight on the diagram';
        b.addEventListener('click', function () { showScenario(s); });
        return b;
      } },
    ], scenarios)));
    scenarios.forEach(function (s) {
      var d = el('details', 'scenario');
      append(d, append(el('summary'), s.name, el('span', null, fmt(s.lostPairs) + ' lost pairs · ' + plural(s.affected.length, 'affected consumer'))));
      var inner = el('div', 'inner');
      if (s.description) inner.appendChild(el('p', 'kv', s.description));
      if (s.removed.length) append(inner, append(el('p', 'kv'), el('b', null, 'Removed'), nodeList(s.removed, 30)));
      if (s.cut.length) {
        var cut = append(el('p', 'kv'), el('b', null, 'Cut dependencies'));
        s.cut.slice(0, 24).forEach(function (pair, i) {
          if (i) cut.appendChild(document.createTextNode(' · '));
          append(cut, nodeLink(pair[0]), ' → ', nodeLink(pair[1]));
        });
        if (s.cut.length > 24) cut.appendChild(el('span', 'muted', ' +' + (s.cut.length - 24) + ' more'));
        inner.appendChild(cut);
      }
      if (s.affected.length) {
        inner.appendChild(boxed(makeTable([
          { label: 'Consumer', value: function (a) { return labelOf(a.id); }, cell: function (a) { return nodeLink(a.id); } },
          { label: 'Kind', muted: true, value: function (a) { var n = byId.get(a.id); return n && n.kind ? n.kind : ''; } },
          { label: 'Loses', num: true, value: function (a) { return a.count; } },
          { label: 'No longer reaches', value: function (a) { return a.lost.length; }, cell: function (a) { return a.lost.length ? nodeList(a.lost, 12) : el('span', 'muted', 'fails'); } },
        ], s.affected, 'compact'), true));
      } else {
        inner.appendChild(el('p', 'empty', 'No consumer loses anything.'));
      }
      d.appendChild(inner);
      scenEl.appendChild(d);
    });
  }

  // All nodes.
  var nodesEl = $('ecograph-nodes');
  if (nodesEl) {
    var nn = $('ecograph-nodes-note');
    if (nn) nn.textContent = plural(nodes.length, 'node') + '; every score of every measure. Click a column to sort.';
    var cols = [
      { label: 'Node', value: function (n) { return n.label; }, cell: function (n) { return nodeLink(n.id); } },
      { label: 'Id', muted: true, value: function (n) { return n.id; } },
      { label: 'Kind', muted: true, value: function (n) { return n.kind || ''; } },
      { label: 'Impact', num: true, value: function (n) { return n.impact; } },
      { label: 'Dependents', num: true, value: function (n) { return n.dependents; } },
    ];
    measures.forEach(function (m) {
      cols.push({ label: m.name, num: true, title: m.summary, value: function (n) { return n.scores ? n.scores[m.key] : undefined; } });
    });
    nodesEl.appendChild(boxed(makeTable(cols, nodes, 'compact'), true));
  }

  // Provenance.
  var provEl = $('ecograph-provenance');
  if (provEl && Array.isArray(data.references)) {
    var refs = data.references;
    var pn = $('ecograph-provenance-note');
    var cited = refs.filter(function (r) { return r.nodes.length + r.edges.length > 0; }).length;
    if (pn) pn.textContent = plural(refs.length, 'reference') + ', ' + fmt(cited) + ' cited by nodes or edges. Titles in [square brackets] are descriptive rather than verbatim; links are given only where the source file names a web address.';
    provEl.appendChild(boxed(makeTable([
      { label: 'Key', value: function (r) { return r.key; }, cell: function (r) { return el('code', null, r.key); } },
      { label: 'Title', value: function (r) { return r.title; }, cell: function (r) { return link(r.url, r.title); } },
      { label: 'Publisher', muted: true, value: function (r) { return r.publisher || ''; } },
      { label: 'Date', muted: true, value: function (r) { return r.date || ''; } },
      { label: 'Cited by', num: true, value: function (r) { return r.nodes.length + r.edges.length; } },
      { label: 'Nodes citing it', value: function (r) { return r.nodes.length; }, cell: function (r) { return nodeList(r.nodes, 6); } },
      { label: 'Edges citing it', value: function (r) { return r.edges.length; }, cell: function (r) {
        var span = el('span');
        r.edges.slice(0, 3).forEach(function (e, i) {
          if (i) span.appendChild(document.createTextNode('; '));
          append(span, nodeLink(e[0]), el('span', 'muted', ' ' + (e[2] || '→') + ' '), nodeLink(e[1]));
        });
        if (r.edges.length > 3) span.appendChild(el('span', 'muted', ' +' + (r.edges.length - 3) + ' more'));
        return span;
      } },
    ], refs), true));
  }

  // Print the whole diagram, every scenario opened.
  window.addEventListener('beforeprint', function () {
    fit();
    Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) { d.open = true; });
  });

  // A link to a node: report.html#node=<id> opens with that node selected.
  function selectFromHash() {
    var m = /^#node=(.+)$/.exec(location.hash);
    if (!m) return;
    var wanted;
    try { wanted = decodeURIComponent(m[1]); } catch (err) { return; }
    if (byId.has(wanted)) select(wanted, true);
  }
  window.addEventListener('hashchange', selectFromHash);
  selectFromHash();

  status.nodes = nodes.length;
  status.done = true;
  writeStatus();
})();
"""#
}
