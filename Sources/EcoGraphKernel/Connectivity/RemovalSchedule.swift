// When each node (and edge) of a graph goes in a robustness curve: the schedule that the decay algorithms
// (`ComponentDecay.swift`, `ReachabilityDecay.swift`) read, the checkpoints spaced over an order, and seeded
// random orders.

/// Why a removal schedule could not be built or does not fit a graph.
public enum RemovalScheduleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The number of steps is negative.
    case negativeSteps(Int)
    /// A node index is not in `0 ..< nodeCount`.
    case nodeOutOfRange(node: Int, nodeCount: Int)
    /// An edge id is not in `0 ..< edgeCount`.
    case edgeOutOfRange(edge: Int, edgeCount: Int)
    /// A removal step is not in `1 ... steps`.
    case stepOutOfRange(step: Int, steps: Int)
    /// The schedule was made for a graph of another size.
    case graphMismatch(scheduleNodes: Int, scheduleEdges: Int?, graphNodes: Int, graphEdges: Int)

    /// One line naming the offending value.
    public var description: String {
        switch self {
        case let .negativeSteps(steps): "a removal schedule needs 0 or more steps, not \(steps)"
        case let .nodeOutOfRange(node, count): "node index \(node) is out of range 0..<\(count)"
        case let .edgeOutOfRange(edge, count): "edge id \(edge) is out of range 0..<\(count)"
        case let .stepOutOfRange(step, steps): "removal step \(step) is out of range 1...\(steps)"
        case let .graphMismatch(nodes, edges, graphNodes, graphEdges):
            "the removal schedule is for \(nodes) nodes\(edges.map { " and \($0) edges" } ?? ""), the graph has \(graphNodes) nodes and \(graphEdges) edges"
        }
    }
}

/// When each node, and optionally each edge, is removed: the input of the robustness curves
/// (`CSRGraph.largestWeakComponentDecay(_:)`, `CSRGraph.reachabilityDecay(consumers:providers:schedules:parallel:)`).
///
/// A curve has checkpoints `0 ... steps`: checkpoint 0 is the whole graph, checkpoint `k` the graph after the
/// removals of steps `1 ... k`. A node removed at step `s` is present at checkpoints `0 ..< s`; a node that is
/// never removed has step `steps + 1` (present throughout). An edge is present while both its ends are and
/// its own step (`steps + 1` when it is never cut on its own) has not come.
///
/// Example: nodes `[2, 0, 1]` removed in that order over 3 steps give `nodeStep = [2, 3, 1]`; over 1 step,
/// all three go at step 1 (`[1, 1, 1]`).
public struct RemovalSchedule: Sendable, Equatable {
    /// The number of steps `K`; checkpoints are `0 ... K`.
    public let steps: Int
    /// For each node, the step at which it is removed (`1 ... K`), or `K + 1` when it stays.
    public private(set) var nodeStep: [Int32]
    /// For each edge, the step at which it is cut (`1 ... K`), or `K + 1`; `nil` when no edge is cut on its own.
    public private(set) var edgeStep: [Int32]?

    /// A schedule that removes nothing yet, over `steps` steps, for a graph of `nodeCount` nodes; `edgeCount`
    /// when edges will be cut on their own (`cut(edge:atStep:)`).
    /// - Throws: `RemovalScheduleError.negativeSteps`, or `.stepOutOfRange` for more than `2^31 − 3` steps.
    public init(steps: Int, nodeCount: Int, edgeCount: Int? = nil) throws(RemovalScheduleError) {
        guard steps >= 0 else { throw .negativeSteps(steps) }
        // Steps are stored as Int32, `steps + 1` included.
        guard steps < Int(Int32.max) - 1 else { throw .stepOutOfRange(step: steps, steps: Int(Int32.max) - 2) }
        self.steps = steps
        nodeStep = [Int32](repeating: Int32(steps + 1), count: max(0, nodeCount))
        edgeStep = edgeCount.map { [Int32](repeating: Int32(steps + 1), count: max(0, $0)) }
    }

    /// Removes the nodes of `order` in that order, `order.count` removals spread over `steps` evenly spaced
    /// checkpoints: the node at position `j` goes at step `RemovalSchedule.step(ofEntry: j, of: order.count,
    /// steps: steps)`. A node listed twice goes at its first position.
    /// - Throws: `RemovalScheduleError.negativeSteps`, `.nodeOutOfRange`.
    /// - Complexity: `O(n + order.count)`.
    public init(nodeOrder order: [Int], nodeCount: Int, steps: Int) throws(RemovalScheduleError) {
        try self.init(steps: steps, nodeCount: nodeCount)
        for (j, node) in order.enumerated() {
            try remove(node: node, atStep: Self.step(ofEntry: j, of: order.count, steps: steps))
        }
    }

    /// Removes a node at a step (keeping an earlier step it already has).
    /// - Throws: `RemovalScheduleError.nodeOutOfRange`, `.stepOutOfRange`.
    public mutating func remove(node: Int, atStep step: Int) throws(RemovalScheduleError) {
        guard node >= 0, node < nodeStep.count else { throw .nodeOutOfRange(node: node, nodeCount: nodeStep.count) }
        guard step >= 1, step <= steps else { throw .stepOutOfRange(step: step, steps: steps) }
        nodeStep[node] = min(nodeStep[node], Int32(step))
    }

    /// Cuts an edge at a step (keeping an earlier step it already has); the schedule must have been made with
    /// an `edgeCount`.
    /// - Throws: `RemovalScheduleError.edgeOutOfRange` (also when the schedule has no edges), `.stepOutOfRange`.
    public mutating func cut(edge: Int, atStep step: Int) throws(RemovalScheduleError) {
        let count = edgeStep?.count ?? 0
        guard edge >= 0, edge < count else { throw .edgeOutOfRange(edge: edge, edgeCount: count) }
        guard step >= 1, step <= steps else { throw .stepOutOfRange(step: step, steps: steps) }
        edgeStep![edge] = min(edgeStep![edge], Int32(step))
    }

    /// How many entries of an order of `length` are removed by checkpoint `k` (`0 ... steps`):
    /// `⌊k · length / steps⌋`, so checkpoints are evenly spaced over the order and the last one removes it all.
    /// With `steps == length` every checkpoint removes one entry. `steps == 0` has the one checkpoint 0.
    public static func removedCount(atCheckpoint k: Int, of length: Int, steps: Int) -> Int {
        steps == 0 ? 0 : Int((Int64(k) * Int64(length)) / Int64(steps))
    }

    /// The step at which the entry at position `j` (0-based) of an order of `length` is removed: the first
    /// checkpoint `k` with `removedCount(atCheckpoint: k) > j`, that is `⌈(j + 1) · steps / length⌉`.
    public static func step(ofEntry j: Int, of length: Int, steps: Int) -> Int {
        Int((Int64(j + 1) * Int64(steps) + Int64(length) - 1) / Int64(length))
    }

    /// A uniformly random order of `0 ..< nodeCount` for run `run` of a seeded series of runs.
    ///
    /// Run `r`'s generator is SplitMix64 (Steele, Lea, Flood 2014) seeded with the `(r + 1)`-th output of
    /// SplitMix64 seeded with `seed`, so each run depends only on `(seed, r)`: runs can be computed in any
    /// order, on any number of cores, with the same result. The order is a Fisher–Yates shuffle (Durstenfeld's
    /// form) of `[0, 1, ..., n - 1]`: for `i` from `n - 1` down to 1, swap position `i` with position
    /// `j = below(i + 1)`, where `below(b)` is Lemire's multiply-and-reject draw of a uniform integer in `0 ..< b`
    /// (the high word of `next() × b`, redrawn while the low word is below `2^64 mod b`).
    /// - Complexity: `O(n)`.
    public static func randomOrder(nodeCount: Int, seed: UInt64, run: Int) -> [Int] {
        var order = Array(0 ..< max(0, nodeCount))
        guard order.count > 1 else { return order }
        var seeding = SplitMix64(seed: seed &+ UInt64(truncatingIfNeeded: run) &* 0x9E37_79B9_7F4A_7C15)
        var generator = SplitMix64(seed: seeding.next())
        for i in stride(from: order.count - 1, through: 1, by: -1) {
            let j = Int(generator.below(UInt64(i + 1)))
            order.swapAt(i, j)
        }
        return order
    }

    /// Checks that the schedule was made for `graph`.
    func check(_ graph: CSRGraph) throws(RemovalScheduleError) {
        if nodeStep.count != graph.nodeCount || (edgeStep != nil && edgeStep!.count != graph.edgeCount) {
            throw .graphMismatch(scheduleNodes: nodeStep.count, scheduleEdges: edgeStep?.count,
                                 graphNodes: graph.nodeCount, graphEdges: graph.edgeCount)
        }
    }
}
