extension CSRGraph {
    /// PageRank: the stationary distribution of a random walk that follows an out-edge with probability
    /// `alpha` and otherwise jumps to a node drawn from the personalisation vector.
    ///
    /// Definition (NetworkX's `pagerank`, which in 3.x runs `_pagerank_scipy`): with `A` the adjacency
    /// matrix (`A[u][v]` the weight of `u -> v`, or 1; an undirected edge counts both ways, an undirected
    /// self-loop once), `s_u = sum_v A[u][v]` the out-strength of `u`, `p` the personalisation vector and
    /// `d` the dangling vector (both scaled to sum 1), iterate from the uniform vector
    ///
    ///     x'[v] = alpha * (sum_u x[u] * A[u][v] / s_u  +  sum_{u : s_u = 0} x[u] * d[v])  +  (1 - alpha) * p[v]
    ///
    /// until the L1 change `sum_v |x'[v] - x[v]|` is below `nodeCount * tolerance`. The result sums to 1.
    /// Nodes whose out-strength is 0 (no out-edge, or only zero-weight ones) are dangling; their mass is
    /// spread by `dangling`, which defaults to the personalisation vector (uniform when that is `nil`),
    /// exactly as NetworkX does. Parallel edges were merged by the builder (the last weight wins), as in a
    /// NetworkX `DiGraph` / `Graph`.
    ///
    /// Differences from NetworkX, on purpose: the default tolerance is `1e-12` (NetworkX's `1e-6` stops
    /// while values are still off in the fourth digit) and `maxIterations` is 1000 (NetworkX: 100) so that
    /// the tighter tolerance is reached; negative weights are rejected (NetworkX computes meaningless
    /// "probabilities" from them); there is no `nstart` (the fixed point does not depend on it).
    ///
    /// The iteration pulls over the in-adjacency: one pass per iteration computes every `x'[v]`, the L1
    /// change, the dangling mass and `x'[v] / s_v` for the next pass, with no allocation inside the loop.
    /// Nodes are cut into a fixed number of chunks balanced by in-arcs; with `parallel` the chunks run
    /// concurrently and partial sums are added in chunk order, so results are bit-for-bit identical to a
    /// serial run on any machine.
    ///
    /// - Parameters:
    ///   - alpha: damping factor, `0 <= alpha <= 1` (default 0.85).
    ///   - personalization: teleport weights by node (`nodeCount` non-negative values, positive sum), or
    ///     `nil` for uniform.
    ///   - dangling: where dangling nodes' mass goes (`nodeCount` non-negative values, positive sum), or
    ///     `nil` for the personalisation vector.
    ///   - weighted: use edge weights as strengths (NetworkX's default `weight="weight"`); ignored when the
    ///     graph has no weights.
    ///   - tolerance: stop when the L1 change is below `nodeCount * tolerance`.
    ///   - maxIterations: throw `CentralityError.notConverged` after this many iterations.
    ///   - parallel: split each iteration over cores.
    /// - Returns: the PageRank of each node, by node index (empty for the null graph).
    /// - Throws: `CentralityError.invalidParameter`, `.negativeWeight`, `.notConverged`.
    /// - Complexity: `O(k (n + m))` time for `k` iterations (about `log(n * tolerance) / log(alpha)`), and
    ///   `O(n)` extra space (`O(n + m)` when weighted: the weights in in-arc order).
    public func pageRank(
        alpha: Double = 0.85,
        personalization: [Double]? = nil,
        dangling: [Double]? = nil,
        weighted: Bool = true,
        tolerance: Double = 1e-12,
        maxIterations: Int = 1000,
        parallel: Bool = true
    ) throws(CentralityError) -> [Double] {
        try pageRank(
            alpha: alpha, personalization: personalization, dangling: dangling, weighted: weighted,
            tolerance: tolerance, maxIterations: maxIterations, parallel: parallel, method: .automatic)
    }

    /// PageRank by a chosen method (see `PageRankMethod`); `pageRank(...)` uses `.automatic`.
    @inline(__always)
    func pageRank(
        alpha: Double, personalization: [Double]?, dangling: [Double]?, weighted: Bool,
        tolerance: Double, maxIterations: Int, parallel: Bool, method: PageRankMethod
    ) throws(CentralityError) -> [Double] {
        let measure = "PageRank"
        let n = nodeCount
        guard alpha.isFinite, alpha >= 0, alpha <= 1 else {
            throw .invalidParameter(measure: measure, name: "alpha", reason: "\(alpha) is not in 0...1")
        }
        try Self.checkIterationParameters(measure: measure, tolerance: tolerance, maxIterations: maxIterations)
        let p = try Self.probabilityVector(personalization, count: n, measure: measure, name: "personalization")
        let d = try Self.probabilityVector(dangling, count: n, measure: measure, name: "dangling") ?? p
        guard n > 0 else { return [] }
        let inWeights = weighted ? try inArcWeights(measure: measure) : nil

        // Inverse out-strengths (0 for dangling nodes).
        var inverseStrength = [Double](repeating: 0, count: n)
        if weighted, let weights {
            let outWeights = outArcWeightsUnchecked(weights)
            for u in 0 ..< n {
                var s = 0.0
                for arc in outOffsets[u] ..< outOffsets[u + 1] { s += outWeights[arc] }
                inverseStrength[u] = s != 0 ? 1 / s : 0
            }
        } else {
            for u in 0 ..< n {
                let s = outOffsets[u + 1] - outOffsets[u]
                inverseStrength[u] = s != 0 ? 1 / Double(s) : 0
            }
        }

        if method == .components || (method == .automatic && looksLikeNearDAG()), alpha > 0, alpha < 1, tolerance > 0,
           let components = topologicalComponents(
               nontrivialLimit: method == .components ? n : n / PageRankMethod.nontrivialFraction)
        {
            return try pageRankByComponents(
                components, alpha: alpha, personalization: p, dangling: d, inWeights: inWeights,
                inverseStrength: inverseStrength, tolerance: tolerance, maxIterations: maxIterations)
        }

        let chunks = NodeChunks(offsets: inOffsets, nodeCount: n)
        let threshold = Double(n) * tolerance
        let uniform = 1 / Double(n)
        var x = [Double](repeating: uniform, count: n)
        var next = [Double](repeating: 0, count: n)
        var share = [Double](repeating: 0, count: n)  // x[u] / s_u
        var nextShare = [Double](repeating: 0, count: n)
        var danglingMass = 0.0
        for u in 0 ..< n {
            share[u] = x[u] * inverseStrength[u]
            if inverseStrength[u] == 0 { danglingMass += x[u] }
        }
        var partials = [Double](repeating: 0, count: 2 * NodeChunks.count)  // (change, dangling) per chunk
        var change = Double.infinity

        for _ in 0 ..< maxIterations {
            let danglingScale = alpha * danglingMass
            inOffsets.withUnsafeBufferPointer { offsets in
            inSources.withUnsafeBufferPointer { sources in
            inverseStrength.withUnsafeBufferPointer { inverse in
            x.withUnsafeBufferPointer { x in
            share.withUnsafeBufferPointer { share in
            next.withUnsafeMutableBufferPointer { next in
            nextShare.withUnsafeMutableBufferPointer { nextShare in
            partials.withUnsafeMutableBufferPointer { partials in
                let kernel = PageRankKernel(
                    offsets: offsets, sources: sources, weights: inWeights, inverseStrength: inverse,
                    x: x, share: share, next: next, nextShare: nextShare, partials: partials,
                    alpha: alpha, danglingScale: danglingScale, personalization: p, dangling: d,
                    uniform: uniform)
                chunks.run(parallel: parallel) { chunk, nodes in kernel.run(chunk: chunk, nodes: nodes) }
            }}}}}}}}
            change = 0
            danglingMass = 0
            for c in 0 ..< NodeChunks.count {
                change += partials[2 * c]
                danglingMass += partials[2 * c + 1]
            }
            swap(&x, &next)
            swap(&share, &nextShare)
            if change < threshold { return x }
        }
        throw .notConverged(measure: measure, iterations: maxIterations, change: change, threshold: threshold)
    }
}

/// One PageRank pass over a chunk of nodes (pointers only: no class references, no allocation).
private struct PageRankKernel: @unchecked Sendable {
    let offsets: UnsafeBufferPointer<Int>
    let sources: UnsafeBufferPointer<Int32>
    let weights: [Double]?
    let inverseStrength: UnsafeBufferPointer<Double>
    let x: UnsafeBufferPointer<Double>
    let share: UnsafeBufferPointer<Double>
    let next: UnsafeMutableBufferPointer<Double>
    let nextShare: UnsafeMutableBufferPointer<Double>
    let partials: UnsafeMutableBufferPointer<Double>
    let alpha: Double
    let danglingScale: Double
    let personalization: [Double]?
    let dangling: [Double]?
    let uniform: Double

    func run(chunk: Int, nodes: Range<Int>) {
        var change = 0.0, danglingMass = 0.0
        let teleport = (1 - alpha) * uniform
        let danglingUniform = danglingScale * uniform
        let body = { (weights: UnsafeBufferPointer<Double>?, p: UnsafeBufferPointer<Double>?,
                      d: UnsafeBufferPointer<Double>?) in
            for v in nodes {
                var sum = 0.0
                let start = offsets[v], end = offsets[v + 1]
                if let weights {
                    for arc in start ..< end { sum += weights[arc] * share[Int(sources[arc])] }
                } else {
                    for arc in start ..< end { sum += share[Int(sources[arc])] }
                }
                var value = alpha * sum
                value += d.map { danglingScale * $0[v] } ?? danglingUniform
                value += p.map { (1 - alpha) * $0[v] } ?? teleport
                change += abs(value - x[v])
                next[v] = value
                let inverse = inverseStrength[v]
                nextShare[v] = value * inverse
                if inverse == 0 { danglingMass += value }
            }
        }
        withOptionalBuffer(weights) { w in
            withOptionalBuffer(personalization) { p in
                withOptionalBuffer(dangling) { d in body(w, p, d) }
            }
        }
        partials[2 * chunk] = change
        partials[2 * chunk + 1] = danglingMass
    }
}

extension CSRGraph {
    /// A vector of `count` non-negative finite values scaled to sum 1, or `nil` when none was given.
    static func probabilityVector(
        _ values: [Double]?, count: Int, measure: String, name: String
    ) throws(CentralityError) -> [Double]? {
        guard let values else { return nil }
        guard values.count == count else {
            throw .invalidParameter(measure: measure, name: name, reason: "has \(values.count) values for \(count) nodes")
        }
        var sum = 0.0
        for (node, value) in values.enumerated() {
            guard value.isFinite, value >= 0 else {
                throw .invalidParameter(
                    measure: measure, name: name, reason: "node \(node) has \(value); values must be finite and >= 0")
            }
            sum += value
        }
        guard sum > 0 else {
            throw .invalidParameter(measure: measure, name: name, reason: "the values sum to 0; give some node a positive value")
        }
        return values.map { $0 / sum }
    }
}
