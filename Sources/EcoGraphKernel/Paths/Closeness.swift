// Closeness centrality (Bavelas 1950; Wasserman and Faust's correction), matching NetworkX 3.x.

extension CSRGraph {
    /// Closeness centrality of every node, from incoming distances.
    ///
    /// `C(u) = (r - 1) / Σ_v d(v, u)`, over the `r - 1` other nodes `v` that reach `u` (on an undirected
    /// graph, the nodes of `u`'s component); with `wfImproved` (Wasserman and Faust), scaled by the share
    /// of the other nodes that reach `u`: `C(u) · (r - 1) / (n - 1)`. A node that nothing reaches, or whose
    /// distances sum to 0 (zero weights), or in a graph of one node, gets 0. On a digraph the distances
    /// are *to* `u` (NetworkX reverses the graph), so a node many others point at scores high. For the
    /// path `0 - 1 - 2`: node 1 gets `2 / 2 = 1`, nodes 0 and 2 get `2 / 3`.
    ///
    /// - Parameters:
    ///   - weighted: weights are distances (Dijkstra); without it, or without weights, every edge has
    ///     length 1.
    ///   - wfImproved: the Wasserman–Faust scaling for graphs that are not (strongly) connected
    ///     (NetworkX's default `true`).
    ///   - parallel: spread the nodes over all cores; the result is the same either way.
    /// - Returns: the closeness of each node, by node index.
    /// - Throws: `CSRGraphError.negativeWeight` when `weighted` and a weight is negative.
    /// - Complexity: `O(n·m)` time unweighted, `O(n·m log n)` weighted; `O(n)` extra space per running
    ///   partition.
    /// - SeeAlso: NetworkX `closeness_centrality(G, distance=..., wf_improved=...)`.
    public func closenessCentrality(
        weighted: Bool = false, wfImproved: Bool = true, parallel: Bool = true
    ) throws(CSRGraphError) -> [Double] {
        let useWeights = try usesDistanceWeights(weighted)
        let n = nodeCount
        return reversed.perNodeDistanceSummaries(weighted: useWeights, parallel: parallel) { summary in
            let total = useWeights ? summary.distanceSum : Double(summary.hopSum)
            guard total > 0, n > 1 else { return 0 }
            let others = Double(summary.reached) - 1
            var closeness = others / total
            if wfImproved { closeness *= others / Double(n - 1) }
            return closeness
        }
    }
}
