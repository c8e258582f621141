// Per-consumer reachability before and after removing nodes and edges (what-if scenarios).

/// What one consumer can reach before and after a removal.
///
/// `reach(C)` is the set of nodes reachable from `C` along out-arcs (in the dependency view: everything
/// `C` depends on, directly or not), **excluding `C` itself** even when `C` lies on a cycle.
public struct ReachabilityLoss: Sendable, Equatable {
    /// The consumer node.
    public let consumer: Int
    /// `|reach(C)|` in the whole graph.
    public let before: Int
    /// `|reach(C)|` in the graph without the removed nodes and edges; 0 for a removed consumer.
    public let after: Int
    /// Whether the consumer is itself one of the removed nodes. A removed consumer is reported (so the
    /// results line up with the consumers given) but loses nothing: it is out of the scenario, not a
    /// consumer cut off from its dependencies; its `lostCount` is 0 and `lost` is `nil`.
    public let isRemoved: Bool
    /// The nodes `C` reached before but not after, in increasing order (removed nodes that `C` reached
    /// included), when asked for and `C` is not removed; otherwise `nil`.
    public let lost: [Int]?

    public init(consumer: Int, before: Int, after: Int, isRemoved: Bool, lost: [Int]?) {
        self.consumer = consumer
        self.before = before
        self.after = after
        self.isRemoved = isRemoved
        self.lost = lost
    }

    /// `before - after` for a consumer that is not removed, 0 for a removed one.
    public var lostCount: Int { isRemoved ? 0 : before - after }
}

/// Why a reachability scenario could not be evaluated.
public enum ReachabilityError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A node index is not in `0 ..< nodeCount`.
    case nodeOutOfRange(node: Int, nodeCount: Int)
    /// An edge id is not in `0 ..< edgeCount`.
    case edgeOutOfRange(edge: Int, edgeCount: Int)

    public var description: String {
        switch self {
        case let .nodeOutOfRange(node, count): "node index \(node) is out of range 0..<\(count)"
        case let .edgeOutOfRange(edge, count): "edge id \(edge) is out of range 0..<\(count)"
        }
    }
}

extension CSRGraph {
    /// For each consumer `C`, how many nodes it reaches before and after removing `removedNodes` and
    /// `removedEdges` (and, with `listLost`, which ones it no longer reaches).
    ///
    /// Removing a node removes every edge at it; removing an edge of an undirected graph removes both of its
    /// directions. With all nodes as consumers and one removed node `X`,
    /// `Σ lostCount = Σ_{C ≠ X} (|reach(C)| - |reach_{G-X}(C)|)`, the number of (consumer, node) pairs that
    /// the removal of `X` disconnects, as counted by the dominator-based impact of `X`.
    ///
    /// Consumers are processed in parallel over all cores (`SourcePartitions`), two breadth-first searches
    /// each, with per-partition workspaces that reset only the entries a search touched; the results are
    /// in the order of `consumers` (repeats are answered repeatedly) and identical with `parallel` off.
    ///
    /// - Throws: `ReachabilityError.nodeOutOfRange` for a consumer or removed node outside `0 ..< n`,
    ///   `ReachabilityError.edgeOutOfRange` for an edge id outside `0 ..< m`.
    /// - Complexity: `O(k (n + m))` time for `k` consumers, `O(P n + m)` extra space for `P` partitions.
    public func reachabilityLoss(
        consumers: [Int], removedNodes: [Int] = [], removedEdges: [Int] = [],
        listLost: Bool = false, parallel: Bool = true
    ) throws(ReachabilityError) -> [ReachabilityLoss] {
        let n = nodeCount
        var nodeRemoved = [Bool](repeating: false, count: n)
        for c in consumers where c < 0 || c >= n { throw .nodeOutOfRange(node: c, nodeCount: n) }
        for v in removedNodes {
            guard v >= 0, v < n else { throw .nodeOutOfRange(node: v, nodeCount: n) }
            nodeRemoved[v] = true
        }
        var edgeRemoved = [Bool](repeating: false, count: edgeCount)
        for e in removedEdges {
            guard e >= 0, e < edgeCount else { throw .edgeOutOfRange(edge: e, edgeCount: edgeCount) }
            edgeRemoved[e] = true
        }
        let partials = SourcePartitions.map(sources: Array(consumers.indices), parallel: parallel) { partition in
            var workspace = ReachWorkspace(nodeCount: n)
            var results: [ReachabilityLoss] = []
            results.reserveCapacity(partition.count)
            for position in partition {
                let c = consumers[position]
                results.append(workspace.loss(
                    self, consumer: c, nodeRemoved: nodeRemoved, edgeRemoved: edgeRemoved, listLost: listLost))
            }
            return results
        }
        var result: [ReachabilityLoss] = []
        result.reserveCapacity(consumers.count)
        let stride = partials.count
        for position in consumers.indices {
            result.append(partials[position % stride][position / stride])
        }
        return result
    }
}

/// Breadth-first search state reused across consumers: a mark per node (bit 0: reached after the removal,
/// bit 1: reached before), reset through the queues that set them.
private struct ReachWorkspace {
    var mark: [UInt8]
    var before: [Int32] = []
    var after: [Int32] = []

    init(nodeCount: Int) { mark = [UInt8](repeating: 0, count: nodeCount) }

    mutating func loss(
        _ graph: CSRGraph, consumer c: Int, nodeRemoved: [Bool], edgeRemoved: [Bool], listLost: Bool
    ) -> ReachabilityLoss {
        for v in before { mark[Int(v)] = 0 }
        for v in after { mark[Int(v)] = 0 }
        before.removeAll(keepingCapacity: true)
        after.removeAll(keepingCapacity: true)
        // Before: the whole graph. The consumer heads both queues and is not counted: reach(C) excludes C.
        Self.search(graph, from: c, bit: 2, mark: &mark, into: &before, nodeRemoved: nil, edgeRemoved: nil)
        let beforeCount = before.count - 1
        if nodeRemoved[c] {
            return ReachabilityLoss(consumer: c, before: beforeCount, after: 0, isRemoved: true, lost: nil)
        }
        Self.search(graph, from: c, bit: 1, mark: &mark, into: &after, nodeRemoved: nodeRemoved, edgeRemoved: edgeRemoved)
        let afterCount = after.count - 1
        var lost: [Int]? = nil
        if listLost {
            var list: [Int] = []
            list.reserveCapacity(beforeCount - afterCount)
            for v in before where mark[Int(v)] & 1 == 0 { list.append(Int(v)) }
            list.sort()
            lost = list
        }
        return ReachabilityLoss(consumer: c, before: beforeCount, after: afterCount, isRemoved: false, lost: lost)
    }

    /// Marks with `bit` and appends to `queue` every node reachable from `source`, `source` first.
    private static func search(
        _ graph: CSRGraph, from source: Int, bit: UInt8, mark: inout [UInt8], into queue: inout [Int32],
        nodeRemoved: [Bool]?, edgeRemoved: [Bool]?
    ) {
        mark[source] |= bit
        queue.append(Int32(source))
        var head = 0
        while head < queue.count {
            let u = Int(queue[head]); head += 1
            for arc in graph.outArcs(u) {
                let v = Int(graph.outTargets[arc])
                if mark[v] & bit != 0 { continue }
                if let edgeRemoved, edgeRemoved[Int(graph.outEdges[arc])] { continue }
                if let nodeRemoved, nodeRemoved[v] { continue }
                mark[v] |= bit
                queue.append(Int32(v))
            }
        }
    }
}
