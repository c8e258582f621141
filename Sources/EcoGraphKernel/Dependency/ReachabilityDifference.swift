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
    /// Work is shared within strongly connected components: the nodes reachable from `C` *including* `C`
    /// (`S(C)`) are the same for every node of `C`'s component, and `reach(C) = S(C) \ {C}`, so consumers in
    /// the same component of both graphs share one pair of searches, `D = (S_self ∩ counted) \ (S_other ∩
    /// otherCounted)`, and `lost(C) = D \ {C}` (likewise `gained`). Groups are independent: they are spread
    /// over cores with `SourcePartitions`, two breadth-first searches each, with per-partition workspaces that
    /// reset only the entries a search touched; the results are in the order of `consumers` (repeats answered
    /// again) and identical with `parallel` off.
    ///
    /// - Parameters:
    ///   - other: the graph to compare with, on the same node indices.
    ///   - consumers: the consumers, each a node of at least one of the graphs.
    ///   - counted: which nodes count as reached in this graph (`nil`: all).
    ///   - otherCounted: which nodes count as reached in `other` (`nil`: all).
    ///   - listLimit: keep the lists only when the lost and gained nodes of all consumers number at most this
    ///     many (`nil`: always); past it every result has its counts and no lists, so that a pair of large,
    ///     densely connected maps does not hold billions of pairs.
    ///   - parallel: spread the work over all cores (the result is the same either way).
    /// - Throws: `ReachabilityError.nodeOutOfRange` for a consumer outside both graphs.
    /// - Complexity: `O(n + m)` for the components, then `O(g (n + m) + k)` for `g` groups of consumers sharing
    ///   both components (at most `k`, the consumers; `n` and `m` count both graphs' nodes and arcs), plus the
    ///   lists kept; `O(P n)` extra space for `P` partitions.
    public func reachabilityDifference(
        to other: CSRGraph, consumers: [Int], counted: [Bool]? = nil, otherCounted: [Bool]? = nil, listLimit: Int? = nil,
        parallel: Bool = true
    ) throws(ReachabilityError) -> [ReachabilityDifference] {
        let n = Swift.max(nodeCount, other.nodeCount)
        for c in consumers where c < 0 || c >= n { throw .nodeOutOfRange(node: c, nodeCount: n) }
        let limit = listLimit ?? Int.max

        // Consumers grouped by their components in both graphs (-1: not a node of that graph), in order of
        // first appearance.
        let componentsHere = stronglyConnectedComponents().component, componentsThere = other.stronglyConnectedComponents().component
        struct Key: Hashable { let here: Int32, there: Int32 }
        var groupOf: [Key: Int] = [:]
        var groups: [[Int]] = []  // positions in `consumers`
        for (position, c) in consumers.enumerated() {
            let key = Key(here: c < nodeCount ? componentsHere[c] : -1, there: c < other.nodeCount ? componentsThere[c] : -1)
            if let g = groupOf[key] { groups[g].append(position) } else { groupOf[key] = groups.count; groups.append([position]) }
        }

        // Each partition keeps lists while its own total is within the limit: past it, so is the whole total.
        let partials = SourcePartitions.map(sources: Array(groups.indices), parallel: parallel) { partition in
            var workspace = DifferenceWorkspace(nodeCount: n)
            var results: [(position: Int, item: ReachabilityDifference)] = []
            var total = 0
            for g in partition {
                let members = groups[g].map { consumers[$0] }
                let items = workspace.difference(self, other, from: members[0], members: members, counted: counted,
                                                  otherCounted: otherCounted, list: total <= limit)
                for (position, item) in zip(groups[g], items) {
                    total = total &+ item.lostCount &+ item.gainedCount
                    results.append((position, item))
                }
            }
            return (results, total)
        }
        var total = 0
        for partial in partials { total = total &+ partial.1 }
        let listed = total <= limit
        var slots = [ReachabilityDifference?](repeating: nil, count: consumers.count)
        for partial in partials {
            for (position, item) in partial.0 {
                slots[position] = listed ? item : ReachabilityDifference(consumer: item.consumer, lostCount: item.lostCount,
                                                                         gainedCount: item.gainedCount, lost: nil, gained: nil)
            }
        }
        return slots.map { $0! }
    }
}

/// Breadth-first search state reused across groups: a mark per node (bit 1: counted and reached in the
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

    /// The differences of the consumers `members`, which share `source`'s components in both graphs: the
    /// counted nodes reachable from `source` (itself included) in one graph and not the other, without the
    /// consumer itself.
    mutating func difference(_ a: CSRGraph, _ b: CSRGraph, from source: Int, members: [Int], counted: [Bool]?, otherCounted: [Bool]?,
                             list: Bool) -> [ReachabilityDifference] {
        for v in first { mark[Int(v)] = 0 }
        for v in second { mark[Int(v)] = 0 }
        first.removeAll(keepingCapacity: true)
        second.removeAll(keepingCapacity: true)
        search(a, from: source)
        first.append(contentsOf: frontier.lazy.filter { counted?[Int($0)] ?? true })
        for v in first { mark[Int(v)] |= 2 }
        search(b, from: source)
        second.append(contentsOf: frontier.lazy.filter { otherCounted?[Int($0)] ?? true })
        for v in second { mark[Int(v)] |= 1 }
        var lost: [Int]? = nil, gained: [Int]? = nil
        var lostCount = 0, gainedCount = 0
        if list {
            var l: [Int] = [], g: [Int] = []
            for v in first where mark[Int(v)] == 2 { l.append(Int(v)) }
            for v in second where mark[Int(v)] == 1 { g.append(Int(v)) }
            l.sort()
            g.sort()
            (lost, gained, lostCount, gainedCount) = (l, g, l.count, g.count)
        } else {
            for v in first where mark[Int(v)] == 2 { lostCount += 1 }
            for v in second where mark[Int(v)] == 1 { gainedCount += 1 }
        }
        // The consumer is never in its own reach: take it out of the shared sets.
        return members.map { c in
            let inLost = c < mark.count && mark[c] == 2, inGained = c < mark.count && mark[c] == 1
            return ReachabilityDifference(consumer: c, lostCount: lostCount - (inLost ? 1 : 0), gainedCount: gainedCount - (inGained ? 1 : 0),
                                          lost: inLost ? lost?.filter { $0 != c } : lost, gained: inGained ? gained?.filter { $0 != c } : gained)
        }
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
