import EcoGraphModel

// The fact diff of two maps (two files, or one file at two dates): which nodes and edges were added,
// removed or changed, and in which fields. `DiffConsequences.swift` has what the changes do to the analyses.

/// One compared field of a node or an edge, its value as text (see `DiffFacts` for the fields and spellings).
public struct DiffField: Sendable, Hashable {
    /// The field's name as the file format spells it (`label`, `weight`, `since`, `attributes.country`, ...).
    public var name: String
    /// The value as text: numbers without a needless fraction, lists joined with `, `, dates as written.
    public var value: String
    /// What kind of value it is, so that the text `1` and the number 1 differ (0: text; 1: number; 2: boolean;
    /// 3: list). Only attributes can differ in kind.
    var valueKind: UInt8

    /// A field with a textual value.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
        self.valueKind = 0
    }

    init(name: String, value: String, valueKind: UInt8) {
        self.name = name
        self.value = value
        self.valueKind = valueKind
    }
}

/// A node of one side of a diff: who it is, and every compared field.
public struct DiffNode: Sendable, Hashable {
    /// The node's id (nodes are matched by id).
    public var id: String
    /// The node's label (its id when the graph gives none).
    public var label: String
    /// The node's kind, when the graph has kinds.
    public var kind: String?
    /// The node's citations, as written.
    public var sources: [String]
    /// The compared fields, in a fixed order; a field the node does not have is absent.
    public var fields: [DiffField]

    /// A node with its fields.
    public init(id: String, label: String, kind: String?, sources: [String] = [], fields: [DiffField]) {
        self.id = id
        self.label = label
        self.kind = kind
        self.sources = sources
        self.fields = fields
    }
}

/// How edges are matched across the two sides: by id when an edge has one, else by its ends and kind and
/// its occurrence among the edges with the same ends and kind and no id (0 for the first, in file order).
public enum DiffEdgeKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// An edge with an id.
    case id(String)
    /// An edge without an id: `from`, `to`, kind (when the graph has kinds), occurrence.
    case ends(from: String, to: String, kind: String?, occurrence: Int)

    /// Ids first (by id), then ends (by `from`, `to`, kind, occurrence).
    public static func < (a: DiffEdgeKey, b: DiffEdgeKey) -> Bool {
        switch (a, b) {
        case (.id(let x), .id(let y)): x < y
        case (.id, .ends): true
        case (.ends, .id): false
        case let (.ends(f1, t1, k1, o1), .ends(f2, t2, k2, o2)): (f1, t1, k1 ?? "", o1) < (f2, t2, k2 ?? "", o2)
        }
    }

    /// `id:ID`, or `FROM -> TO (KIND)`, with `#N` for the N-th repeat.
    public var description: String {
        switch self {
        case .id(let id): "id:\(id)"
        case let .ends(from, to, kind, occurrence):
            "\(from) -> \(to)" + (kind.map { " (\($0))" } ?? "") + (occurrence > 0 ? " #\(occurrence)" : "")
        }
    }
}

/// An edge of one side of a diff: its ends, kind and id, and every compared field.
public struct DiffEdge: Sendable, Hashable {
    /// The edge's id, if it has one.
    public var id: String?
    /// The source node's id (for an undirected table, the smaller end).
    public var from: String
    /// The target node's id.
    public var to: String
    /// The edge's kind, when the graph has kinds.
    public var kind: String?
    /// For an edge without an id: how many edges with the same ends and kind and no id come before it in its
    /// file (for one file at two dates, in the whole file, so that an edge keeps its key from date to date).
    public var occurrence: Int
    /// The edge's citations, as written.
    public var sources: [String]
    /// The compared fields, in a fixed order; a field the edge does not have is absent.
    public var fields: [DiffField]

    /// An edge with its fields.
    public init(id: String?, from: String, to: String, kind: String?, occurrence: Int = 0, sources: [String] = [], fields: [DiffField]) {
        self.id = id
        self.from = from
        self.to = to
        self.kind = kind
        self.occurrence = occurrence
        self.sources = sources
        self.fields = fields
    }

    /// The key the edge is matched by.
    public var key: DiffEdgeKey {
        id.map(DiffEdgeKey.id) ?? .ends(from: from, to: to, kind: kind, occurrence: occurrence)
    }
}

/// One field that differs: its value before and after (`nil` where the fact does not have the field).
public struct FieldChange: Sendable, Hashable {
    /// The field's name (`label`, `weight`, `attributes.country`, ...).
    public var field: String
    /// The value before, as text, or `nil` when absent.
    public var before: String?
    /// The value after, as text, or `nil` when absent.
    public var after: String?

    /// A change.
    public init(field: String, before: String?, after: String?) {
        self.field = field
        self.before = before
        self.after = after
    }
}

/// What happened to one fact between the two sides.
public enum DiffStatus: Sendable, Hashable {
    /// On both sides, every field equal.
    case unchanged
    /// Only after.
    case added
    /// Only before.
    case removed
    /// On both sides, with these fields different (in field order).
    case changed([FieldChange])
}

/// A fact of the union of two sides, with what happened to it.
public struct DiffItem<Fact: Sendable & Hashable>: Sendable, Hashable {
    /// The fact as it is after (as it was before, for a removed one).
    public var fact: Fact
    /// What happened to it.
    public var status: DiffStatus

    /// An item.
    public init(fact: Fact, status: DiffStatus) {
        self.fact = fact
        self.status = status
    }
}

/// One side's facts, keyed for comparison: the nodes and the edges as the file writes them (a typed
/// ecosystem), or the nodes and edges of a generic table.
///
/// Compared fields, each present only when the fact has it:
/// - ecosystem nodes: `kind`, `label`, `confidence`, `attributes.NAME` (one per attribute), `since`, `until`,
///   `sources`, `inferred`, `note`;
/// - ecosystem edges: `from`, `to`, `kind`, `weight`, `confidence`, `alternatives`, `targets`,
///   `attributes.NAME`, `since`, `until`, `scope`, `lifted`, `sources`, `inferred`, `note`;
/// - table nodes: `kind`, `label`, `confidence`, `since`, `until`; table edges: `from`, `to`, `kind`, `weight`,
///   `confidence`, `since`, `until` (as the table has them).
///
/// `weight`, `confidence` and `inferred` are always present on ecosystem facts (they have defaults). Sources and
/// targets are compared as sets (their order in the file is not a fact); attribute lists in order.
public struct DiffFacts: Sendable, Hashable {
    /// The nodes, in graph order.
    public var nodes: [DiffNode]
    /// The edges, in file (or table) order.
    public var edges: [DiffEdge]

    /// Facts as given.
    public init(nodes: [DiffNode], edges: [DiffEdge]) {
        self.nodes = nodes
        self.edges = edges
    }

    /// The facts of an ecosystem: its nodes, and its edges as written. An edge without an id is numbered
    /// among the edges of `record` (default: the ecosystem itself) with the same ends and kind and no id, so
    /// that one file filtered to two dates keys each edge the same way on both. `ecosystem`'s edges are
    /// expected in `record` in the same order (as `Ecosystem.filtered` leaves them); if they are not, every
    /// edge is numbered among the ecosystem's own.
    /// - Complexity: `O(n + m)` (`O(m)` hashing of edges when a record is given).
    public init(ecosystem: Ecosystem, record: Ecosystem? = nil) {
        nodes = ecosystem.nodes.map { node in
            var fields: [DiffField] = [DiffField(name: "kind", value: node.kind), DiffField(name: "label", value: node.label),
                                       DiffField(name: "confidence", value: Self.number(node.confidence))]
            fields += Self.attributeFields(node.attributes)
            fields += Self.lifetimeFields(node.lifetime)
            if !node.sources.isEmpty { fields.append(DiffField(name: "sources", value: Self.set(node.sources))) }
            fields.append(DiffField(name: "inferred", value: String(node.inferred), valueKind: 2))
            if let note = node.note { fields.append(DiffField(name: "note", value: note)) }
            return DiffNode(id: node.id, label: node.label, kind: node.kind, sources: node.sources, fields: fields)
        }
        let occurrences = Self.occurrences(of: ecosystem.edges, in: record?.edges ?? ecosystem.edges)
        edges = zip(ecosystem.edges, occurrences).map { edge, occurrence in
            var fields: [DiffField] = [DiffField(name: "from", value: edge.from), DiffField(name: "to", value: edge.to),
                                       DiffField(name: "kind", value: edge.kind), DiffField(name: "weight", value: Self.number(edge.weight)),
                                       DiffField(name: "confidence", value: Self.number(edge.confidence))]
            if let alternatives = edge.alternatives { fields.append(DiffField(name: "alternatives", value: alternatives)) }
            if !edge.targets.isEmpty { fields.append(DiffField(name: "targets", value: Self.set(edge.targets))) }
            fields += Self.attributeFields(edge.attributes)
            fields += Self.lifetimeFields(edge.lifetime)
            if let scope = edge.scope { fields.append(DiffField(name: "scope", value: scope)) }
            if let lifted = edge.lifted { fields.append(DiffField(name: "lifted", value: lifted.description)) }
            if !edge.sources.isEmpty { fields.append(DiffField(name: "sources", value: Self.set(edge.sources))) }
            fields.append(DiffField(name: "inferred", value: String(edge.inferred), valueKind: 2))
            if let note = edge.note { fields.append(DiffField(name: "note", value: note)) }
            return DiffEdge(id: edge.id, from: edge.from, to: edge.to, kind: edge.kind, occurrence: edge.id == nil ? occurrence : 0,
                            sources: edge.sources, fields: fields)
        }
    }

    /// The facts of a generic table: its nodes (id, label, kind, confidence, lifetime) and edges (ends, kind,
    /// weight, confidence, lifetime). An undirected table's edges are keyed by their ends in id order. With `edgeKinds` off,
    /// edges are keyed and compared without their kinds (to compare with a table that has none).
    /// - Complexity: `O(n + m)`.
    public init(table: GraphTable, edgeKinds: Bool = true) {
        nodes = (0 ..< table.nodeCount).map { v in
            var fields: [DiffField] = []
            let kind = table.kind(of: v)
            if let kind { fields.append(DiffField(name: "kind", value: kind)) }
            if let labels = table.nodeLabels { fields.append(DiffField(name: "label", value: labels[v])) }
            if let confidences = table.nodeConfidences { fields.append(DiffField(name: "confidence", value: Self.number(confidences[v]))) }
            if let lifetimes = table.nodeLifetimes { fields += Self.lifetimeFields(lifetimes[v]) }
            return DiffNode(id: table.nodeIDs[v], label: table.label(of: v), kind: kind, fields: fields)
        }
        var seen: [Triple: Int] = [:]
        edges = (0 ..< table.edgeCount).map { e in
            var from = table.nodeIDs[Int(table.sources[e])], to = table.nodeIDs[Int(table.targets[e])]
            if !table.isDirected && to < from { swap(&from, &to) }
            let kind = edgeKinds ? table.edgeKinds.map { table.edgeKindNames[Int($0[e])] } : nil
            var fields = [DiffField(name: "from", value: from), DiffField(name: "to", value: to)]
            if let kind { fields.append(DiffField(name: "kind", value: kind)) }
            if let weights = table.weights { fields.append(DiffField(name: "weight", value: Self.number(weights[e]))) }
            if let confidences = table.edgeConfidences { fields.append(DiffField(name: "confidence", value: Self.number(confidences[e]))) }
            if let lifetimes = table.edgeLifetimes { fields += Self.lifetimeFields(lifetimes[e]) }
            let triple = Triple(from: from, to: to, kind: kind)
            let occurrence = seen[triple, default: 0]
            seen[triple] = occurrence + 1
            return DiffEdge(id: nil, from: from, to: to, kind: kind, occurrence: occurrence, fields: fields)
        }
    }

    /// The facts of two loaded graphs, comparable with each other: two typed ecosystems as written (edges
    /// numbered in their records), else the two tables (for a typed ecosystem, its projected view), keyed with
    /// edge kinds only when both tables have them.
    /// - Complexity: `O(n + m)` per side.
    public static func comparable(before: LoadedGraph, after: LoadedGraph) -> (before: DiffFacts, after: DiffFacts) {
        if let a = before.ecosystem, let b = after.ecosystem {
            return (DiffFacts(ecosystem: a, record: before.record), DiffFacts(ecosystem: b, record: after.record))
        }
        let kinds = before.table.edgeKinds != nil && after.table.edgeKinds != nil
        return (DiffFacts(table: before.table, edgeKinds: kinds), DiffFacts(table: after.table, edgeKinds: kinds))
    }

    // MARK: Spellings

    /// A number without a needless fraction.
    static func number(_ x: Double) -> String { AttributeValue.number(x).description }

    /// A set of strings, sorted and without repeats, joined with `, `.
    static func set(_ items: [String]) -> String { Array(Set(items)).sorted().joined(separator: ", ") }

    static func attributeFields(_ attributes: [String: AttributeValue]) -> [DiffField] {
        attributes.keys.sorted().map { name in
            let value = attributes[name]!
            let kind: UInt8 = switch value {
            case .string: 0
            case .number: 1
            case .bool: 2
            case .list: 3
            }
            return DiffField(name: "attributes." + name, value: value.description, valueKind: kind)
        }
    }

    static func lifetimeFields(_ lifetime: Lifetime) -> [DiffField] {
        var fields: [DiffField] = []
        if let since = lifetime.since { fields.append(DiffField(name: "since", value: since.description)) }
        if let until = lifetime.until { fields.append(DiffField(name: "until", value: until.description)) }
        return fields
    }

    /// For each edge, its occurrence among the edges of `record` with the same ends and kind and no id.
    /// `edges` is matched to `record` as a subsequence (each edge to the next equal one); edges left over are
    /// numbered among `edges` themselves.
    static func occurrences(of edges: [EcosystemEdge], in record: [EcosystemEdge]) -> [Int] {
        func numbering(_ list: [EcosystemEdge]) -> [Int] {
            var seen: [Triple: Int] = [:]
            return list.map { edge in
                guard edge.id == nil else { return 0 }
                let triple = Triple(from: edge.from, to: edge.to, kind: edge.kind)
                defer { seen[triple, default: 0] += 1 }
                return seen[triple, default: 0]
            }
        }
        if edges.count == record.count && edges == record { return numbering(edges) }
        let recordNumbers = numbering(record)
        var result: [Int] = []
        result.reserveCapacity(edges.count)
        var j = 0
        for edge in edges {
            while j < record.count && record[j] != edge { j += 1 }
            guard j < record.count else { return numbering(edges) }
            result.append(recordNumbers[j])
            j += 1
        }
        return result
    }

    struct Triple: Hashable {
        var from: String, to: String, kind: String?
    }
}

/// The union of two sides' facts, each with what happened to it: the nodes after (in their order) then the
/// nodes only before (in theirs), and likewise the edges. This is what a diff diagram draws.
public struct DiffUnion: Sendable, Hashable {
    /// Every node of either side.
    public var nodes: [DiffItem<DiffNode>]
    /// Every edge of either side.
    public var edges: [DiffItem<DiffEdge>]

    /// Matches nodes by id and edges by `DiffEdge.key`; a matched pair is `changed` when any field differs,
    /// with the fields that differ (in the fields' order; a value whose text is equal but whose kind differs,
    /// the text `1` against the number 1, is told apart by a ` (text)` / ` (number)` suffix).
    ///
    /// When a side repeats an id or a key (an invalid file), its first fact is compared and the others are
    /// kept as they are, unmatched.
    /// - Complexity: `O((n + m) f)` for `f` fields per fact, with hashing.
    public init(before: DiffFacts, after: DiffFacts) {
        nodes = Self.union(before.nodes, after.nodes, key: \.id)
        edges = Self.union(before.edges, after.edges, key: \.key)
    }

    private static func union<Fact: Sendable & Hashable, Key: Hashable>(
        _ before: [Fact], _ after: [Fact], key: (Fact) -> Key
    ) -> [DiffItem<Fact>] where Fact: FieldCarrying {
        var beforeIndex: [Key: Int] = [:]
        beforeIndex.reserveCapacity(before.count)
        for (i, fact) in before.enumerated() where beforeIndex[key(fact)] == nil { beforeIndex[key(fact)] = i }
        var matched = [Bool](repeating: false, count: before.count)
        var items: [DiffItem<Fact>] = []
        items.reserveCapacity(before.count + after.count)
        for fact in after {
            if let i = beforeIndex[key(fact)], !matched[i] {
                matched[i] = true
                let changes = fieldChanges(before[i].fields, fact.fields)
                items.append(DiffItem(fact: fact, status: changes.isEmpty ? .unchanged : .changed(changes)))
            } else {
                items.append(DiffItem(fact: fact, status: .added))
            }
        }
        for (i, fact) in before.enumerated() where !matched[i] { items.append(DiffItem(fact: fact, status: .removed)) }
        return items
    }

    /// The fields that differ, in field order (fixed fields first as listed, attributes by name where they stand).
    static func fieldChanges(_ a: [DiffField], _ b: [DiffField]) -> [FieldChange] {
        guard a != b else { return [] }
        let old = Dictionary(a.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(b.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let names = Set(old.keys).union(new.keys).sorted { fieldOrder($0) < fieldOrder($1) }
        return names.compactMap { name in
            let x = old[name], y = new[name]
            guard x != y else { return nil }
            var before = x?.value, after = y?.value
            if let x, let y, x.value == y.value {
                before = x.value + " (\(kindName(x.valueKind)))"
                after = y.value + " (\(kindName(y.valueKind)))"
            }
            return FieldChange(field: name, before: before, after: after)
        }
    }

    private static let order = ["from", "to", "kind", "label", "weight", "confidence", "alternatives", "targets", "attributes.",
                                "since", "until", "scope", "lifted", "sources", "inferred", "note"]

    private static func fieldOrder(_ name: String) -> (Int, String) {
        if name.hasPrefix("attributes.") { return (order.firstIndex(of: "attributes.")!, name) }
        return (order.firstIndex(of: name) ?? order.count, name)
    }

    private static func kindName(_ kind: UInt8) -> String {
        switch kind {
        case 1: "number"
        case 2: "boolean"
        case 3: "list"
        default: "text"
        }
    }
}

/// A fact with compared fields.
protocol FieldCarrying { var fields: [DiffField] { get } }
extension DiffNode: FieldCarrying {}
extension DiffEdge: FieldCarrying {}

/// A node that changed: the node as it is after, and the fields that differ.
public struct DiffNodeChange: Sendable, Hashable {
    /// The node after.
    public var node: DiffNode
    /// The fields that differ, in field order.
    public var changes: [FieldChange]
}

/// An edge that changed: the edge as it is after, and the fields that differ.
public struct DiffEdgeChange: Sendable, Hashable {
    /// The edge after.
    public var edge: DiffEdge
    /// The fields that differ, in field order.
    public var changes: [FieldChange]
}

/// The facts added, removed and changed between two maps: the set differences of their nodes (by id) and
/// edges (by `DiffEdgeKey`), and the matched facts whose fields differ.
///
/// For one file at two dates the facts alive on both days are the same facts, so nothing is `changed`: a fact
/// comes into force (added) or goes out of it (removed; a restriction also when it is lifted). For two files,
/// a fact edited between them is changed, with the fields and their values before and after.
///
/// Lists are sorted: nodes by id, edges by key. Swapping the sides swaps `added` and `removed` and the
/// before and after values of each change.
public struct EcosystemDiff: Sendable, Hashable {
    /// Nodes only after, by id.
    public var addedNodes: [DiffNode]
    /// Nodes only before, by id.
    public var removedNodes: [DiffNode]
    /// Nodes on both sides whose fields differ, by id.
    public var changedNodes: [DiffNodeChange]
    /// Edges only after, by key.
    public var addedEdges: [DiffEdge]
    /// Edges only before, by key.
    public var removedEdges: [DiffEdge]
    /// Edges on both sides whose fields differ, by key.
    public var changedEdges: [DiffEdgeChange]

    /// Whether the two sides have the same facts.
    public var isEmpty: Bool {
        addedNodes.isEmpty && removedNodes.isEmpty && changedNodes.isEmpty && addedEdges.isEmpty && removedEdges.isEmpty && changedEdges.isEmpty
    }

    /// The changes of a union.
    /// - Complexity: `O((n + m) log (n + m))`.
    public init(_ union: DiffUnion) {
        addedNodes = union.nodes.filter { $0.status == .added }.map(\.fact).sorted { $0.id < $1.id }
        removedNodes = union.nodes.filter { $0.status == .removed }.map(\.fact).sorted { $0.id < $1.id }
        changedNodes = union.nodes.compactMap { item in
            if case .changed(let changes) = item.status { return DiffNodeChange(node: item.fact, changes: changes) }
            return nil
        }.sorted { $0.node.id < $1.node.id }
        addedEdges = union.edges.filter { $0.status == .added }.map(\.fact).sorted { $0.key < $1.key }
        removedEdges = union.edges.filter { $0.status == .removed }.map(\.fact).sorted { $0.key < $1.key }
        changedEdges = union.edges.compactMap { item in
            if case .changed(let changes) = item.status { return DiffEdgeChange(edge: item.fact, changes: changes) }
            return nil
        }.sorted { $0.edge.key < $1.edge.key }
    }

    /// The changes from one side's facts to the other's.
    /// - Complexity: `O((n + m) log (n + m))`.
    public init(before: DiffFacts, after: DiffFacts) { self.init(DiffUnion(before: before, after: after)) }

    /// The changes from one ecosystem to another (each edge numbered in its own ecosystem).
    /// - Complexity: `O((n + m) log (n + m))`.
    public init(before: Ecosystem, after: Ecosystem) {
        self.init(before: DiffFacts(ecosystem: before), after: DiffFacts(ecosystem: after))
    }

    /// The changes from one loaded graph to another: the ecosystems as written when both are typed (edges
    /// numbered in their records, so one file at two dates keys each edge alike), else their tables.
    /// - Complexity: `O((n + m) log (n + m))`.
    public init(before: LoadedGraph, after: LoadedGraph) {
        let facts = DiffFacts.comparable(before: before, after: after)
        self.init(before: facts.before, after: facts.after)
    }
}
