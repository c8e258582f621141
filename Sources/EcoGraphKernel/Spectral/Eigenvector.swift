extension CSRGraph {
    /// Eigenvector centrality: the dominant left eigenvector of the adjacency matrix, so that a node is
    /// central when its in-neighbours are (`lambda * x[v] = sum_{u -> v} A[u][v] * x[u]`).
    ///
    /// Computed as NetworkX's `eigenvector_centrality` does: power iteration on `A^T + I` (the shift keeps
    /// the dominant eigenvector and makes the iteration converge on bipartite and periodic graphs) from the
    /// uniform vector, scaled to unit L2 norm after every step, until the L1 change is below
    /// `nodeCount * tolerance`. Edges count along their direction (in-edges); an undirected edge counts both
    /// ways and an undirected self-loop once. The result has unit L2 norm and non-negative entries. On a
    /// disconnected graph the result depends on the start vector, which is NetworkX's (uniform), so the
    /// numbers agree; a graph without edges gives `1 / sqrt(n)` everywhere, as NetworkX does.
    ///
    /// Differences from NetworkX, on purpose: tolerance `1e-12` (NetworkX: `1e-6`) and 1000 iterations
    /// (NetworkX: 100); a directed graph with edges but no cycle throws `.acyclicGraph` at once, where
    /// NetworkX iterates until `PowerIterationFailedConvergence`; negative weights are rejected.
    ///
    /// Example: the star with centre 0 and leaves 1, 2 gives `[1/sqrt(2), 1/2, 1/2]`.
    /// - Parameters:
    ///   - weighted: use edge weights (NetworkX's default is `weight=None`: unweighted).
    ///   - tolerance: stop when the L1 change is below `nodeCount * tolerance`.
    ///   - maxIterations: throw `.notConverged` after this many iterations.
    ///   - parallel: split each iteration over cores (results are identical to a serial run).
    /// - Throws: `CentralityError.emptyGraph` (no nodes), `.acyclicGraph` (edges but no cycle: every
    ///   eigenvalue is 0), `.notConverged` (the dominant eigenvalue is shared, for instance by chained
    ///   cycles), `.negativeWeight`, `.invalidParameter`.
    /// - Complexity: `O(k (n + m))` time for `k` iterations, `O(n)` extra space (`O(m)` more when weighted).
    public func eigenvectorCentrality(
        weighted: Bool = false,
        tolerance: Double = 1e-12,
        maxIterations: Int = 1000,
        parallel: Bool = true
    ) throws(CentralityError) -> [Double] {
        let measure = "eigenvector centrality"
        try Self.checkIterationParameters(measure: measure, tolerance: tolerance, maxIterations: maxIterations)
        let n = nodeCount
        guard n > 0 else { throw .emptyGraph(measure: measure) }
        let inWeights = weighted ? try inArcWeights(measure: measure) : nil
        if edgeCount == 0 { return [Double](repeating: 1 / Double(n).squareRoot(), count: n) }
        if isDirected && selfLoopCount == 0 && stronglyConnectedComponents().count == n {
            throw .acyclicGraph(measure: measure)
        }

        let chunks = NodeChunks(offsets: inOffsets, nodeCount: n)
        let threshold = Double(n) * tolerance
        var x = [Double](repeating: 1 / Double(n), count: n)
        var y = [Double](repeating: 0, count: n)
        var partials = [Double](repeating: 0, count: NodeChunks.count)
        var change = Double.infinity
        for _ in 0 ..< maxIterations {
            // y = (A^T + I) x, and the squared norm of y.
            x.withUnsafeBufferPointer { x in
            y.withUnsafeMutableBufferPointer { y in
            partials.withUnsafeMutableBufferPointer { partials in
                PullKernel.with(
                    offsets: inOffsets, sources: inSources, weights: inWeights, x: x, y: y, partials: partials
                ) { kernel in
                    chunks.run(parallel: parallel) { chunk, nodes in kernel.shiftedProduct(chunk: chunk, nodes: nodes) }
                }
            }}}
            var squares = 0.0
            for c in 0 ..< NodeChunks.count { squares += partials[c] }
            let norm = squares > 0 ? squares.squareRoot() : 1
            // x' = y / |y|, and the L1 change.
            x.withUnsafeBufferPointer { x in
            y.withUnsafeMutableBufferPointer { y in
            partials.withUnsafeMutableBufferPointer { partials in
                let kernel = ScaleKernel(x: x, y: y, partials: partials, scale: 1 / norm)
                chunks.run(parallel: parallel) { chunk, nodes in kernel.scale(chunk: chunk, nodes: nodes) }
            }}}
            change = 0
            for c in 0 ..< NodeChunks.count { change += partials[c] }
            swap(&x, &y)
            if change < threshold { return x }
        }
        throw .notConverged(measure: measure, iterations: maxIterations, change: change, threshold: threshold)
    }
}
