extension CSRGraph {
    /// Core numbers: the core number of a node is the largest `k` such that the node belongs to the
    /// `k`-core, the largest subgraph in which every node has degree at least `k`.
    ///
    /// Degrees are NetworkX's: undirected, the number of neighbours; directed, in-degree plus out-degree
    /// (a pair of opposite edges counts 2), as NetworkX's `core_number` on a `DiGraph`. Computed with the
    /// bucket algorithm of Batagelj and Zaversnik ("An O(m) Algorithm for Cores Decomposition of Networks",
    /// 2003): nodes sit in buckets by current degree; the node of least degree is removed and each
    /// neighbour of larger degree moves down one bucket. Core numbers do not depend on the removal order,
    /// so the result equals NetworkX's exactly.
    ///
    /// Example: a triangle with a pendant node gives `[2, 2, 2, 1]`.
    /// - Throws: `CentralityError.selfLoops` when the graph has self-loops, as NetworkX's `core_number`
    ///   raises `NetworkXNotImplemented`.
    /// - Complexity: `O(n + m)` time, `O(n)` extra space.
    public func coreNumbers() throws(CentralityError) -> [Int] {
        guard selfLoopCount == 0 else { throw .selfLoops(measure: "core number", count: selfLoopCount) }
        let n = nodeCount
        guard n > 0 else { return [] }
        var degree = [Int](repeating: 0, count: n)
        var maxDegree = 0
        for v in 0 ..< n {
            var d = outOffsets[v + 1] - outOffsets[v]
            if isDirected { d += inOffsets[v + 1] - inOffsets[v] }
            degree[v] = d
            maxDegree = max(maxDegree, d)
        }
        // Bucket sort by degree: binStart[d] is the first position of degree d in `order`.
        var binStart = [Int](repeating: 0, count: maxDegree + 2)
        for d in degree { binStart[d + 1] += 1 }
        for d in 0 ..< maxDegree + 1 { binStart[d + 1] += binStart[d] }
        var order = [Int32](repeating: 0, count: n)
        var position = [Int](repeating: 0, count: n)
        do {
            var fill = binStart
            for v in 0 ..< n {
                position[v] = fill[degree[v]]
                order[position[v]] = Int32(v)
                fill[degree[v]] += 1
            }
        }
        degree.withUnsafeMutableBufferPointer { degree in
        binStart.withUnsafeMutableBufferPointer { binStart in
        order.withUnsafeMutableBufferPointer { order in
        position.withUnsafeMutableBufferPointer { position in
        outOffsets.withUnsafeBufferPointer { outOffsets in
        outTargets.withUnsafeBufferPointer { outTargets in
        inOffsets.withUnsafeBufferPointer { inOffsets in
        inSources.withUnsafeBufferPointer { inSources in
            @inline(__always) func lower(_ u: Int, below v: Int) {
                let du = degree[u]
                guard du > degree[v] else { return }
                // Swap u with the first node of its bucket, then shrink the bucket from the front.
                let pu = position[u], pw = binStart[du]
                let w = Int(order[pw])
                if u != w {
                    position[u] = pw; order[pw] = Int32(u)
                    position[w] = pu; order[pu] = Int32(w)
                }
                binStart[du] += 1
                degree[u] = du - 1
            }
            for i in 0 ..< n {
                let v = Int(order[i])
                for arc in outOffsets[v] ..< outOffsets[v + 1] { lower(Int(outTargets[arc]), below: v) }
                if isDirected {
                    for arc in inOffsets[v] ..< inOffsets[v + 1] { lower(Int(inSources[arc]), below: v) }
                }
            }
        }}}}}}}}
        return degree
    }
}
