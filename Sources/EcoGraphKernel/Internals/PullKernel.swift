/// `y = (A^T + I) x` (with `diagonal` 1) or `y = A^T x` (with `diagonal` 0) over a chunk, pulling over the
/// in-adjacency; stores the chunk's sum of squares of `y` in `partials[chunk]`.
///
/// The per-chunk passes of eigenvector centrality (`shiftedProduct`), Katz (`katzStep`, and `shiftedRatios`
/// for its spectral-radius bound) and HITS (`productMax`), run over `NodeChunks`.
struct PullKernel: @unchecked Sendable {
    let offsets: UnsafeBufferPointer<Int>
    let sources: UnsafeBufferPointer<Int32>
    let weights: UnsafeBufferPointer<Double>?
    let x: UnsafeBufferPointer<Double>
    let y: UnsafeMutableBufferPointer<Double>
    let partials: UnsafeMutableBufferPointer<Double>

    /// Runs `body` with a kernel over `offsets` / `sources` (a CSR adjacency) and optional per-arc weights.
    static func with<R>(
        offsets: [Int], sources: [Int32], weights: [Double]?, x: UnsafeBufferPointer<Double>,
        y: UnsafeMutableBufferPointer<Double>, partials: UnsafeMutableBufferPointer<Double>,
        _ body: (PullKernel) -> R
    ) -> R {
        offsets.withUnsafeBufferPointer { offsets in
            sources.withUnsafeBufferPointer { sources in
                withOptionalBuffer(weights) { weights in
                    body(PullKernel(offsets: offsets, sources: sources, weights: weights, x: x, y: y, partials: partials))
                }
            }
        }
    }

    @inline(__always)
    func pull(_ v: Int) -> Double {
        var sum = 0.0
        let start = offsets[v], end = offsets[v + 1]
        if let weights {
            for arc in start ..< end { sum += weights[arc] * x[Int(sources[arc])] }
        } else {
            for arc in start ..< end { sum += x[Int(sources[arc])] }
        }
        return sum
    }

    /// `y[v] = x[v] + sum_{u -> v} w * x[u]`; partial: sum of `y[v]^2`.
    func shiftedProduct(chunk: Int, nodes: Range<Int>) {
        var squares = 0.0
        for v in nodes {
            let value = x[v] + pull(v)
            y[v] = value
            squares += value * value
        }
        partials[chunk] = squares
    }

    /// `y[v] = x[v] + sum_{u -> v} w * x[u]`; partials (2 per chunk): the largest `y[v] / x[v]` (infinite
    /// if some `x[v]` is 0), and the largest `y[v]`.
    func shiftedRatios(chunk: Int, nodes: Range<Int>) {
        var ratio = 0.0, largest = 0.0
        for v in nodes {
            let value = x[v] + pull(v)
            y[v] = value
            ratio = x[v] > 0 ? max(ratio, value / x[v]) : .infinity  // (a zero x[v] voids the bound)
            largest = max(largest, value)
        }
        partials[2 * chunk] = ratio
        partials[2 * chunk + 1] = largest
    }

    /// `y[v] = alpha * sum_{u -> v} w * x[u] + beta[v]`; partial: sum of `|y[v] - x[v]|`.
    func katzStep(chunk: Int, nodes: Range<Int>, alpha: Double, beta: UnsafeBufferPointer<Double>?, uniformBeta: Double) {
        var change = 0.0
        for v in nodes {
            let value = alpha * pull(v) + (beta?[v] ?? uniformBeta)
            change += abs(value - x[v])
            y[v] = value
        }
        partials[chunk] = change
    }

    /// `y[v] = sum_{u -> v} w * x[u]`; partial: the largest `y[v]` of the chunk.
    func productMax(chunk: Int, nodes: Range<Int>) {
        var largest = 0.0
        for v in nodes {
            let value = pull(v)
            y[v] = value
            largest = max(largest, value)
        }
        partials[chunk] = largest
    }
}
