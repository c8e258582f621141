import EcoGraphKernel

/// Size, connectivity and composition of a graph.
public struct GraphStatistics: Sendable, Equatable {
    /// Number of nodes.
    public var nodes: Int
    /// Number of edges as the file gives them (typed edges, or lines of a generic file).
    public var edges: Int
    /// Number of distinct ordered node pairs joined by an edge (unordered when undirected): the edge
    /// count of NetworkX's `DiGraph` / `Graph` of the same file.
    public var distinctEdges: Int
    /// Number of self-loops among the distinct edges.
    public var selfLoops: Int
    /// Whether the graph is directed.
    public var isDirected: Bool
    /// Number of weakly connected components (connected components when undirected).
    public var weaklyConnectedComponents: Int
    /// Number of strongly connected components (connected components when undirected).
    public var stronglyConnectedComponents: Int
    /// Size of the largest weakly connected component.
    public var largestComponent: Int
    /// `networkx.density` of the distinct edges: `m / (n (n - 1))` directed, `2m / (n (n - 1))`
    /// undirected, 0 when `n <= 1`.
    public var density: Double
    /// Node count per node kind (every kind of the schema, zeros included), in schema order.
    public var kinds: [(kind: String, count: Int)]
    /// Edge count per edge kind that occurs, in schema order.
    public var edgeKinds: [(kind: String, count: Int)]

    /// Whether two statistics agree in every field.
    public static func == (a: GraphStatistics, b: GraphStatistics) -> Bool {
        a.nodes == b.nodes && a.edges == b.edges && a.distinctEdges == b.distinctEdges && a.selfLoops == b.selfLoops
            && a.isDirected == b.isDirected && a.weaklyConnectedComponents == b.weaklyConnectedComponents
            && a.stronglyConnectedComponents == b.stronglyConnectedComponents && a.largestComponent == b.largestComponent
            && a.density == b.density && a.kinds.elementsEqual(b.kinds, by: ==) && a.edgeKinds.elementsEqual(b.edgeKinds, by: ==)
    }

    /// Statistics of a graph table: connectivity on the kernel graph of all its edges.
    /// - Complexity: `O(n + m log d)`.
    public init(_ table: GraphTable) {
        let graph = table.csrGraph()
        nodes = table.nodeCount
        edges = table.edgeCount
        distinctEdges = graph.edgeCount
        selfLoops = graph.selfLoopCount
        isDirected = table.isDirected
        let weak = graph.weaklyConnectedComponents()
        weaklyConnectedComponents = weak.count
        stronglyConnectedComponents = graph.stronglyConnectedComponents().count
        largestComponent = weak.sizes.max() ?? 0
        let n = Double(nodes)
        density = nodes <= 1 ? 0 : Double(graph.edgeCount) * (isDirected ? 1 : 2) / (n * (n - 1))
        kinds = Self.counts(table.nodeKinds, names: table.nodeKindNames, keepZeros: true)
        edgeKinds = Self.counts(table.edgeKinds, names: table.edgeKindNames, keepZeros: false)
    }

    private static func counts(_ codes: [Int32]?, names: [String], keepZeros: Bool) -> [(kind: String, count: Int)] {
        guard let codes else { return [] }
        var counts = [Int](repeating: 0, count: names.count)
        for code in codes { counts[Int(code)] += 1 }
        return zip(names, counts).filter { keepZeros || $0.1 > 0 }.map { (kind: $0.0, count: $0.1) }
    }
}

extension Ecosystem {
    /// Statistics of the ecosystem as written: all its edges, in their file direction.
    public var statistics: GraphStatistics { GraphStatistics(graphTable(view: .asWritten)) }
}
