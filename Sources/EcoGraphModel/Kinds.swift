/// What a node kind means to the analyses: whom a restriction reaches and what it cuts.
public enum NodeRole: String, Sendable, Hashable, CaseIterable {
    /// An actor or product that belongs somewhere (`company`, `model`, `institute`, ...): its home is given by
    /// its `country` attribute or inherited from its developers. An export control on an entity is an entity
    /// listing.
    case entity
    /// A jurisdiction (`state`, `country`): it is its own home, and `country` attributes name nodes of this role.
    case jurisdiction
    /// A tradable item (`technology`): an export control on it cuts its targets' dependencies on it.
    case item
}

/// A kind of node: what sort of actor or thing a node is (`company`, `model`, `state`, ...).
public struct NodeKind: Sendable, Hashable, Identifiable {
    /// The kind's name in files (`company`).
    public var id: String
    /// What nodes of the kind are.
    public var description: String
    /// What the kind means to the analyses (default `entity`).
    public var role: NodeRole

    /// A node kind from its name, description and role.
    public init(_ id: String, _ description: String, role: NodeRole = .entity) {
        self.id = id
        self.description = description
        self.role = role
    }
}

/// Which end of a dependency edge depends on the other.
public enum DependentEnd: String, Sendable, Hashable, CaseIterable {
    /// The source depends on the target (`model builds_on framework`).
    case source
    /// The target depends on the source (`company develops model`: the model depends on the company).
    case target
}

/// What a restriction edge cuts when a scenario applies it.
public enum RestrictionEffect: String, Sendable, Hashable, CaseIterable {
    /// An export control (`export_controls`): on an item, it cuts the item's dependents that its `targets`
    /// reach (without targets: every dependent whose home is not the issuer's); on an entity, it is an entity
    /// listing: the entity loses what the issuer's side supplies.
    case export
    /// A ban on use (`bans`): it cuts the item's dependents that its `targets` reach (without targets: the
    /// dependents whose home is the issuer's).
    case use
}

/// What a restriction covers, as its `scope` says. The analyses apply a restriction to whom its targets
/// reach whatever its scope; the scope qualifies the finding ("government devices only") and `validate
/// --warnings` lists restrictions without one, or with a scope not named here.
public enum RestrictionScope {
    /// The whole jurisdiction of its targets: an export control on an item, a nationwide block.
    public static let jurisdiction = "jurisdiction"
    /// Named entities only: an entity listing.
    public static let entity = "entity"
    /// Government systems and devices only.
    public static let governmentDevices = "government-devices"
    /// Distribution through app stores (new downloads), not use already under way.
    public static let appStores = "app-stores"
    /// Critical infrastructure operators.
    public static let criticalInfrastructure = "critical-infrastructure"

    /// The scopes written here, in the order above.
    public static let known = [jurisdiction, entity, governmentDevices, appStores, criticalInfrastructure]
}

/// What an edge kind means to the analyses.
public enum EdgeRole: Sendable, Hashable {
    /// A dependency: the dependent end needs the other end. The dependency view orients every such
    /// edge from dependent to dependency.
    case dependency(dependent: DependentEnd)
    /// A restriction (export control, ban): left out of the dependency view and applied in scenarios,
    /// where it cuts dependencies as its effect says.
    case restriction(RestrictionEffect)
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
    /// Whether the dependent end belongs where the other end does when it has no `country` of its own
    /// (`develops`: a model is at home where its developer is).
    public var conveysHome: Bool

    /// An edge kind from its name, description, allowed ends and role.
    public init(_ id: String, _ description: String, from: KindConstraint, to: KindConstraint, role: EdgeRole,
                conveysHome: Bool = false) {
        self.id = id
        self.description = description
        self.from = from
        self.to = to
        self.role = role
        self.conveysHome = conveysHome
    }

    /// What the kind cuts, for a restriction kind.
    public var restriction: RestrictionEffect? {
        if case .restriction(let effect) = role { return effect }
        return nil
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

    /// The kinds every graph may use without declaring them (`NodeKind.company`, `EdgeKind.develops`, ...).
    public static let builtIn = Schema(
        nodeKinds: [.company, .model, .state, .institute, .country, .initiative, .technology],
        edgeKinds: [.develops, .backs, .buildsOn, .derivedFrom, .adopts, .contributesTo, .supplies, .exportControls, .bans,
                    .advocates, .memberOf, .partnersWith, .onParWith])
}

// MARK: - The built-in kinds, each written once

extension NodeKind {
    /// A firm: developer, cloud provider, chip designer, foundry, equipment maker.
    public static let company = NodeKind("company", "A firm: developer, cloud provider, chip designer, foundry, equipment maker.")
    /// An AI model or model family.
    public static let model = NodeKind("model", "An AI model or model family.")
    /// A state acting on the ecosystem: sets policy, backs, controls exports, bans.
    public static let state = NodeKind("state", "A state acting on the ecosystem: sets policy, backs, controls exports, bans.",
                                       role: .jurisdiction)
    /// A research institute, university or lab.
    public static let institute = NodeKind("institute", "A research institute, university or lab.")
    /// A country present as an adopter, with the attributes `region` and `group` (e.g. `global-south`).
    public static let country = NodeKind("country", "A country present as an adopter; attributes `region` and `group` (e.g. global-south).",
                                         role: .jurisdiction)
    /// A forum or policy instrument: G20, a UN resolution, a capacity-building plan.
    public static let initiative = NodeKind("initiative", "A forum or policy instrument: G20, a UN resolution, a capacity-building plan.")
    /// A framework, chip, model hub, dataset, platform or other supply-chain item.
    public static let technology = NodeKind("technology", "A framework, chip, model hub, dataset, platform or other supply-chain item.",
                                            role: .item)
}

extension EdgeKind {
    /// `develops` (dependency; the target depends, and is at home where its developer is): a company,
    /// institute or state builds a model or technology.
    public static let develops = EdgeKind(
        "develops", "Builds and maintains a model or technology; it depends on its developer.",
        from: .only([NodeKind.company.id, NodeKind.institute.id, NodeKind.state.id]), to: .only([NodeKind.model.id, NodeKind.technology.id]),
        role: .dependency(dependent: .target), conveysHome: true)
    /// `backs` (dependency; the target depends): a state funds, directs or protects a party.
    public static let backs = EdgeKind(
        "backs", "State backing: funds, directs or protects; the backed party depends on it.",
        from: .only([NodeKind.state.id]),
        to: .only([NodeKind.company.id, NodeKind.institute.id, NodeKind.model.id, NodeKind.technology.id, NodeKind.initiative.id]),
        role: .dependency(dependent: .target))
    /// `builds_on` (dependency; the source depends): a model or technology is built on another.
    public static let buildsOn = EdgeKind(
        "builds_on", "Is built on a model or technology (framework, chip, dataset) and depends on it.",
        from: .only([NodeKind.model.id, NodeKind.technology.id, NodeKind.company.id, NodeKind.institute.id]),
        to: .only([NodeKind.model.id, NodeKind.technology.id]),
        role: .dependency(dependent: .source))
    /// `derived_from` (dependency; the source depends): a fine-tune or distillation of a base model.
    public static let derivedFrom = EdgeKind(
        "derived_from", "A model fine-tuned or distilled from a base model depends on it.",
        from: .only([NodeKind.model.id]), to: .only([NodeKind.model.id]),
        role: .dependency(dependent: .source))
    /// `adopts` (dependency; the source depends): a country, state, company or institute uses a model or technology.
    public static let adopts = EdgeKind(
        "adopts", "Uses a model or technology and depends on it.",
        from: .only([NodeKind.country.id, NodeKind.state.id, NodeKind.company.id, NodeKind.institute.id]),
        to: .only([NodeKind.model.id, NodeKind.technology.id]),
        role: .dependency(dependent: .source))
    /// `contributes_to` (dependency; the target depends): a project depends on its contributors.
    public static let contributesTo = EdgeKind(
        "contributes_to", "Contributes code, data or weights to a project, which depends on its contributors.",
        from: .only([NodeKind.company.id, NodeKind.institute.id, NodeKind.state.id, NodeKind.country.id, NodeKind.model.id]),
        to: .only([NodeKind.technology.id, NodeKind.model.id, NodeKind.initiative.id]),
        role: .dependency(dependent: .target))
    /// `supplies` (dependency; the target depends): the customer depends on its supplier.
    public static let supplies = EdgeKind(
        "supplies", "Supplies a product or service; the customer depends on the supplier.",
        from: .only([NodeKind.company.id, NodeKind.technology.id, NodeKind.state.id, NodeKind.country.id]),
        to: .only([NodeKind.company.id, NodeKind.technology.id, NodeKind.model.id, NodeKind.institute.id, NodeKind.state.id, NodeKind.country.id]),
        role: .dependency(dependent: .target))
    /// `export_controls` (restriction, effect `export`): a state restricts an item's export to the edge's
    /// `targets`, or lists an entity.
    public static let exportControls = EdgeKind(
        "export_controls", "Restricts the export of an item to the states named in `targets`.",
        from: .only([NodeKind.state.id]), to: .only([NodeKind.technology.id, NodeKind.company.id, NodeKind.model.id]),
        role: .restriction(.export))
    /// `bans` (restriction, effect `use`): a state or country forbids a model, company or technology within its borders.
    public static let bans = EdgeKind(
        "bans", "Forbids the use of a model, company or technology within the banning state.",
        from: .only([NodeKind.state.id, NodeKind.country.id]), to: .only([NodeKind.model.id, NodeKind.company.id, NodeKind.technology.id]),
        role: .restriction(.use))
    /// `advocates` (influence): promotes an initiative, technology or model.
    public static let advocates = EdgeKind(
        "advocates", "Promotes an initiative, technology or model.",
        from: .only([NodeKind.state.id, NodeKind.company.id, NodeKind.institute.id, NodeKind.country.id]),
        to: .only([NodeKind.initiative.id, NodeKind.technology.id, NodeKind.model.id]),
        role: .influence)
    /// `member_of` (influence): is a member of or party to an initiative.
    public static let memberOf = EdgeKind(
        "member_of", "Is a member of or party to an initiative.",
        from: .only([NodeKind.state.id, NodeKind.country.id, NodeKind.company.id, NodeKind.institute.id]), to: .only([NodeKind.initiative.id]),
        role: .influence)
    /// `partners_with` (influence): partners with, or deepens ties with, another party.
    public static let partnersWith = EdgeKind(
        "partners_with", "Partners with, or deepens ties with, another party.", from: .any, to: .any, role: .influence)
    /// `on_par_with` (influence): a model performs on par with, or is benchmarked against, another.
    public static let onParWith = EdgeKind(
        "on_par_with", "Performs on par with, or is benchmarked against, another model.",
        from: .only([NodeKind.model.id]), to: .only([NodeKind.model.id]), role: .influence)
}
