// Per-node distance summaries: one traversal from every node, the shared driver of closeness
// (`Closeness.swift`) and harmonic centrality (`Harmonic.swift`).

extension CSRGraph {
    /// Runs one distance-only traversal from every node (of this graph, as given: closeness and harmonic
    /// pass `reversed` for incoming distances) and maps its summary to that node's value, in parallel
    /// partitions. Each node's value comes from its own traversal, so parallel and serial agree exactly.
    /// Unweighted, the traversals are multi-source bit-parallel BFS, 64 sources at a time
    /// (`multiSourceDistanceSummaries`).
    /// - Complexity: `O(n)` extra space per running partition plus the `n` results.
    func perNodeDistanceSummaries(
        weighted: Bool, parallel: Bool, _ value: (DistanceSummary) -> Double
    ) -> [Double] {
        guard weighted else { return multiSourceDistanceSummaries(parallel: parallel).map(value) }
        let n = nodeCount
        let partials = withArcView(weighted: weighted) { view in
            SourcePartitions.map(sources: Array(0 ..< n), parallel: parallel) { partition in
                var values: [Double] = []
                values.reserveCapacity(partition.count)
                var workspace = DistanceWorkspace(nodeCount: n, weighted: weighted)
                for u in partition { values.append(value(workspace.summary(from: u, view))) }
                return values
            }
        }
        // Partition p holds the values of nodes p, p + P, p + 2P, ...
        var result = [Double](repeating: 0, count: n)
        let stride = partials.count
        for (p, values) in partials.enumerated() {
            for (j, x) in values.enumerated() { result[p + j * stride] = x }
        }
        return result
    }
}
