import Foundation

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
    /// The `Measure.key` of the ranking the report leads with (its overview lists that ranking's top nodes);
    /// `nil` leads with the first ranking.
    public var defaultMeasure: String?
    /// What changed from another map to this one (`report --against`), shown as its own section; `nil`: none.
    public var diff: DiffSection? = nil
    /// Snapshots at a series of dates for the page's date slider (`LoadedGraph.datedSnapshots`); `nil`: no slider.
    public var timeline: DatedSnapshots? = nil

    /// The report's content; `LoadedGraph.reportContent` in EcoGraph fills it from a graph.
    public init(title: String, generatedBy: String, description: String = "", diagramSVG: String, isDirected: Bool = true,
                edgeCount: Int = 0, measures: [Measure] = [], nodes: [Node] = [], edges: [Edge] = [], rankings: [Ranking] = [],
                notes: [String] = [], analysis: String = "", consumerCount: Int = 0, chokepoints: [Chokepoint] = [],
                articulationPoints: [String] = [], cycles: [[String]] = [], scenarios: [ScenarioOutcome] = [],
                references: [Reference]? = nil, defaultMeasure: String? = nil) {
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
        self.defaultMeasure = defaultMeasure
    }
}
