extension CSRGraph {
    /// Degree centrality: each node's degree divided by `n - 1`, the largest degree a simple graph allows.
    ///
    /// The degree is NetworkX's `G.degree()`: undirected, the number of incident edges with a self-loop
    /// counting 2; directed, in-degree plus out-degree (a self-loop counts once each way, so 2). Values can
    /// exceed 1 when there are self-loops. A graph with one node gives `[1]` and the null graph `[]`, as
    /// NetworkX's `degree_centrality` does (it returns 1 for every node when `n <= 1`).
    ///
    /// Example: the path `0 - 1 - 2` gives `[0.5, 1, 0.5]`.
    /// - Complexity: `O(n)` time (`O(n + loops)` undirected), `O(n)` space for the result.
    public func degreeCentrality() -> [Double] {
        let n = nodeCount
        guard n > 1 else { return [Double](repeating: 1, count: n) }
        let scale = 1 / (Double(n) - 1)
        var result = [Double](repeating: 0, count: n)
        if isDirected {
            for v in 0 ..< n {
                let degree = (outOffsets[v + 1] - outOffsets[v]) + (inOffsets[v + 1] - inOffsets[v])
                result[v] = Double(degree) * scale
            }
        } else {
            var degree = [Int](repeating: 0, count: n)
            for v in 0 ..< n { degree[v] = outOffsets[v + 1] - outOffsets[v] }
            // A self-loop is one arc in its row but counts 2.
            if selfLoopCount > 0 {
                for (u, v) in zip(edgeSources, edgeTargets) where u == v { degree[Int(u)] += 1 }
            }
            for v in 0 ..< n { result[v] = Double(degree[v]) * scale }
        }
        return result
    }

    /// In-degree centrality: each node's in-degree divided by `n - 1` (NetworkX's `in_degree_centrality`).
    ///
    /// A self-loop counts 1. `n <= 1` gives 1 for every node, as NetworkX does.
    /// - Throws: `CentralityError.undirectedGraph` for an undirected graph, as NetworkX raises
    ///   `NetworkXNotImplemented` (use `degreeCentrality()` there).
    /// - Complexity: `O(n)` time and space.
    public func inDegreeCentrality() throws(CentralityError) -> [Double] {
        guard isDirected else {
            throw .undirectedGraph(measure: "in-degree centrality", alternative: "degreeCentrality()")
        }
        return Self.scaledDegrees(offsets: inOffsets, nodeCount: nodeCount)
    }

    /// Out-degree centrality: each node's out-degree divided by `n - 1` (NetworkX's `out_degree_centrality`).
    ///
    /// A self-loop counts 1. `n <= 1` gives 1 for every node, as NetworkX does.
    /// - Throws: `CentralityError.undirectedGraph` for an undirected graph, as NetworkX raises
    ///   `NetworkXNotImplemented` (use `degreeCentrality()` there).
    /// - Complexity: `O(n)` time and space.
    public func outDegreeCentrality() throws(CentralityError) -> [Double] {
        guard isDirected else {
            throw .undirectedGraph(measure: "out-degree centrality", alternative: "degreeCentrality()")
        }
        return Self.scaledDegrees(offsets: outOffsets, nodeCount: nodeCount)
    }

    private static func scaledDegrees(offsets: [Int], nodeCount n: Int) -> [Double] {
        guard n > 1 else { return [Double](repeating: 1, count: n) }
        let scale = 1 / (Double(n) - 1)
        return (0 ..< n).map { Double(offsets[$0 + 1] - offsets[$0]) * scale }
    }
}
