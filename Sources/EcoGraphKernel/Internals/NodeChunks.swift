import Dispatch

/// A fixed cut of the nodes into `count` chunks of contiguous nodes, balanced by `nodes + arcs`.
///
/// The cut does not depend on the machine, and reductions add the per-chunk partials in chunk order,
/// so a parallel run gives bit-for-bit the same numbers as a serial one.
///
/// Used by every pass of the pull-based power iterations: PageRank, eigenvector, Katz and HITS.
struct NodeChunks: Sendable {
    /// Number of chunks: a few per core on small machines, so that a heavy row does not stall a core.
    static let count = 16
    /// Below this much work (nodes + arcs) a pass runs serially: dispatching would cost more than it saves.
    static let parallelThreshold = 1 << 15

    /// Node boundaries: chunk `c` is `bounds[c] ..< bounds[c + 1]`.
    let bounds: [Int]
    let work: Int

    /// - Parameter offsets: a CSR offset array (`nodeCount + 1` entries) whose rows a pass walks.
    init(offsets: [Int], nodeCount n: Int) {
        let total = n + offsets[n]
        var bounds = [Int](repeating: n, count: Self.count + 1)
        bounds[0] = 0
        for c in 1 ..< Self.count {
            // Smallest v with v + offsets[v] >= c * total / count (the function is increasing in v).
            let target = c * total / Self.count
            var lo = bounds[c - 1], hi = n
            while lo < hi {
                let mid = (lo + hi) / 2
                if mid + offsets[mid] < target { lo = mid + 1 } else { hi = mid }
            }
            bounds[c] = lo
        }
        self.bounds = bounds
        self.work = total
    }

    /// Runs `body(chunk, nodes)` for every chunk, concurrently when `parallel` is set and the pass is big
    /// enough to pay for it; `body` must write only to its own nodes' and its own chunk's slots.
    func run(parallel: Bool, _ body: (_ chunk: Int, _ nodes: Range<Int>) -> Void) {
        if parallel && work >= Self.parallelThreshold {
            withoutActuallyEscaping(body) { body in
                let task = ChunkTask(body: body, bounds: bounds)
                DispatchQueue.concurrentPerform(iterations: Self.count) { @Sendable c in task.run(c) }
            }
        } else {
            for c in 0 ..< Self.count { body(c, bounds[c] ..< bounds[c + 1]) }
        }
    }
}

/// A chunk body handed to Dispatch; each invocation touches disjoint memory (see `NodeChunks.run`).
private struct ChunkTask: @unchecked Sendable {
    let body: (Int, Range<Int>) -> Void
    let bounds: [Int]
    func run(_ c: Int) { body(c, bounds[c] ..< bounds[c + 1]) }
}
