/// Calls `body` with a pointer to the array's storage, or with `nil`.
///
/// Used by the power-iteration measures (PageRank and its solver, Katz, and `PullKernel` for eigenvector,
/// Katz and HITS) to pass optional weight, personalisation, dangling and `beta` vectors.
@inline(__always)
func withOptionalBuffer<R>(_ array: [Double]?, _ body: (UnsafeBufferPointer<Double>?) -> R) -> R {
    if let array { return array.withUnsafeBufferPointer { body($0) } }
    return body(nil)
}
