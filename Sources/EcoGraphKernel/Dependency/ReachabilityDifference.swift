// Per-consumer reachability compared between two graphs on the same node indices (a map before and after).

/// What one consumer reaches in one graph and not in the other.
///
/// `reach(C)` is the set of nodes reachable from `C` along out-arcs (in the dependency view: everything `C`
/// depends on, directly or not), **excluding `C` itself**, as in `ReachabilityLoss`.
public struct ReachabilityDifference: Sendable, Equatable {
    /// The consumer node.
    public let consumer: Int
    /// How many counted nodes `C` reaches in the first graph (`self`) and not in the other.
    public let lostCount: Int
    /// How many counted nodes `C` reaches in the other graph and not in the first.
    public let gainedCount: Int
    /// Those nodes, in increasing order, or `nil` when the lists were not kept (past the list limit).
    public let lost: [Int]?
    /// Those nodes, in increasing order, or `nil` when the lists were not kept.
    public let gained: [Int]?

    /// A consumer's difference with its lists.
    public init(consumer: Int, lost: [Int], gained: [Int]) {
        self.init(consumer: consumer, lostCount: lost.count, gainedCount: gained.count, lost: lost, gained: gained)
    }

    /// A consumer's difference, its lists given or not.
    public init(consumer: Int, lostCount: Int, gainedCount: Int, lost: [Int]?, gained: [Int]?) {
        self.consumer = consumer
        self.lostCount = lostCount
        self.gainedCount = gainedCount
        self.lost = lost
        self.gained = gained
    }
}

extension CSRGraph {
    /// For each consumer `C`, the nodes it reaches in this graph but not in `other` (`lost`), and in `other`
    /// but not in this graph (`gained`), counting only the nodes each graph's mask marks.
    ///
    /// The two graphs index the same nodes: node `i` of one is node `i` of the other. Their node counts may
    /// differ (a node past a graph's count is simply not in it, and reaches nothing there). With masks:
    /// `lost(C) = (reach_self(C) ∩ counted) \ (reach_other(C) ∩ otherCounted)` and
    /// `gained(C) = (reach_other(C) ∩ otherCounted) \ (reach_self(C) ∩ counted)`: the (consumer, node) pairs
    /// a map lost or gained between two dates or files, per consumer.
    ///
    /// Example: `a -> b -> c` before and `a -> c`, `b -> c` after: `a` loses `b` and gains nothing (it still
    /// reaches `c`); `b` loses and gains nothing.
    ///
    /// Consumers are independent: they are spread over cores with `SourcePartitions`, two breadth-first
    /// searches each, with per-partition workspaces that reset only the entries a search touched; the
    /// results are in the order of `consumers` and identical with `parallel` off.
    ///
    /// - Parameters:
    ///   - other: the graph to compare with, on the same node indices.
    ///   - consumers: the consumers, each a node of at least one of the graphs.
    ///   - counted: which nodes count as reached in this graph (`nil`: all).
    ///   - otherCounted: which nodes count as reached in `other` (`nil`: all).
    ///   - listLimit: keep the lists only when the lost and gained nodes of all consumers number at most this
    ///     many (`nil`: always); past it every result has its counts and no lists, so that a pair of large,
    ///     densely connected maps does not hold billions of pairs.
    ///   - parallel: spread the consumers over all cores (the result is the same either way).
    /// - Throws: `ReachabilityError.nodeOutOfRange` for a consumer outside both graphs.
    /// - Complexity: `O(k (n + m))` time for `k` consumers, where `n` and `m` count both graphs' nodes and
    ///   arcs; `O(P n)` extra space for `P` partitions, plus the lists kept (at most `listLimit` per partition).
    public func reachabilityDifference(
        to other: CSRGraph, consumers: [Int], counted: [Bool]? = nil, otherCounted: [Bool]? = nil, listLimit: Int? = nil,
        parallel: Bool = true
    ) throws(ReachabilityError) -> [ReachabilityDifference] {
        let n = Swift.max(nodeCount, other.nodeCount)
        for c in consumers where c < 0 || c >= n { throw .nodeOutOfRange(node: c, nodeCount: n) }
        let limit = listLimit ?? Int.max
        // Each partition keeps lists while its own total is within the limit: past it, so is the whole total.
        let partials = SourcePartitions.map(sources: Array(consumers.indices), parallel: parallel) { partition in
            var workspace = DifferenceWorkspace(nodeCount: n)
            var results: [ReachabilityDifference] = []
            results.reserveCapacity(partition.count)
            var total = 0
            for position in partition {
                let item = workspace.difference(self, other, consumer: consumers[position], counted: counted, otherCounted: otherCounted,
                                                list: total <= limit)
                total = total &+ item.lostCount &+ item.gainedCount
                results.append(item)
            }
            return (results, total)
        }
        var total = 0
        for partial in partials { total = total &+ partial.1 }
        let listed = total <= limit
        var result: [ReachabilityDifference] = []
        result.reserveCapacity(consumers.count)
        let stride = partials.count
        for position in consumers.indices {
            let item = partials[position % stride].0[position / stride]
            result.append(listed ? item : ReachabilityDifference(consumer: item.consumer, lostCount: item.lostCount,
                                                                 gainedCount: item.gainedCount, lost: nil, gained: nil))
        }
        return result
    }
}

/// Breadth-first search state reused across consumers: a mark per node (bit 1: counted and reached in the
/// first graph, bit 0: counted and reached in the other), reset through the lists that set them.
private struct DifferenceWorkspace {
    var mark: [UInt8]
    var seen: [Bool]
    var first: [Int32] = []
    var second: [Int32] = []
    var frontier: [Int32] = []

    init(nodeCount: Int) {
        mark = [UInt8](repeating: 0, count: nodeCount)
        seen = [Bool](repeating: false, count: nodeCount)
    }

    mutating func difference(_ a: CSRGraph, _ b: CSRGraph, consumer c: Int, counted: [Bool]?, otherCounted: [Bool]?, list: Bool) -> ReachabilityDifference {
        for v in first { mark[Int(v)] = 0 }
        for v in second { mark[Int(v)] = 0 }
        first.removeAll(keepingCapacity: true)
        second.removeAll(keepingCapacity: true)
        search(a, from: c)
        first.append(contentsOf: frontier.dropFirst().lazy.filter { counted?[Int($0)] ?? true })
        for v in first { mark[Int(v)] |= 2 }
        search(b, from: c)
        second.append(contentsOf: frontier.dropFirst().lazy.filter { otherCounted?[Int($0)] ?? true })
        for v in second { mark[Int(v)] |= 1 }
        guard list else {
            let lost = first.reduce(0) { $0 + (mark[Int($1)] == 2 ? 1 : 0) }
            let gained = second.reduce(0) { $0 + (mark[Int($1)] == 1 ? 1 : 0) }
            return ReachabilityDifference(consumer: c, lostCount: lost, gainedCount: gained, lost: nil, gained: nil)
        }
        var lost: [Int] = [], gained: [Int] = []
        for v in first where mark[Int(v)] == 2 { lost.append(Int(v)) }
        for v in second where mark[Int(v)] == 1 { gained.append(Int(v)) }
        lost.sort()
        gained.sort()
        return ReachabilityDifference(consumer: c, lost: lost, gained: gained)
    }

    /// Leaves in `frontier` `source` followed by every node reachable from it in `graph` (nothing when
    /// `source` is not a node of `graph`); `seen` is left all false.
    private mutating func search(_ graph: CSRGraph, from source: Int) {
        frontier.removeAll(keepingCapacity: true)
        guard source < graph.nodeCount else { return }
        frontier.append(Int32(source))
        seen[source] = true
        var head = 0
        while head < frontier.count {
            let u = Int(frontier[head])
            head += 1
            for arc in graph.outArcs(u) {
                let v = Int(graph.outTargets[arc])
                if seen[v] { continue }
                seen[v] = true
                frontier.append(Int32(v))
            }
        }
        for v in frontier { seen[Int(v)] = false }
    }
}
