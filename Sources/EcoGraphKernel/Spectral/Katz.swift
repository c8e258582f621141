extension CSRGraph {
    /// Katz centrality with the same `beta` for every node.
    ///
    /// See `katzCentrality(alpha:beta:normalized:weighted:tolerance:maxIterations:parallel:)` with a
    /// per-node `beta` for the definition.
    /// - Complexity: `O(k (n + m))` time for `k` iterations, `O(n)` extra space (`O(m)` more when weighted);
    ///   plus `O(j (n + m))` for `j` steps of a spectral-radius estimate when the cheap bound cannot prove
    ///   convergence.
    public func katzCentrality(
        alpha: Double = 0.1,
        beta: Double = 1,
        normalized: Bool = true,
        weighted: Bool = false,
        tolerance: Double = 1e-12,
        maxIterations: Int = 1000,
        parallel: Bool = true
    ) throws(CentralityError) -> [Double] {
        guard beta.isFinite else {
            throw .invalidParameter(measure: "Katz centrality", name: "beta", reason: "\(beta) is not a finite number")
        }
        return try katz(
            alpha: alpha, beta: nil, uniformBeta: beta, normalized: normalized, weighted: weighted,
            tolerance: tolerance, maxIterations: maxIterations, parallel: parallel)
    }

    /// Katz centrality: `x = alpha * A^T x + beta`, so a node's score is `beta` plus `alpha` times the
    /// scores of its in-neighbours (`x = sum_k alpha^k (A^T)^k beta`: walks of every length, damped).
    ///
    /// Matches NetworkX's `katz_centrality`: in-edges (an undirected edge counts both ways, a self-loop once),
    /// weights as strengths when `weighted` (NetworkX's default is `weight=None`), iteration from `x = 0`
    /// until the L1 change is below `nodeCount * tolerance * max(1, max |beta|)`, then, when `normalized`,
    /// scaling to unit L2 norm (a zero vector stays as is).
    ///
    /// The series converges only when `|alpha| < 1 / lambda_max`, `lambda_max` being the spectral radius
    /// (largest eigenvalue modulus) of the adjacency matrix. This is checked before iterating: first with
    /// the cheap bound `lambda_max <= min(max in-strength, max out-strength)`; when that does not settle it,
    /// with a Collatz–Wielandt bracket `lo <= lambda_max <= hi` from a power iteration on each strongly
    /// connected component. Divergence throws `.katzDiverges` with `lambda_max` and the bound `1/lambda_max`.
    ///
    /// Differences from NetworkX, on purpose: NetworkX does not check alpha and, above the bound, fails with
    /// `PowerIterationFailedConvergence` (or overflows); here the error says the series diverges and gives
    /// the largest admissible alpha. Tolerance `1e-12` (NetworkX: `1e-6`), scaled by `max |beta|` so that
    /// a large `beta` does not ask for more digits than doubles hold. Negative weights are rejected (the
    /// divergence check relies on Perron–Frobenius).
    ///
    /// Example: the path `0 -> 1 -> 2` with alpha 0.1, beta 1, unnormalised gives `[1, 1.1, 1.11]`.
    /// - Parameters:
    ///   - alpha: attenuation factor (NetworkX default 0.1); `|alpha| < 1 / lambda_max`.
    ///   - beta: the weight of each node's own term, `nodeCount` finite values.
    ///   - normalized: scale the result to unit L2 norm (NetworkX's default).
    ///   - weighted: use edge weights as strengths.
    ///   - tolerance, maxIterations: see above.
    ///   - parallel: split each iteration over cores (results are identical to a serial run).
    /// - Throws: `.katzDiverges`, `.notConverged`, `.negativeWeight`, `.invalidParameter`.
    /// - Complexity: as the scalar-beta variant.
    public func katzCentrality(
        alpha: Double = 0.1,
        beta: [Double],
        normalized: Bool = true,
        weighted: Bool = false,
        tolerance: Double = 1e-12,
        maxIterations: Int = 1000,
        parallel: Bool = true
    ) throws(CentralityError) -> [Double] {
        guard beta.count == nodeCount else {
            throw .invalidParameter(
                measure: "Katz centrality", name: "beta", reason: "has \(beta.count) values for \(nodeCount) nodes")
        }
        if let bad = beta.firstIndex(where: { !$0.isFinite }) {
            throw .invalidParameter(
                measure: "Katz centrality", name: "beta", reason: "node \(bad) has \(beta[bad]), not a finite number")
        }
        return try katz(
            alpha: alpha, beta: beta, uniformBeta: 0, normalized: normalized, weighted: weighted,
            tolerance: tolerance, maxIterations: maxIterations, parallel: parallel)
    }

    private func katz(
        alpha: Double, beta: [Double]?, uniformBeta: Double, normalized: Bool, weighted: Bool,
        tolerance: Double, maxIterations: Int, parallel: Bool
    ) throws(CentralityError) -> [Double] {
        let measure = "Katz centrality"
        guard alpha.isFinite else {
            throw .invalidParameter(measure: measure, name: "alpha", reason: "\(alpha) is not a finite number")
        }
        try Self.checkIterationParameters(measure: measure, tolerance: tolerance, maxIterations: maxIterations)
        let n = nodeCount
        guard n > 0 else { return [] }
        let inWeights = weighted ? try inArcWeights(measure: measure) : nil

        // Divergence check: |alpha| * lambda_max < 1?
        var radiusBound = 0.0  // an upper bound of lambda_max, reported if the iteration blows up
        if alpha != 0 && edgeCount > 0 {
            let cheap = strengthBound(inWeights: inWeights)
            radiusBound = cheap
            if abs(alpha) * cheap >= 1 {
                radiusBound = min(cheap, radiusUpperBound(inWeights: inWeights, alpha: abs(alpha), parallel: parallel))
            }
            if abs(alpha) * radiusBound >= 1 {
                let (lower, upper) = spectralRadiusBracket(inWeights: inWeights, alpha: abs(alpha))
                radiusBound = upper
                if abs(alpha) * lower >= 1 || (abs(alpha) * upper >= 1 && upper - lower <= 1e-9 * upper) {
                    throw .katzDiverges(alpha: alpha, spectralRadius: upper)
                }
            }
        }

        let maxBeta = beta.map { $0.reduce(0) { max($0, abs($1)) } } ?? abs(uniformBeta)
        let threshold = Double(n) * tolerance * max(1, maxBeta)
        let chunks = NodeChunks(offsets: inOffsets, nodeCount: n)
        var x = [Double](repeating: 0, count: n)
        var y = [Double](repeating: 0, count: n)
        var partials = [Double](repeating: 0, count: NodeChunks.count)
        var change = Double.infinity
        var converged = false
        for _ in 0 ..< maxIterations {
            x.withUnsafeBufferPointer { x in
            y.withUnsafeMutableBufferPointer { y in
            partials.withUnsafeMutableBufferPointer { partials in
            withOptionalBuffer(beta) { beta in
                PullKernel.with(
                    offsets: inOffsets, sources: inSources, weights: inWeights, x: x, y: y, partials: partials
                ) { kernel in
                    chunks.run(parallel: parallel) { chunk, nodes in
                        kernel.katzStep(chunk: chunk, nodes: nodes, alpha: alpha, beta: beta, uniformBeta: uniformBeta)
                    }
                }
            }}}}
            change = 0
            for c in 0 ..< NodeChunks.count { change += partials[c] }
            swap(&x, &y)
            guard change.isFinite else { throw .katzDiverges(alpha: alpha, spectralRadius: radiusBound) }
            if change < threshold { converged = true; break }
        }
        guard converged else {
            throw .notConverged(measure: measure, iterations: maxIterations, change: change, threshold: threshold)
        }
        if normalized {
            var squares = 0.0
            for value in x { squares += value * value }
            if squares > 0 {
                let scale = 1 / squares.squareRoot()
                for v in 0 ..< n { x[v] *= scale }
            }
        }
        return x
    }

    /// `min(max in-strength, max out-strength)`: an upper bound of the spectral radius of a non-negative
    /// matrix (its largest column sum and its largest row sum both bound it).
    private func strengthBound(inWeights: [Double]?) -> Double {
        let n = nodeCount
        var inStrength = [Double](repeating: 0, count: n)
        var outStrength = [Double](repeating: 0, count: n)
        for v in 0 ..< n {
            for arc in inOffsets[v] ..< inOffsets[v + 1] {
                let w = inWeights?[arc] ?? 1
                inStrength[v] += w
                outStrength[Int(inSources[arc])] += w
            }
        }
        return min(inStrength.max() ?? 0, outStrength.max() ?? 0)
    }

    /// An upper bound of the spectral radius from 50 steps (at most) of the power iteration
    /// `y = (A^T + I) x` on the whole graph: `lambda_max <= max_v y_v / x_v - 1` for any positive `x`
    /// (Collatz–Wielandt; valid for reducible matrices too). Stops once `alpha * bound < 1`.
    ///
    /// - Complexity: `O(j (n + m))` time for `j <= 50` steps, parallel over chunks; `O(n)` extra space.
    private func radiusUpperBound(inWeights: [Double]?, alpha: Double, parallel: Bool) -> Double {
        let n = nodeCount
        let chunks = NodeChunks(offsets: inOffsets, nodeCount: n)
        var x = [Double](repeating: 1, count: n)
        var y = [Double](repeating: 0, count: n)
        var partials = [Double](repeating: 0, count: 2 * NodeChunks.count)
        var bound = Double.infinity
        for _ in 0 ..< 50 {
            x.withUnsafeBufferPointer { x in
            y.withUnsafeMutableBufferPointer { y in
            partials.withUnsafeMutableBufferPointer { partials in
                PullKernel.with(
                    offsets: inOffsets, sources: inSources, weights: inWeights, x: x, y: y, partials: partials
                ) { kernel in
                    chunks.run(parallel: parallel) { chunk, nodes in kernel.shiftedRatios(chunk: chunk, nodes: nodes) }
                }
            }}}
            var ratio = 0.0, largest = 0.0
            for c in 0 ..< NodeChunks.count {
                ratio = max(ratio, partials[2 * c])
                largest = max(largest, partials[2 * c + 1])
            }
            bound = min(bound, ratio - 1)
            if alpha * bound < 1 || largest == 0 { break }
            let scale = 1 / largest
            for v in 0 ..< n { x[v] = y[v] * scale }
        }
        return max(0, bound)
    }

    /// A bracket `lower <= lambda_max <= upper` of the spectral radius of the (non-negative) adjacency matrix.
    ///
    /// The spectral radius is the largest over strongly connected components of each component's spectral
    /// radius. On every component at once this runs the power iteration `y = (A_C^T + I) x` (irreducible and,
    /// with the shift, primitive, so it converges to the Perron vector) and reads the Collatz–Wielandt bounds
    /// `min_v y_v / x_v - 1 <= rho_C <= max_v y_v / x_v - 1`, valid for any positive `x`. It stops as soon as
    /// `alpha * upper < 1` (convergence is proven), when the bracket is tight to `1e-12` (so that a divergence
    /// error reports an accurate bound), or after 10,000 steps.
    ///
    /// - Complexity: `O(j (n + m))` time for `j` steps, `O(n)` extra space.
    func spectralRadiusBracket(inWeights: [Double]?, alpha: Double) -> (lower: Double, upper: Double) {
        let n = nodeCount
        let components = stronglyConnectedComponents()
        let component = components.component
        let count = components.count
        var x = [Double](repeating: 1, count: n)
        var y = [Double](repeating: 0, count: n)
        var low = [Double](repeating: 0, count: count)
        var high = [Double](repeating: 0, count: count)
        var largest = [Double](repeating: 0, count: count)
        var lower = 0.0, upper = Double.infinity
        for _ in 0 ..< 10_000 {
            for c in 0 ..< count { low[c] = .infinity; high[c] = 0; largest[c] = 0 }
            for v in 0 ..< n {
                let cv = component[v]
                var sum = x[v]
                for arc in inOffsets[v] ..< inOffsets[v + 1] {
                    let u = Int(inSources[arc])
                    if component[u] == cv { sum += (inWeights?[arc] ?? 1) * x[u] }
                }
                y[v] = sum
                let ratio = sum / x[v] - 1
                let c = Int(cv)
                low[c] = min(low[c], ratio)
                high[c] = max(high[c], ratio)
                largest[c] = max(largest[c], sum)
            }
            lower = low.max() ?? 0
            upper = high.max() ?? 0
            if alpha * upper < 1 || upper - lower <= 1e-12 * upper { break }
            for v in 0 ..< n { x[v] = y[v] / largest[Int(component[v])] }
        }
        return (max(0, lower), upper)
    }
}
