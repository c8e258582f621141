// Harmonic centrality (Marchiori and Latora 2000; Boldi and Vigna 2014), matching NetworkX 3.x.

extension CSRGraph {
    /// Harmonic centrality of every node, from incoming distances.
    ///
    /// `H(u) = Σ_{v : 0 < d(v, u) < ∞} 1 / d(v, u)`: unreachable pairs add 0, and so do pairs at distance
    /// 0 (the node itself, and nodes joined by zero weights), as in NetworkX. Not normalized. On a digraph
    /// the distances are *to* `u`, as NetworkX sums `1 / d(v, u)` into `u`. For the path `0 - 1 - 2`:
    /// node 1 gets `1 + 1 = 2`, nodes 0 and 2 get `1 + 1/2 = 1.5`.
    ///
    /// - Parameters:
    ///   - weighted: weights are distances (Dijkstra); without it, or without weights, every edge has
    ///     length 1.
    ///   - parallel: spread the nodes over all cores; the result is the same either way.
    /// - Returns: the harmonic centrality of each node, by node index.
    /// - Throws: `CSRGraphError.negativeWeight` when `weighted` and a weight is negative.
    /// - Complexity: `O(n·m)` time unweighted, `O(n·m log n)` weighted; `O(n)` extra space per running
    ///   partition.
    /// - SeeAlso: NetworkX `harmonic_centrality(G, distance=...)` (all nodes, all sources).
    public func harmonicCentrality(weighted: Bool = false, parallel: Bool = true) throws(CSRGraphError) -> [Double] {
        let useWeights = try usesDistanceWeights(weighted)
        return reversed.perNodeDistanceSummaries(weighted: useWeights, parallel: parallel) { $0.reciprocalSum }
    }
}
