/// How `pageRank` computes its fixed point (internal: tests force one method to compare them).
enum PageRankMethod: Sendable {
    /// `.components` when few nodes lie in non-trivial strongly connected components, else power iteration.
    case automatic
    /// Jacobi power iteration over all nodes (parallel, as NetworkX iterates).
    case powerIteration
    /// A sweep over the strongly connected components in topological order (PRPACK's approach).
    case components

    /// `.automatic` solves by components while at most `nodeCount / nontrivialFraction` nodes lie in
    /// strongly connected components of two or more nodes (inside those it iterates serially).
    static let nontrivialFraction = 8
}

/// The strongly connected components in a topological order of the arcs: every arc `u -> v` between
/// two components has `u`'s component first.
struct TopologicalComponents {
    /// The nodes, component by component.
    let order: [Int32]
    /// Component `c` is `order[starts[c] ..< starts[c + 1]]`.
    let starts: [Int32]
}

extension CSRGraph {
    /// A cheap first test for `.automatic` (`O(n)`, no allocation): at least a third of the nodes have no
    /// in-arc or no out-arc, so cannot lie on a cycle. Near-DAGs such as package-dependency graphs pass
    /// (Debian's: a half), random and scale-free graphs with a giant component do not (1–23 %).
    func looksLikeNearDAG() -> Bool {
        var open = 0
        for v in 0 ..< nodeCount where outOffsets[v] == outOffsets[v + 1] || inOffsets[v] == inOffsets[v + 1] {
            open += 1
        }
        return 3 * open >= nodeCount
    }

    /// Tarjan's algorithm (iterative) over the in-arcs, which emits each component after all components
    /// with an arc into it: a topological order of the components. Returns `nil` as soon as the nodes
    /// emitted in components of two or more nodes plus the nodes on Tarjan's stack exceed `nontrivialLimit`.
    ///
    /// A node on Tarjan's stack is on the search path or in a non-trivial component, so a graph with a
    /// giant component gives up after visiting about `nontrivialLimit` nodes (so does a DAG whose search
    /// path gets that deep: a chain that long is left to the power iteration).
    /// - Complexity: `O(n + m)` time, `O(n)` extra space.
    func topologicalComponents(nontrivialLimit: Int) -> TopologicalComponents? {
        let n = nodeCount
        var index = [Int32](repeating: -1, count: n)  // Int32.max once the node's component is emitted
        var low = [Int32](repeating: 0, count: n)
        var stack = [Int32](repeating: 0, count: n)
        var callNode = [Int32](repeating: 0, count: n)
        var callArc = [Int](repeating: 0, count: n)
        var order = [Int32](repeating: 0, count: n)
        var starts: [Int32] = [0]
        var emitted = 0, nontrivial = 0
        let ok = index.withUnsafeMutableBufferPointer { index in
        low.withUnsafeMutableBufferPointer { low in
        stack.withUnsafeMutableBufferPointer { stack in
        callNode.withUnsafeMutableBufferPointer { callNode in
        callArc.withUnsafeMutableBufferPointer { callArc in
        order.withUnsafeMutableBufferPointer { order in
        inOffsets.withUnsafeBufferPointer { offsets in
        inSources.withUnsafeBufferPointer { sources in
            var counter: Int32 = 0
            var top = 0  // Tarjan stack size
            for root in 0 ..< n where index[root] < 0 {
                var depth = 1
                callNode[0] = Int32(root); callArc[0] = offsets[root]
                index[root] = counter; low[root] = counter; counter += 1
                stack[top] = Int32(root); top += 1
                while depth > 0 {
                    let u = Int(callNode[depth - 1])
                    var arc = callArc[depth - 1]
                    let end = offsets[u + 1]
                    var descended = false
                    while arc < end {
                        let v = Int(sources[arc]); arc += 1
                        let iv = index[v]
                        if iv < 0 {
                            // Every node on the stack is on the search path or in a non-trivial component.
                            if nontrivial + top >= nontrivialLimit { return false }
                            callArc[depth - 1] = arc
                            index[v] = counter; low[v] = counter; counter += 1
                            stack[top] = Int32(v); top += 1
                            callNode[depth] = Int32(v); callArc[depth] = offsets[v]; depth += 1
                            descended = true
                            break
                        }
                        if iv < low[u] { low[u] = iv }  // emitted nodes have Int32.max: no effect
                    }
                    if descended { continue }
                    depth -= 1
                    if depth > 0 {
                        let parent = Int(callNode[depth - 1])
                        if low[u] < low[parent] { low[parent] = low[u] }
                    }
                    if low[u] == index[u] {
                        let first = emitted
                        while true {
                            top -= 1
                            let w = stack[top]
                            index[Int(w)] = Int32.max
                            order[emitted] = w; emitted += 1
                            if Int(w) == u { break }
                        }
                        if emitted - first > 1 { nontrivial += emitted - first }
                        starts.append(Int32(emitted))
                    }
                }
            }
            return true
        }}}}}}}}
        guard ok else { return nil }
        return TopologicalComponents(order: order, starts: starts)
    }

    /// PageRank from the components (PRPACK's method). With `P[u][v] = A[u][v] / s_u` (rows of dangling
    /// nodes zero), the fixed point of the power iteration solves
    ///
    ///     (I - alpha P^T) x = (1 - alpha) p + alpha delta d,    delta = sum of x over dangling nodes,
    ///
    /// so `x = (1 - alpha) y + c z` with `(I - alpha P^T) y = p`, `(I - alpha P^T) z = d` and the scalar
    /// `c = alpha delta` fixed by `sum x = 1` (the iteration keeps the sum at 1). `I - alpha P^T` is block
    /// triangular in the components' topological order, so one sweep solves it: a single node `v` exactly,
    /// `y_v = (p_v + alpha sum_{u != v} P[u][v] y_u) / (1 - alpha P[v][v])`; a larger component by
    /// Gauss–Seidel sweeps until their L1 change is below `size * tolerance * (1 - alpha)^2` (throwing
    /// `notConverged` after `maxIterations` sweeps). When `d = p` (the default) `z = y` and `x = y / sum y`.
    /// The result is scaled to sum 1. Serial and in a fixed order: the same bits on every run.
    func pageRankByComponents(
        _ components: TopologicalComponents, alpha: Double, personalization p: [Double]?, dangling d: [Double]?,
        inWeights: [Double]?, inverseStrength: [Double], tolerance: Double, maxIterations: Int
    ) throws(CentralityError) -> [Double] {
        let n = nodeCount
        let twoSolves = d != p
        let uniform = 1 / Double(n)
        var y = [Double](repeating: 0, count: n)
        var z = [Double](repeating: 0, count: twoSolves ? n : 0)
        var shareY = [Double](repeating: 0, count: n)  // y[u] / s_u, 0 until u is solved
        var shareZ = [Double](repeating: 0, count: twoSolves ? n : 0)
        let hasSelfLoops = selfLoopCount > 0
        var failure: (change: Double, threshold: Double)?

        withOptionalBuffer(inWeights) { weights in
        withOptionalBuffer(p) { p in
        withOptionalBuffer(d) { d in
        components.order.withUnsafeBufferPointer { order in
        components.starts.withUnsafeBufferPointer { starts in
        inOffsets.withUnsafeBufferPointer { offsets in
        inSources.withUnsafeBufferPointer { sources in
        inverseStrength.withUnsafeBufferPointer { inverse in
        y.withUnsafeMutableBufferPointer { y in
        z.withUnsafeMutableBufferPointer { z in
        shareY.withUnsafeMutableBufferPointer { shareY in
        shareZ.withUnsafeMutableBufferPointer { shareZ in
            /// `sum_u A[u][v] * share[u]` over `v`'s in-arcs, for y and (with two solves) z.
            @inline(__always) func gather(_ v: Int) -> (Double, Double) {
                var sumY = 0.0, sumZ = 0.0
                let start = offsets[v], end = offsets[v + 1]
                if let weights {
                    if twoSolves {
                        for arc in start ..< end {
                            let u = Int(sources[arc]), w = weights[arc]
                            sumY += w * shareY[u]; sumZ += w * shareZ[u]
                        }
                    } else {
                        for arc in start ..< end { sumY += weights[arc] * shareY[Int(sources[arc])] }
                    }
                } else if twoSolves {
                    for arc in start ..< end {
                        let u = Int(sources[arc])
                        sumY += shareY[u]; sumZ += shareZ[u]
                    }
                } else {
                    for arc in start ..< end { sumY += shareY[Int(sources[arc])] }
                }
                return (sumY, sumZ)
            }
            /// `A[v][v]`, 0 without a self-loop.
            func selfWeight(_ v: Int) -> Double {
                for arc in offsets[v] ..< offsets[v + 1] where Int(sources[arc]) == v {
                    return weights?[arc] ?? 1
                }
                return 0
            }

            for c in 0 ..< starts.count - 1 {
                let first = Int(starts[c]), last = Int(starts[c + 1])
                if last - first == 1 {
                    // One node: its own share is still 0, so the gather leaves out a self-loop.
                    let v = Int(order[first])
                    let (sumY, sumZ) = gather(v)
                    var scale = 1.0
                    if hasSelfLoops { scale = 1 / (1 - alpha * selfWeight(v) * inverse[v]) }
                    let valueY = (p.map { $0[v] } ?? uniform) + alpha * sumY
                    y[v] = valueY * scale
                    shareY[v] = y[v] * inverse[v]
                    if twoSolves {
                        let valueZ = (d.map { $0[v] } ?? uniform) + alpha * sumZ
                        z[v] = valueZ * scale
                        shareZ[v] = z[v] * inverse[v]
                    }
                    continue
                }
                // Gauss–Seidel over the component, from 0.
                let threshold = Double(last - first) * tolerance * (1 - alpha) * (1 - alpha)
                var change = Double.infinity
                var sweeps = 0
                while !(change < threshold) {
                    if sweeps == maxIterations {
                        failure = (change, threshold)
                        return
                    }
                    sweeps += 1
                    change = 0
                    for position in first ..< last {
                        let v = Int(order[position])
                        let (sumY, sumZ) = gather(v)
                        let valueY = (p.map { $0[v] } ?? uniform) + alpha * sumY
                        change += abs(valueY - y[v])
                        y[v] = valueY
                        shareY[v] = valueY * inverse[v]
                        if twoSolves {
                            let valueZ = (d.map { $0[v] } ?? uniform) + alpha * sumZ
                            change += abs(valueZ - z[v])
                            z[v] = valueZ
                            shareZ[v] = valueZ * inverse[v]
                        }
                    }
                }
            }
        }}}}}}}}}}}}
        if let failure {
            throw .notConverged(
                measure: "PageRank", iterations: maxIterations, change: failure.change, threshold: failure.threshold)
        }

        var x = y
        if twoSolves {
            var sumY = 0.0, sumZ = 0.0
            for v in 0 ..< n { sumY += y[v]; sumZ += z[v] }
            let c = sumZ > 0 ? max(0, (1 - (1 - alpha) * sumY) / sumZ) : 0
            for v in 0 ..< n { x[v] = (1 - alpha) * y[v] + c * z[v] }
        }
        var sum = 0.0
        for v in 0 ..< n { sum += x[v] }
        let scale = 1 / sum
        for v in 0 ..< n { x[v] *= scale }
        return x
    }
}
