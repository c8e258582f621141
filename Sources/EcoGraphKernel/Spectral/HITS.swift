/// Hub and authority scores (see `CSRGraph.hits`), by node index.
public struct HubsAndAuthorities: Sendable, Equatable {
    /// Hub scores: high for nodes that point to good authorities. They sum to 1.
    public let hubs: [Double]
    /// Authority scores: high for nodes that good hubs point to. They sum to 1.
    public let authorities: [Double]
}

extension CSRGraph {
    /// HITS hubs and authorities (Kleinberg 1999): authorities `a` are the dominant eigenvector of `A^T A`
    /// (the dominant right singular vector of the adjacency matrix `A`), hubs are `h = A a`; both are
    /// scaled to sum 1.
    ///
    /// Matches NetworkX's `hits` (3.x: `scipy.sparse.linalg.svds` on `A`), which always reads the `weight`
    /// attribute, so `weighted` defaults to true. An undirected edge counts both ways, a self-loop once.
    /// Computed by power iteration from the uniform vector (`a' = A^T (A a)`, scaled to maximum 1) until the
    /// L1 change is below `nodeCount * tolerance`, pulling over the out- and in-adjacency.
    ///
    /// Differences from NetworkX, on purpose: when the largest singular value is repeated, hubs and
    /// authorities are not unique and NetworkX returns whatever ARPACK lands on (often a vector summing to
    /// about 0, which the scaling blows up); here the result is the limit of the power iteration from the
    /// uniform vector, NetworkX's own `_hits_python` answer, the same on every run. A graph without edges
    /// (or with only zero weights) gives `1/n` everywhere where NetworkX gives NaN. Tolerance `1e-12`
    /// (NetworkX: `1e-8`); negative weights are rejected; no `nstart` / `normalized` (always sum-normalised).
    ///
    /// Example: the star `0 -> 1, 0 -> 2` gives hubs `[1, 0, 0]` and authorities `[0, 0.5, 0.5]`.
    /// - Parameters:
    ///   - weighted: use edge weights (ignored when the graph has none).
    ///   - tolerance: stop when the L1 change of the max-scaled authorities is below `nodeCount * tolerance`.
    ///   - maxIterations: throw `.notConverged` after this many iterations.
    ///   - parallel: split each iteration over cores (results are identical to a serial run).
    /// - Returns: hubs and authorities by node index (both empty for the null graph).
    /// - Throws: `.notConverged` (the two largest singular values are nearly equal), `.negativeWeight`,
    ///   `.invalidParameter`.
    /// - Complexity: `O(k (n + m))` time for `k` iterations, `O(n)` extra space (`O(m)` more when weighted).
    public func hits(
        weighted: Bool = true,
        tolerance: Double = 1e-12,
        maxIterations: Int = 1000,
        parallel: Bool = true
    ) throws(CentralityError) -> HubsAndAuthorities {
        let measure = "HITS"
        try Self.checkIterationParameters(measure: measure, tolerance: tolerance, maxIterations: maxIterations)
        let n = nodeCount
        guard n > 0 else { return HubsAndAuthorities(hubs: [], authorities: []) }
        let inWeights = weighted ? try inArcWeights(measure: measure) : nil
        let outWeights = weighted ? try outArcWeights(measure: measure) : nil
        let uniform = HubsAndAuthorities(
            hubs: [Double](repeating: 1 / Double(n), count: n),
            authorities: [Double](repeating: 1 / Double(n), count: n))

        let outChunks = NodeChunks(offsets: outOffsets, nodeCount: n)
        let inChunks = NodeChunks(offsets: inOffsets, nodeCount: n)
        let threshold = Double(n) * tolerance
        var a = [Double](repeating: 1, count: n)
        var h = [Double](repeating: 0, count: n)
        var next = [Double](repeating: 0, count: n)
        var partials = [Double](repeating: 0, count: NodeChunks.count)

        /// `h = A a`; returns the largest entry of h.
        func hubStep() -> Double {
            a.withUnsafeBufferPointer { a in
            h.withUnsafeMutableBufferPointer { h in
            partials.withUnsafeMutableBufferPointer { partials in
                PullKernel.with(
                    offsets: outOffsets, sources: outTargets, weights: outWeights, x: a, y: h, partials: partials
                ) { kernel in
                    outChunks.run(parallel: parallel) { chunk, nodes in kernel.productMax(chunk: chunk, nodes: nodes) }
                }
            }}}
            return partials.max() ?? 0
        }

        var change = Double.infinity
        var converged = false
        for _ in 0 ..< maxIterations {
            guard hubStep() > 0 else { return uniform }
            // next = A^T h, scaled to maximum 1; change = |next - a|_1.
            h.withUnsafeBufferPointer { h in
            next.withUnsafeMutableBufferPointer { next in
            partials.withUnsafeMutableBufferPointer { partials in
                PullKernel.with(
                    offsets: inOffsets, sources: inSources, weights: inWeights, x: h, y: next, partials: partials
                ) { kernel in
                    inChunks.run(parallel: parallel) { chunk, nodes in kernel.productMax(chunk: chunk, nodes: nodes) }
                }
            }}}
            let largest = partials.max() ?? 0
            guard largest > 0 else { return uniform }
            a.withUnsafeBufferPointer { a in
            next.withUnsafeMutableBufferPointer { next in
            partials.withUnsafeMutableBufferPointer { partials in
                let kernel = ScaleKernel(x: a, y: next, partials: partials, scale: 1 / largest)
                inChunks.run(parallel: parallel) { chunk, nodes in kernel.scale(chunk: chunk, nodes: nodes) }
            }}}
            change = 0
            for c in 0 ..< NodeChunks.count { change += partials[c] }
            swap(&a, &next)
            if change < threshold { converged = true; break }
        }
        guard converged else {
            throw .notConverged(measure: measure, iterations: maxIterations, change: change, threshold: threshold)
        }
        guard hubStep() > 0 else { return uniform }
        let hubSum = h.reduce(0, +), authoritySum = a.reduce(0, +)
        return HubsAndAuthorities(hubs: h.map { $0 / hubSum }, authorities: a.map { $0 / authoritySum })
    }
}
