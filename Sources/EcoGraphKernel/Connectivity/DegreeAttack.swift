// The adaptive degree attack: the highest-degree nodes of what remains, removed step by step.

extension CSRGraph {
    /// The order in which an adaptive degree attack removes every node: at each of `steps` steps, the nodes
    /// with the highest degree in the graph that remains (NetworkX's `G.degree`: in + out on a directed
    /// graph, a self-loop counting 2), ties broken by `tieOrder`, as many as the step removes
    /// (`RemovalSchedule.removedCount(atCheckpoint:of:steps:)` over `n` nodes); then their edges go and
    /// the degrees of their neighbours drop before the next step.
    ///
    /// With `steps == n` this is the classic adaptive (recalculated) degree attack, one node at a time
    /// (Holme, Kim, Yoon, Han, "Attack vulnerability of complex networks", 2002). Degrees are kept up to date
    /// as nodes go (a lazy max-heap keyed by degree and tie position), instead of recounting after each step.
    ///
    /// Example: the star `0 - 1, 0 - 2, 0 - 3` plus `2 - 3`, one node a step, ties by index: 0 (degree 3),
    /// then 2 (degree 1 in what remains, tied with 3, first by index), then 1, then 3.
    /// - Parameters:
    ///   - tieOrder: every node once; among equal degrees, the node earlier in this list goes first.
    ///   - steps: the number of steps (`1 ... n` for a graph with nodes).
    /// - Throws: `RemovalScheduleError.nodeOutOfRange` when `tieOrder` is not a permutation of the nodes,
    ///   `.negativeSteps` for a negative step count, `.stepOutOfRange` for 0 steps on a graph with nodes.
    /// - Complexity: `O((n + m) log(n + m))` time, `O(n + m)` extra space.
    public func adaptiveDegreeOrder(tieOrder: [Int], steps: Int) throws(RemovalScheduleError) -> [Int] {
        let n = nodeCount
        guard steps >= 0 else { throw .negativeSteps(steps) }
        guard n == 0 || steps >= 1 else { throw .stepOutOfRange(step: 0, steps: steps) }
        var tieRank = [Int32](repeating: -1, count: n)
        for (position, v) in tieOrder.enumerated() {
            guard v >= 0, v < n, tieRank[v] < 0 else { throw .nodeOutOfRange(node: v, nodeCount: n) }
            tieRank[v] = Int32(position)
        }
        guard tieOrder.count == n else { throw .nodeOutOfRange(node: n, nodeCount: n) }
        var degree = (0 ..< n).map { v in isDirected ? outArcs(v).count + inArcs(v).count : outDegree(v) }
        var removed = [Bool](repeating: false, count: n)
        // Entries (degree, n - 1 - tie position): the largest is the next node to go.
        var heap = PackedMaxHeap()
        func entry(_ v: Int) -> UInt64 { UInt64(degree[v]) << 32 | UInt64(UInt32(n - 1 - Int(tieRank[v]))) }
        for v in 0 ..< n { heap.push(entry(v)) }
        var order: [Int] = []
        order.reserveCapacity(n)
        var chosen: [Int] = []
        for k in 1 ... max(1, steps) where n > 0 {
            let take = RemovalSchedule.removedCount(atCheckpoint: k, of: n, steps: steps)
                - RemovalSchedule.removedCount(atCheckpoint: k - 1, of: n, steps: steps)
            chosen.removeAll(keepingCapacity: true)
            while chosen.count < take, let top = heap.pop() {
                let v = tieOrder[n - 1 - Int(top & 0xFFFF_FFFF)]
                if removed[v] || Int(top >> 32) != degree[v] { continue }
                removed[v] = true
                chosen.append(v)
            }
            for u in chosen {
                order.append(u)
                for v in successors(of: u) where Int(v) != u && !removed[Int(v)] {
                    degree[Int(v)] -= 1
                    heap.push(entry(Int(v)))
                }
                if isDirected {
                    for v in predecessors(of: u) where Int(v) != u && !removed[Int(v)] {
                        degree[Int(v)] -= 1
                        heap.push(entry(Int(v)))
                    }
                }
            }
        }
        return order
    }
}
