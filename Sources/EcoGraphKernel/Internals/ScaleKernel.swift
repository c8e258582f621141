/// `y = scale * y` over a chunk; partial: sum of `|y[v] - x[v]|` (the L1 change).
///
/// The normalisation pass of eigenvector centrality and HITS, run over `NodeChunks`.
struct ScaleKernel: @unchecked Sendable {
    let x: UnsafeBufferPointer<Double>
    let y: UnsafeMutableBufferPointer<Double>
    let partials: UnsafeMutableBufferPointer<Double>
    let scale: Double

    func scale(chunk: Int, nodes: Range<Int>) {
        var change = 0.0
        for v in nodes {
            let value = y[v] * scale
            y[v] = value
            change += abs(value - x[v])
        }
        partials[chunk] = change
    }
}
