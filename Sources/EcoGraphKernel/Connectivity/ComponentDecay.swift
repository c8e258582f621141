// The largest weakly connected component at every checkpoint of a removal schedule, in one pass.

extension CSRGraph {
    /// The size of the largest weakly connected component at each checkpoint `0 ... steps` of a removal
    /// schedule: entry `k` is the largest component of the graph without the nodes removed at steps `1 ... k`
    /// (and their edges) and without the edges cut at those steps; 0 once every node is gone.
    ///
    /// Removing nodes one by one and searching again after each would cost `O(K (n + m))`. Read backwards, the
    /// removals are additions: starting from the nodes and edges that are never removed and going from
    /// checkpoint `K` down to 0, each step adds back the nodes removed at it and the edges that come back
    /// with them, and union–find (union by size, path halving) merges components in near-constant time while
    /// the largest size is kept as a running maximum (sizes only grow when adding). Matches NetworkX's
    /// `max(len(c) for c in nx.weakly_connected_components(G))` after `G.remove_nodes_from(...)` at every
    /// checkpoint (connected components for an undirected graph).
    ///
    /// Example: the path `0 - 1 - 2` with node 1 removed at step 1 of 2 and node 0 at step 2 gives `[3, 1, 1]`.
    /// - Throws: `RemovalScheduleError.graphMismatch` when the schedule is for another graph.
    /// - Complexity: `O((n + m) α(n) + K)` time, `O(n + m + K)` extra space.
    public func largestWeakComponentDecay(_ schedule: RemovalSchedule) throws(RemovalScheduleError) -> [Int] {
        try schedule.check(self)
        let n = nodeCount, k = schedule.steps
        // Bucket nodes and edges by the last checkpoint + 1 at which they are present (1 ... K + 1).
        let nodeBuckets = Self.buckets(count: n, buckets: k + 2) { Int(schedule.nodeStep[$0]) }
        if schedule.edgeStep == nil { return largestComponentsAddingNodes(nodeBuckets, steps: k) }
        let edgeBuckets = Self.buckets(count: edgeCount, buckets: k + 2) { e in
            var until = min(schedule.nodeStep[Int(edgeSources[e])], schedule.nodeStep[Int(edgeTargets[e])])
            if let edgeStep = schedule.edgeStep { until = min(until, edgeStep[e]) }
            return Int(until)
        }
        let sets = DisjointSets(count: n)
        var largest = [Int](repeating: 0, count: k + 1)
        var best = 0
        for checkpoint in stride(from: k, through: 0, by: -1) {
            // Present at `checkpoint`: everything whose bucket is above it; add bucket `checkpoint + 1`.
            let bucket = checkpoint + 1
            if nodeBuckets.start[bucket] < nodeBuckets.start[bucket + 1] { best = max(best, 1) }
            for position in edgeBuckets.start[bucket] ..< edgeBuckets.start[bucket + 1] {
                let e = Int(edgeBuckets.items[position])
                best = max(best, sets.union(Int(edgeSources[e]), Int(edgeTargets[e])))
            }
            largest[checkpoint] = best
        }
        return largest
    }

    /// The series when only nodes are removed: an edge comes back with the later of its two ends, so adding a
    /// node joins it to its neighbours already present (each edge is looked at from both ends, joined once).
    private func largestComponentsAddingNodes(_ nodeBuckets: (start: [Int], items: [Int32]), steps k: Int) -> [Int] {
        let sets = DisjointSets(count: nodeCount)
        var present = [Bool](repeating: false, count: nodeCount)
        var largest = [Int](repeating: 0, count: k + 1)
        var best = 0
        for checkpoint in stride(from: k, through: 0, by: -1) {
            for position in nodeBuckets.start[checkpoint + 1] ..< nodeBuckets.start[checkpoint + 2] {
                let v = Int(nodeBuckets.items[position])
                present[v] = true
                var root = v  // v's representative, kept as v's set grows
                for u in successors(of: v) where present[Int(u)] { root = sets.union(roots: root, sets.find(Int(u))) }
                if isDirected {
                    for u in predecessors(of: v) where present[Int(u)] { root = sets.union(roots: root, sets.find(Int(u))) }
                }
                best = max(best, sets.size(ofRoot: root))
            }
            largest[checkpoint] = best
        }
        return largest
    }

    /// A counting sort of `0 ..< count` by `key` (in `0 ..< buckets`): items of bucket `b` are
    /// `items[start[b] ..< start[b + 1]]`, in increasing order.
    static func buckets(count: Int, buckets: Int, key: (Int) -> Int) -> (start: [Int], items: [Int32]) {
        var start = [Int](repeating: 0, count: buckets + 1)
        var keys = [Int32](repeating: 0, count: count)
        for i in 0 ..< count {
            let b = key(i)
            keys[i] = Int32(b)
            start[b + 1] += 1
        }
        for b in 0 ..< buckets { start[b + 1] += start[b] }
        var next = start
        var items = [Int32](repeating: 0, count: count)
        for i in 0 ..< count {
            let b = Int(keys[i])
            items[next[b]] = Int32(i)
            next[b] += 1
        }
        return (start, items)
    }
}
