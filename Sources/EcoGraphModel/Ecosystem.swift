/// A value of a free node or edge attribute.
public enum AttributeValue: Sendable, Hashable, CustomStringConvertible {
    /// A string (`country: china`).
    case string(String)
    /// A number (`year: 2025`).
    case number(Double)
    /// A boolean.
    case bool(Bool)
    /// A list of strings (`group: [global-south, brics]`).
    case list([String])

    /// The value as text: integers without a fraction, lists joined with `, `.
    public var description: String {
        switch self {
        case .string(let s): s
        case .number(let x): x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
        case .bool(let b): String(b)
        case .list(let items): items.joined(separator: ", ")
        }
    }

    /// The strings this value holds: one for a string, the items of a list, none otherwise.
    public var strings: [String] {
        switch self {
        case .string(let s): [s]
        case .list(let items): items
        default: []
        }
    }
}

/// A public source that nodes and edges cite by key.
public struct SourceReference: Sendable, Hashable, Identifiable {
    /// The key nodes and edges cite it by.
    public var id: String
    /// The title of the source.
    public var title: String
    /// Who published it.
    public var publisher: String?
    /// When it was published, as precise as known (for a series: its first part).
    public var date: EcoDate?
    /// For a series published over time (`date: 2023-10 / 2025-05`): its last part.
    public var dateEnd: EcoDate?
    /// When it was read (a web page's retrieval date), as precise as known.
    public var retrieved: EcoDate?
    /// Where to read it.
    public var url: String?

    /// The newest publication date: `dateEnd`, else `date`.
    public var latestDate: EcoDate? { dateEnd ?? date }

    /// The publication date as written: `2024-09-19`, or `2023-10 / 2025-05` for a series.
    public var dateText: String? { date.map { d in dateEnd.map { "\(d) / \($0)" } ?? d.description } }

    /// A reference.
    public init(id: String, title: String, publisher: String? = nil, date: EcoDate? = nil, dateEnd: EcoDate? = nil,
                retrieved: EcoDate? = nil, url: String? = nil) {
        self.dateEnd = dateEnd
        self.id = id
        self.title = title
        self.publisher = publisher
        self.date = date
        self.retrieved = retrieved
        self.url = url
    }
}

/// A node of an ecosystem: an actor or a thing, with its provenance.
/// The node attributes the analyses read, each spelled once.
public enum NodeAttribute {
    /// `country`: the ids of the jurisdiction nodes (role `jurisdiction`) a node belongs to: its home.
    public static let home = "country"
    /// `group`: the groups a node is in, which a `NodeSelection` can pick (`global-south`).
    public static let group = "group"
}

public struct EcosystemNode: Sendable, Hashable, Identifiable {
    /// Stable identifier: non-empty, without whitespace, control characters or commas.
    public var id: String
    /// Display name, any Unicode.
    public var label: String
    /// A node kind of the ecosystem's schema.
    public var kind: String
    /// Free attributes (`country`, `openness`, `license`, `year`, `group`, ...).
    public var attributes: [String: AttributeValue]
    /// Citations: `seed:L<n>`, a reference key, or an http(s) URL.
    public var sources: [String]
    /// Whether the node is inferred rather than stated by a source.
    public var inferred: Bool
    /// Confidence that the node exists as described, in [0, 1] (default 1).
    public var confidence: Double
    /// When the node exists (`since`, `until`); always by default.
    public var lifetime: Lifetime
    /// Free text.
    public var note: String?

    /// A node; the label defaults to the id.
    public init(
        id: String, label: String? = nil, kind: String, attributes: [String: AttributeValue] = [:],
        sources: [String] = [], inferred: Bool = false, confidence: Double = 1, lifetime: Lifetime = .always, note: String? = nil
    ) {
        self.id = id
        self.label = label ?? id
        self.kind = kind
        self.attributes = attributes
        self.sources = sources
        self.inferred = inferred
        self.confidence = confidence
        self.lifetime = lifetime
        self.note = note
    }
}

/// An edge of an ecosystem: a typed relation between two nodes, with its provenance.
public struct EcosystemEdge: Sendable, Hashable {
    /// Optional identifier, in the same namespace as node ids (restriction edges are applied by id).
    public var id: String?
    /// The source node's id.
    public var from: String
    /// The target node's id.
    public var to: String
    /// An edge kind of the ecosystem's schema.
    public var kind: String
    /// Strength of the tie, finite and > 0 (default 1).
    public var weight: Double
    /// Confidence in the fact, in [0, 1] (default 1).
    public var confidence: Double
    /// For dependency edges: edges with the same dependent node and the same alternatives name form one
    /// OR-group (any one member suffices); an edge without a name is a group of its own.
    public var alternatives: String?
    /// For restriction edges: the states or countries whose entities lose access.
    public var targets: [String]
    /// Free attributes.
    public var attributes: [String: AttributeValue]
    /// Citations: `seed:L<n>`, a reference key, or an http(s) URL.
    public var sources: [String]
    /// Whether the edge is inferred rather than stated by a source.
    public var inferred: Bool
    /// When the relation holds (`since`, `until`); whenever both ends exist by default.
    public var lifetime: Lifetime
    /// For restriction edges: what the restriction covers (`jurisdiction`, `entity`, `government-devices`,
    /// `app-stores`, ...; see `RestrictionScope`).
    public var scope: String?
    /// For restriction edges: the day the restriction was lifted; from then on it is not in force, though
    /// the fact stays in the record.
    public var lifted: EcoDate?
    /// Free text.
    public var note: String?

    /// An edge; weight and confidence default to 1.
    public init(
        id: String? = nil, from: String, to: String, kind: String, weight: Double = 1, confidence: Double = 1,
        alternatives: String? = nil, targets: [String] = [], attributes: [String: AttributeValue] = [:],
        sources: [String] = [], inferred: Bool = false, lifetime: Lifetime = .always, scope: String? = nil,
        lifted: EcoDate? = nil, note: String? = nil
    ) {
        self.lifetime = lifetime
        self.scope = scope
        self.lifted = lifted
        self.id = id
        self.from = from
        self.to = to
        self.kind = kind
        self.weight = weight
        self.confidence = confidence
        self.alternatives = alternatives
        self.targets = targets
        self.attributes = attributes
        self.sources = sources
        self.inferred = inferred
        self.note = note
    }
}

/// A typed ecosystem graph: nodes and edges of declared kinds, with references for their sources.
///
/// Edges keep the direction the file gives them; each edge kind's role says what it means to the
/// analyses (see `EdgeKind.role`). `validate()` checks everything a loader must reject.
public struct Ecosystem: Sendable, Hashable {
    /// The ecosystem's name (drawn as a diagram's title).
    public var name: String
    /// What the ecosystem covers.
    public var description: String
    /// Public sources that nodes and edges cite by key.
    public var references: [SourceReference]
    /// Kinds the ecosystem declares beyond the built-in ones.
    public var declaredNodeKinds: [NodeKind]
    /// Edge kinds the ecosystem declares beyond the built-in ones.
    public var declaredEdgeKinds: [EdgeKind]
    /// The nodes; their order is the node order of every projection.
    public var nodes: [EcosystemNode]
    /// The edges, each in the direction its kind reads.
    public var edges: [EcosystemEdge]

    /// An ecosystem; not validated (call `validate()`, or build one with `EcosystemBuilder`).
    public init(
        name: String = "", description: String = "", references: [SourceReference] = [],
        declaredNodeKinds: [NodeKind] = [], declaredEdgeKinds: [EdgeKind] = [],
        nodes: [EcosystemNode] = [], edges: [EcosystemEdge] = []
    ) {
        self.name = name
        self.description = description
        self.references = references
        self.declaredNodeKinds = declaredNodeKinds
        self.declaredEdgeKinds = declaredEdgeKinds
        self.nodes = nodes
        self.edges = edges
    }

    /// The built-in kinds plus the declared ones.
    public var schema: Schema {
        var schema = Schema.builtIn
        for kind in declaredNodeKinds { schema.add(kind) }
        for kind in declaredEdgeKinds { schema.add(kind) }
        return schema
    }

    /// Node index by id (the first node of a duplicated id).
    /// - Complexity: `O(n)`; keep the result when looking up many ids.
    public func nodeIndex() -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(nodes.count)
        for (i, node) in nodes.enumerated() where index[node.id] == nil { index[node.id] = i }
        return index
    }
}
