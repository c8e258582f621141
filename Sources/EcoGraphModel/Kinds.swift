/// A kind of node: what sort of actor or thing a node is (`company`, `model`, `state`, ...).
public struct NodeKind: Sendable, Hashable, Identifiable {
    /// The kind's name in files (`company`).
    public var id: String
    /// What nodes of the kind are.
    public var description: String

    /// A node kind from its name and description.
    public init(_ id: String, _ description: String) {
        self.id = id
        self.description = description
    }
}

/// Which end of a dependency edge depends on the other.
public enum DependentEnd: String, Sendable, Hashable, CaseIterable {
    /// The source depends on the target (`model builds_on framework`).
    case source
    /// The target depends on the source (`company develops model`: the model depends on the company).
    case target
}

/// What an edge kind means to the analyses.
public enum EdgeRole: Sendable, Hashable {
    /// A dependency: the dependent end needs the other end. The dependency view orients every such
    /// edge from dependent to dependency.
    case dependency(dependent: DependentEnd)
    /// A restriction (export control, ban): left out of the dependency view and applied in scenarios,
    /// where it cuts dependencies.
    case restriction
    /// An influence (advocates, partners with, on par with): drawn and counted, never a dependency.
    case influence

    /// The role's name in files: `dependency`, `restriction` or `influence`.
    public var name: String {
        switch self {
        case .dependency: "dependency"
        case .restriction: "restriction"
        case .influence: "influence"
        }
    }
}

/// Which node kinds an edge kind may join at one end: any kind, or a listed set.
public enum KindConstraint: Sendable, Hashable {
    /// Any node kind (`["*"]` in files).
    case any
    /// Only these node kinds.
    case only([String])

    /// Whether a node kind may be at this end.
    public func allows(_ kind: String) -> Bool {
        switch self {
        case .any: true
        case .only(let kinds): kinds.contains(kind)
        }
    }

    /// The kinds as written in files: `["*"]` for any.
    public var names: [String] {
        switch self {
        case .any: ["*"]
        case .only(let kinds): kinds
        }
    }

    /// Reads the file form: a list that holds `*` means any kind.
    public init(names: [String]) {
        self = names.contains("*") ? .any : .only(names)
    }
}

/// A kind of edge, with its meaning: which node kinds it joins and its role.
public struct EdgeKind: Sendable, Hashable, Identifiable {
    /// The kind's name in files (`builds_on`).
    public var id: String
    /// What an edge of the kind says.
    public var description: String
    /// The node kinds an edge of the kind may start at.
    public var from: KindConstraint
    /// The node kinds an edge of the kind may end at.
    public var to: KindConstraint
    /// What the kind means to the analyses: dependency (and which end depends), restriction or influence.
    public var role: EdgeRole

    /// An edge kind from its name, description, allowed ends and role.
    public init(_ id: String, _ description: String, from: KindConstraint, to: KindConstraint, role: EdgeRole) {
        self.id = id
        self.description = description
        self.from = from
        self.to = to
        self.role = role
    }

    /// The end that depends on the other, for a dependency kind.
    public var dependent: DependentEnd? {
        if case .dependency(let end) = role { return end }
        return nil
    }
}

/// The node and edge kinds a graph may use: the built-in ones plus those a file declares.
public struct Schema: Sendable, Hashable {
    /// The node kinds, built-in ones first, in order of addition.
    public private(set) var nodeKinds: [NodeKind]
    /// The edge kinds, built-in ones first, in order of addition.
    public private(set) var edgeKinds: [EdgeKind]
    private var nodeKindIndex: [String: Int]
    private var edgeKindIndex: [String: Int]

    /// A schema with the given kinds; later duplicates of an id are ignored.
    public init(nodeKinds: [NodeKind], edgeKinds: [EdgeKind]) {
        self.nodeKinds = []
        self.edgeKinds = []
        nodeKindIndex = [:]
        edgeKindIndex = [:]
        for kind in nodeKinds { add(kind) }
        for kind in edgeKinds { add(kind) }
    }

    /// The node kind with a name, if the schema has it.
    public func nodeKind(_ id: String) -> NodeKind? { nodeKindIndex[id].map { nodeKinds[$0] } }
    /// The edge kind with a name, if the schema has it.
    public func edgeKind(_ id: String) -> EdgeKind? { edgeKindIndex[id].map { edgeKinds[$0] } }

    /// Adds a node kind; returns false when one with that id exists already.
    @discardableResult
    public mutating func add(_ kind: NodeKind) -> Bool {
        guard nodeKindIndex[kind.id] == nil else { return false }
        nodeKindIndex[kind.id] = nodeKinds.count
        nodeKinds.append(kind)
        return true
    }

    /// Adds an edge kind; returns false when one with that id exists already.
    @discardableResult
    public mutating func add(_ kind: EdgeKind) -> Bool {
        guard edgeKindIndex[kind.id] == nil else { return false }
        edgeKindIndex[kind.id] = edgeKinds.count
        edgeKinds.append(kind)
        return true
    }

    /// The kinds every graph may use without declaring them.
    public static let builtIn = Schema(
        nodeKinds: [
            NodeKind("company", "A firm: developer, cloud provider, chip designer, foundry, equipment maker."),
            NodeKind("model", "An AI model or model family."),
            NodeKind("state", "A state acting on the ecosystem: sets policy, backs, controls exports, bans."),
            NodeKind("institute", "A research institute, university or lab."),
            NodeKind("country", "A country present as an adopter; attributes `region` and `group` (e.g. global-south)."),
            NodeKind("initiative", "A forum or policy instrument: G20, a UN resolution, a capacity-building plan."),
            NodeKind("technology", "A framework, chip, model hub, dataset, platform or other supply-chain item."),
        ],
        edgeKinds: [
            EdgeKind("develops", "Builds and maintains a model or technology; it depends on its developer.",
                     from: .only(["company", "institute", "state"]), to: .only(["model", "technology"]),
                     role: .dependency(dependent: .target)),
            EdgeKind("backs", "State backing: funds, directs or protects; the backed party depends on it.",
                     from: .only(["state"]), to: .only(["company", "institute", "model", "technology", "initiative"]),
                     role: .dependency(dependent: .target)),
            EdgeKind("builds_on", "Is built on a model or technology (framework, chip, dataset) and depends on it.",
                     from: .only(["model", "technology", "company", "institute"]), to: .only(["model", "technology"]),
                     role: .dependency(dependent: .source)),
            EdgeKind("derived_from", "A model fine-tuned or distilled from a base model depends on it.",
                     from: .only(["model"]), to: .only(["model"]),
                     role: .dependency(dependent: .source)),
            EdgeKind("adopts", "Uses a model or technology and depends on it.",
                     from: .only(["country", "state", "company", "institute"]), to: .only(["model", "technology"]),
                     role: .dependency(dependent: .source)),
            EdgeKind("contributes_to", "Contributes code, data or weights to a project, which depends on its contributors.",
                     from: .only(["company", "institute", "state", "country", "model"]),
                     to: .only(["technology", "model", "initiative"]),
                     role: .dependency(dependent: .target)),
            EdgeKind("supplies", "Supplies a product or service; the customer depends on the supplier.",
                     from: .only(["company", "technology", "state", "country"]),
                     to: .only(["company", "technology", "model", "institute", "state", "country"]),
                     role: .dependency(dependent: .target)),
            EdgeKind("export_controls", "Restricts the export of an item to the states named in `targets`.",
                     from: .only(["state"]), to: .only(["technology", "company", "model"]),
                     role: .restriction),
            EdgeKind("bans", "Forbids the use of a model, company or technology within the banning state.",
                     from: .only(["state", "country"]), to: .only(["model", "company", "technology"]),
                     role: .restriction),
            EdgeKind("advocates", "Promotes an initiative, technology or model.",
                     from: .only(["state", "company", "institute", "country"]),
                     to: .only(["initiative", "technology", "model"]),
                     role: .influence),
            EdgeKind("member_of", "Is a member of or party to an initiative.",
                     from: .only(["state", "country", "company", "institute"]), to: .only(["initiative"]),
                     role: .influence),
            EdgeKind("partners_with", "Partners with, or deepens ties with, another party.",
                     from: .any, to: .any, role: .influence),
            EdgeKind("on_par_with", "Performs on par with, or is benchmarked against, another model.",
                     from: .only(["model"]), to: .only(["model"]), role: .influence),
        ])
}
