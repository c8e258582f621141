/// An immutable graph in compressed sparse row form, on dense `Int32` node indices.
///
/// Storage, with `n` nodes, `m` edges and `a` arcs (`a = m` directed; `a = 2m - loops` undirected):
/// - out-adjacency: `outOffsets` (`n + 1`), `outTargets` and `outEdges` (`a` each): the arcs leaving node `u`
///   are `outOffsets[u] ..< outOffsets[u + 1]`, sorted by target;
/// - in-adjacency: `inOffsets`, `inSources`, `inEdges`, likewise (for an undirected graph the same arrays
///   as the out-adjacency, shared, not copied);
/// - `weights` (`m`, optional), indexed by edge id; `edgeSources` / `edgeTargets` give each edge's endpoints.
///
/// Edge ids are dense (`0 ..< m`) and shared by both directions of storage: an edge's arc in the
/// out-adjacency and in the in-adjacency carry the same id. For a directed graph the edge id equals the
/// arc's position in the out-adjacency, so weight reads in forward traversals are sequential.
///
/// Parallel edges and self-loops follow NetworkX's `DiGraph` / `Graph`: an edge given twice is one edge,
/// and the weight given last wins (`add_edge` updates the attribute); a self-loop is kept, and in an
/// undirected graph it is one arc in its node's row but counts 2 towards that node's degree.
///
/// - Complexity: memory `O(n + m)`: 8 bytes per node and, directed, 16 bytes per edge plus 8 with weights
///   plus 8 for the endpoint table (a 5-million-edge weighted digraph takes about 160 MB).
public struct CSRGraph: Sendable {
    /// Number of nodes `n`; nodes are `0 ..< n`.
    public let nodeCount: Int
    /// Whether edges have a direction. Undirected graphs store each edge as two arcs.
    public let isDirected: Bool
    /// Row offsets of the out-adjacency (`n + 1`): node `u`'s arcs are `outOffsets[u] ..< outOffsets[u + 1]`.
    public let outOffsets: [Int]
    /// The target node of each out-arc, sorted within each row.
    public let outTargets: [Int32]
    /// The edge id of each out-arc.
    public let outEdges: [Int32]
    /// Row offsets of the in-adjacency (`n + 1`).
    public let inOffsets: [Int]
    /// The source node of each in-arc, sorted within each row.
    public let inSources: [Int32]
    /// The edge id of each in-arc.
    public let inEdges: [Int32]
    /// Edge weights by edge id, or `nil` when the graph is unweighted.
    public let weights: [Double]?
    /// The endpoints of each edge, by edge id (for undirected edges, `source <= target`).
    public let edgeSources: [Int32]
    /// The head of each edge, by edge id (see `edgeSources`).
    public let edgeTargets: [Int32]

    /// Number of edges `m` (after parallel edges were merged).
    @inlinable public var edgeCount: Int { edgeSources.count }

    /// Number of self-loops.
    public let selfLoopCount: Int

    init(
        nodeCount: Int, isDirected: Bool,
        outOffsets: [Int], outTargets: [Int32], outEdges: [Int32],
        inOffsets: [Int], inSources: [Int32], inEdges: [Int32],
        weights: [Double]?, edgeSources: [Int32], edgeTargets: [Int32], selfLoopCount: Int
    ) {
        self.nodeCount = nodeCount
        self.isDirected = isDirected
        self.outOffsets = outOffsets
        self.outTargets = outTargets
        self.outEdges = outEdges
        self.inOffsets = inOffsets
        self.inSources = inSources
        self.inEdges = inEdges
        self.weights = weights
        self.edgeSources = edgeSources
        self.edgeTargets = edgeTargets
        self.selfLoopCount = selfLoopCount
    }

    /// The arcs leaving `node`, as positions into `outTargets` / `outEdges`.
    @inlinable public func outArcs(_ node: Int) -> Range<Int> { outOffsets[node] ..< outOffsets[node + 1] }

    /// The arcs entering `node`, as positions into `inSources` / `inEdges`.
    @inlinable public func inArcs(_ node: Int) -> Range<Int> { inOffsets[node] ..< inOffsets[node + 1] }

    /// The targets of the arcs leaving `node`.
    @inlinable public func successors(of node: Int) -> ArraySlice<Int32> { outTargets[outArcs(node)] }

    /// The sources of the arcs entering `node` (for undirected graphs, the neighbours).
    @inlinable public func predecessors(of node: Int) -> ArraySlice<Int32> { inSources[inArcs(node)] }

    /// Out-degree (undirected: degree, a self-loop counting 2, as NetworkX's `Graph.degree`).
    public func outDegree(_ node: Int) -> Int {
        let arcs = outArcs(node)
        guard !isDirected else { return arcs.count }
        var degree = arcs.count
        for arc in arcs where Int(outTargets[arc]) == node { degree += 1 }
        return degree
    }

    /// In-degree (undirected: the same as `outDegree`).
    public func inDegree(_ node: Int) -> Int {
        isDirected ? inArcs(node).count : outDegree(node)
    }

    /// The weight of an edge, 1 when the graph is unweighted.
    @inlinable public func weight(ofEdge edge: Int) -> Double { weights?[edge] ?? 1 }

    /// The id of the edge `source -> target` (either direction when undirected), or `nil`.
    /// - Complexity: `O(log d)` by binary search in the source's sorted row.
    public func edgeID(from source: Int, to target: Int) -> Int? {
        var low = outOffsets[source], high = outOffsets[source + 1]
        let key = Int32(truncatingIfNeeded: target)
        while low < high {
            let mid = (low + high) / 2
            if outTargets[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < outOffsets[source + 1] && outTargets[low] == key ? Int(outEdges[low]) : nil
    }

    /// The same graph with every edge reversed (an undirected graph is returned as is).
    ///
    /// - Complexity: `O(1)`: the in- and out-adjacency swap roles; the arrays are shared.
    public var reversed: CSRGraph {
        guard isDirected else { return self }
        return CSRGraph(
            nodeCount: nodeCount, isDirected: true,
            outOffsets: inOffsets, outTargets: inSources, outEdges: inEdges,
            inOffsets: outOffsets, inSources: outTargets, inEdges: outEdges,
            weights: weights, edgeSources: edgeTargets, edgeTargets: edgeSources,
            selfLoopCount: selfLoopCount)
    }

    /// The same graph without its weights.
    public var unweighted: CSRGraph {
        CSRGraph(
            nodeCount: nodeCount, isDirected: isDirected,
            outOffsets: outOffsets, outTargets: outTargets, outEdges: outEdges,
            inOffsets: inOffsets, inSources: inSources, inEdges: inEdges,
            weights: nil, edgeSources: edgeSources, edgeTargets: edgeTargets,
            selfLoopCount: selfLoopCount)
    }

    /// The same edges read without direction (NetworkX's `to_undirected()`: a pair joined both ways
    /// becomes one edge; its weight is the one of the edge with the larger id, as NetworkX keeps the last).
    public var undirected: CSRGraph {
        guard isDirected else { return self }
        var builder = CSRGraphBuilder(nodeCount: nodeCount, isDirected: false)
        builder.reserveCapacity(edgeCount)
        for edge in 0 ..< edgeCount {
            builder.appendChecked(edgeSources[edge], edgeTargets[edge], weight: weights?[edge])
        }
        return builder.build()
    }
}
