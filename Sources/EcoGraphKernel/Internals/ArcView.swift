// Unsafe views of a graph's out-adjacency (and its distance weights in arc order), shared read-only by
// the partitions of the shortest-path measures: betweenness, closeness and harmonic centrality.

extension CSRGraph {
    /// Whether a measure called with `weighted` runs Dijkstra (`true`) or breadth-first search (`false`).
    ///
    /// With `weighted`, a weight is a distance, so every weight must be `>= 0` (zero is allowed, as in
    /// NetworkX); a graph built without weights is unweighted. Without `weighted`, weights are ignored.
    /// - Throws: `CSRGraphError.negativeWeight` naming the edge with the smallest id that has a negative
    ///   weight.
    /// - Complexity: `O(m)` when weights are used, `O(1)` otherwise.
    func usesDistanceWeights(_ weighted: Bool) throws(CSRGraphError) -> Bool {
        guard weighted, let weights else { return false }
        for edge in weights.indices where weights[edge] < 0 {
            throw .negativeWeight(
                source: Int(edgeSources[edge]), target: Int(edgeTargets[edge]), weight: weights[edge])
        }
        return true
    }

    /// Calls `body` with unsafe views of the arrays a traversal reads.
    ///
    /// - Parameter weighted: whether the view carries the weights, in arc order (`nil` otherwise). A
    ///   forward directed graph's arcs are its edge ids, so its weights are used in place; otherwise (an
    ///   undirected graph, or a reversed view) they are gathered into arc order once, so that relaxing a
    ///   node's arcs reads its weights sequentially instead of one random edge id at a time.
    /// - Complexity: `O(1)` unweighted; `O(a)` time and, unless weights are used in place, `8a` bytes for
    ///   `a` arcs, once per measure (the view is shared by all partitions).
    func withArcView<Result>(weighted: Bool, _ body: (ArcView) -> Result) -> Result {
        var arcWeights: [Double] = []
        if weighted, let weights {
            let arcsAreEdges = outEdges.count == weights.count
                && outEdges.withUnsafeBufferPointer { edges in
                    var identity = true
                    for arc in edges.indices where Int(edges[arc]) != arc { identity = false; break }
                    return identity
                }
            if arcsAreEdges {
                arcWeights = weights
            } else {
                arcWeights = outEdges.map { weights[Int($0)] }
            }
        }
        return outOffsets.withUnsafeBufferPointer { offsets in
            outTargets.withUnsafeBufferPointer { targets in
                outEdges.withUnsafeBufferPointer { edges in
                    inOffsets.withUnsafeBufferPointer { inOffsets in
                        arcWeights.withUnsafeBufferPointer { arcWeights in
                            body(ArcView(offsets: offsets, targets: targets, edges: edges,
                                         weights: weighted && weights != nil ? arcWeights : nil,
                                         predecessorStart: inOffsets))
                        }
                    }
                }
            }
        }
    }
}

/// Read-only unsafe views of a graph's out-adjacency, valid inside `CSRGraph.withArcView`.
///
/// What every shortest-path traversal reads: Brandes' DAGs of betweenness (`ShortestPathDAG`,
/// `BreadthFirstDAG`), and the distance summaries of closeness and harmonic centrality
/// (`DistanceWorkspace`, `MultiSourceBFS`).
struct ArcView {
    let offsets: UnsafeBufferPointer<Int>
    let targets: UnsafeBufferPointer<Int32>
    let edges: UnsafeBufferPointer<Int32>
    /// Weights by arc (`weights[arc]` is the weight of edge `edges[arc]`), or `nil` for an unweighted
    /// traversal.
    let weights: UnsafeBufferPointer<Double>?
    /// Where each node's predecessor slots start in a flat predecessor array: the in-adjacency offsets,
    /// since a node's shortest-path predecessors are distinct in-neighbours (parallel edges are merged).
    let predecessorStart: UnsafeBufferPointer<Int>

    var nodeCount: Int { offsets.count - 1 }
    var arcCount: Int { targets.count }
}
