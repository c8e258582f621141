/// A generic graph as read from a file: node ids and an edge list on dense indices, no schema.
///
/// This is the lean form that generic readers (GraphML, CSV, edge list, DOT) produce and that a typed
/// `Ecosystem` projects to: one `String` per node, flat arrays per edge (no per-edge allocation), so that
/// graphs of millions of edges load in seconds. Edge `i` runs from `sources[i]` to `targets[i]`, indices
/// into `nodeIDs`. Parallel edges and self-loops are kept here as the file gives them; the kernel decides
/// what they mean.
public struct GraphTable: Sendable, Equatable {
    /// Whether the edges have a direction (a generic file's edge `u -> v` reads "u depends on v").
    public var isDirected: Bool
    /// Node ids, as the file names them, in order of first appearance.
    public var nodeIDs: [String]
    /// Display labels by node index, or `nil` when the file gives none (the id is the label).
    public var nodeLabels: [String]?
    /// Node kinds by node index, as indices into `nodeKindNames`, or `nil` when the file gives none.
    public var nodeKinds: [Int32]?
    /// The names of the node kinds that `nodeKinds` indexes.
    public var nodeKindNames: [String]
    /// The source node of each edge.
    public var sources: [Int32]
    /// The target node of each edge.
    public var targets: [Int32]
    /// Edge weights by edge index, or `nil` when the file gives none.
    public var weights: [Double]?
    /// Edge kinds by edge index, as indices into `edgeKindNames`, or `nil` when the file gives none.
    public var edgeKinds: [Int32]?
    /// The names of the edge kinds that `edgeKinds` indexes.
    public var edgeKindNames: [String]
    /// When each node exists, by node index, or `nil` when no node is dated (every node always exists).
    public var nodeLifetimes: [Lifetime]?
    /// When each edge holds (a restriction: while in force), by edge index, or `nil` when no edge is dated.
    public var edgeLifetimes: [Lifetime]?
    /// How confident the record is that each node exists, in [0, 1], by node index, or `nil` when the file
    /// gives none (every node is certain).
    public var nodeConfidences: [Double]?
    /// How confident the record is in each edge, in [0, 1], by edge index, or `nil` when the file gives none.
    public var edgeConfidences: [Double]?

    /// A table from its columns; indices must be valid (readers and projections guarantee it).
    public init(
        isDirected: Bool, nodeIDs: [String], nodeLabels: [String]? = nil,
        nodeKinds: [Int32]? = nil, nodeKindNames: [String] = [],
        sources: [Int32], targets: [Int32], weights: [Double]? = nil,
        edgeKinds: [Int32]? = nil, edgeKindNames: [String] = [],
        nodeLifetimes: [Lifetime]? = nil, edgeLifetimes: [Lifetime]? = nil,
        nodeConfidences: [Double]? = nil, edgeConfidences: [Double]? = nil
    ) {
        self.nodeLifetimes = nodeLifetimes
        self.edgeLifetimes = edgeLifetimes
        self.nodeConfidences = nodeConfidences
        self.edgeConfidences = edgeConfidences
        self.isDirected = isDirected
        self.nodeIDs = nodeIDs
        self.nodeLabels = nodeLabels
        self.nodeKinds = nodeKinds
        self.nodeKindNames = nodeKindNames
        self.sources = sources
        self.targets = targets
        self.weights = weights
        self.edgeKinds = edgeKinds
        self.edgeKindNames = edgeKindNames
    }

    /// Number of nodes.
    public var nodeCount: Int { nodeIDs.count }
    /// Number of edges, parallel edges and self-loops included.
    public var edgeCount: Int { sources.count }

    /// The label of a node: its label if the file gave one, else its id.
    public func label(of node: Int) -> String { nodeLabels?[node] ?? nodeIDs[node] }

    /// The kind name of a node, if the file gave kinds.
    public func kind(of node: Int) -> String? { nodeKinds.map { nodeKindNames[Int($0[node])] } }
}

extension GraphTable {
    /// Whether any node or edge is dated.
    public var isDated: Bool { nodeLifetimes != nil || edgeLifetimes != nil }

    /// The table as it stood on a day: the nodes alive then, in their order, and the edges alive then
    /// between them. An undated table is returned whole.
    ///
    /// - Returns: the snapshot, and for each of its nodes and edges the index it had in this table.
    /// - Complexity: `O(n + m)`.
    public func snapshot(on day: EcoDate) -> (table: GraphTable, nodes: [Int], edges: [Int]) {
        filtered(FactFilter(asOf: day))
    }

    /// The nodes and edges a filter keeps, as `Ecosystem.filtered` keeps them: with `asOf`, those alive that
    /// day; with `minConfidence`, those at least that confident (a table without confidences is certain);
    /// an edge also needs both its ends kept. A table knows no inferred facts, so `excludeInferred` keeps
    /// everything. Columns stay as they are (a snapshot of a dated table stays dated).
    ///
    /// - Returns: the kept table, and for each of its nodes and edges the index it had in this table.
    /// - Complexity: `O(n + m)`.
    public func filtered(_ filter: FactFilter) -> (table: GraphTable, nodes: [Int], edges: [Int]) {
        let nodes = (0 ..< nodeCount).map { node in
            (filter.asOf.map { nodeLifetimes?[node].contains($0) ?? true } ?? true) && (nodeConfidences?[node] ?? 1) >= filter.minConfidence
        }
        let edges = (0 ..< edgeCount).map { edge in
            (filter.asOf.map { edgeLifetimes?[edge].contains($0) ?? true } ?? true) && (edgeConfidences?[edge] ?? 1) >= filter.minConfidence
        }
        return restricted(nodes: nodes, edges: edges)
    }
}
