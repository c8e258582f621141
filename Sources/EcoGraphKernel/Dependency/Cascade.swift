// Cascading failure over dependency records with AND-of-OR groups and an optional weight threshold.

/// One dependency record of a `CascadeModel`: `dependent` needs `dependency`, as one alternative of the
/// dependent's group `group`.
///
/// Group ids are local to the dependent: group 3 of node 7 and group 3 of node 8 are unrelated. The
/// records of a dependent that share a group id are alternatives (any one of them will do); distinct
/// groups are all needed. For a plain edge list where every dependency is needed, give every record of a
/// dependent its own group (for instance the record's position).
public struct CascadeDependency: Sendable, Equatable {
    public var dependent: Int
    public var dependency: Int
    public var group: Int32
    /// The weight of the record towards the dependent's threshold (>= 0).
    public var weight: Double

    public init(dependent: Int, dependency: Int, group: Int32, weight: Double = 1) {
        self.dependent = dependent
        self.dependency = dependency
        self.group = group
        self.weight = weight
    }
}

/// Why a cascade could not be set up or run.
public enum CascadeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A node index is not in `0 ..< nodeCount`.
    case nodeOutOfRange(node: Int, nodeCount: Int)
    /// A record's weight is negative, infinite or NaN.
    case invalidWeight(record: Int, weight: Double)
    /// The threshold is not in `(0, 1]`.
    case invalidThreshold(Double)

    public var description: String {
        switch self {
        case let .nodeOutOfRange(node, count):
            "node index \(node) is out of range 0..<\(count)"
        case let .invalidWeight(record, weight):
            "dependency record \(record) has weight \(weight); weights must be finite and >= 0"
        case let .invalidThreshold(tau):
            "the failure threshold \(tau) is not in (0, 1]: it is the fraction of a node's dependency weight "
                + "whose failure makes the node fail"
        }
    }
}

/// The outcome of one cascade.
public struct CascadeResult: Sendable, Equatable {
    /// The failures round by round: round 0 holds the removed nodes, round `k` the nodes that failed
    /// because of the failures of rounds `0 ..< k` (and would not have failed without round `k - 1`);
    /// each round in increasing order. The last round is not empty (except round 0 with nothing removed).
    public let rounds: [[Int]]
    /// Whether each node failed (was removed or failed in some round).
    public let failed: [Bool]

    /// Every failed node, in increasing order.
    public var failedNodes: [Int] { failed.indices.filter { failed[$0] } }
    /// The number of failed nodes, the removed ones included.
    public var failedCount: Int { rounds.reduce(0) { $0 + $1.count } }
}

/// A dependency structure for cascading-failure simulations, built once and run many times.
///
/// **Failure rule.** A node fails when it is removed, or when
/// - (groups) for some group of its dependencies, every member of the group has failed: AND across a
///   node's groups, OR within a group; or
/// - (threshold `τ`, optional) the failed part of its total dependency weight reaches `τ`:
///   `Σ weight(failed records) >= τ · Σ weight(all records)` (never when its total weight is 0).
///
/// A node without dependency records fails only when removed. The failed set is the least fixed point
/// of the rule containing the removed nodes (what repeating "mark every node whose rule holds" until
/// nothing changes reaches). A record whose dependency is the dependent itself never makes its group
/// fail on its own: the dependent would have to fail first. Repeated records count once per occurrence
/// (harmless for groups; their weights add up).
///
/// Unlike reachability, where any lost path counts, a group of alternatives survives the loss of all but
/// one member: a node with one group `{a, b}` keeps working when `a` fails, and fails when both do.
///
/// **Storage.** Groups are numbered globally (by dependent, then group id); for every node `d`, the
/// records naming `d` as dependency are listed in a CSR row (`(global group, dependent, weight)`), so a
/// failure of `d` decrements exactly the counters of the groups it belongs to.
///
/// - Complexity: building is `O(n + m log m)` for `m` records; a cascade is `O(n + m)` (each record is
///   looked at once, when its dependency fails), and `O(touched)` with a reused workspace.
public struct CascadeModel: Sendable {
    public let nodeCount: Int
    /// Number of distinct `(dependent, group)` pairs.
    public let groupCount: Int
    /// The number of records in each global group (its members while none has failed).
    let groupSize: [Int32]
    /// The dependent owning each global group.
    let groupOwner: [Int32]
    /// Records by dependency: row `d` is `byDependencyOffsets[d] ..< byDependencyOffsets[d + 1]`.
    let byDependencyOffsets: [Int]
    let recordGroup: [Int32]
    let recordDependent: [Int32]
    let recordWeight: [Double]
    /// The total dependency weight of each node.
    let totalWeight: [Double]

    /// Builds the model from dependency records.
    ///
    /// - Throws: `CascadeError.nodeOutOfRange`, `CascadeError.invalidWeight` (negative or not finite).
    /// - Complexity: `O(n + m log m)` time, `O(n + m)` space.
    public init(nodeCount: Int, dependencies: [CascadeDependency]) throws(CascadeError) {
        precondition(nodeCount >= 0 && nodeCount < Int(Int32.max) && dependencies.count < Int(Int32.max))
        let n = nodeCount, m = dependencies.count
        // Global groups: sort the records by (dependent, group id), number the distinct pairs.
        var keys = [(UInt64, Int32)]()
        keys.reserveCapacity(m)
        var totalWeight = [Double](repeating: 0, count: n)
        for (i, r) in dependencies.enumerated() {
            guard r.dependent >= 0, r.dependent < n else { throw .nodeOutOfRange(node: r.dependent, nodeCount: n) }
            guard r.dependency >= 0, r.dependency < n else { throw .nodeOutOfRange(node: r.dependency, nodeCount: n) }
            guard r.weight.isFinite, r.weight >= 0 else { throw .invalidWeight(record: i, weight: r.weight) }
            keys.append((UInt64(r.dependent) << 32 | UInt64(UInt32(bitPattern: r.group)), Int32(i)))
            totalWeight[r.dependent] += r.weight
        }
        keys.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        var globalGroup = [Int32](repeating: 0, count: m)
        var groupSize: [Int32] = [], groupOwner: [Int32] = []
        var previous: UInt64? = nil
        for (key, record) in keys {
            if key != previous {
                groupSize.append(0)
                groupOwner.append(Int32(truncatingIfNeeded: key >> 32))
                previous = key
            }
            groupSize[groupSize.count - 1] += 1
            globalGroup[Int(record)] = Int32(groupSize.count - 1)
        }
        // Records by dependency, in record order within a row.
        var offsets = [Int](repeating: 0, count: n + 1)
        for r in dependencies { offsets[r.dependency + 1] += 1 }
        for d in 0 ..< n { offsets[d + 1] += offsets[d] }
        var next = offsets
        var recordGroup = [Int32](repeating: 0, count: m)
        var recordDependent = [Int32](repeating: 0, count: m)
        var recordWeight = [Double](repeating: 0, count: m)
        for (i, r) in dependencies.enumerated() {
            let slot = next[r.dependency]; next[r.dependency] += 1
            recordGroup[slot] = globalGroup[i]
            recordDependent[slot] = Int32(r.dependent)
            recordWeight[slot] = r.weight
        }
        self.nodeCount = n
        self.groupCount = groupSize.count
        self.groupSize = groupSize
        self.groupOwner = groupOwner
        self.byDependencyOffsets = offsets
        self.recordGroup = recordGroup
        self.recordDependent = recordDependent
        self.recordWeight = recordWeight
        self.totalWeight = totalWeight
    }

    /// The model of a dependency graph where every edge `u -> v` ("u depends on v") is needed: each edge
    /// is its own group, weighing its weight (1 when the graph is unweighted). Without a threshold, a node
    /// then fails as soon as one of its dependencies fails, so the failed set is everything that reaches
    /// a removed node. An undirected graph is read as both directions.
    ///
    /// - Throws: `CascadeError.invalidWeight` for a negative weight.
    /// - Complexity: `O(n + m log m)`.
    public init(graph: CSRGraph) throws(CascadeError) {
        var records: [CascadeDependency] = []
        records.reserveCapacity(graph.isDirected ? graph.edgeCount : 2 * graph.edgeCount)
        for e in 0 ..< graph.edgeCount {
            let u = Int(graph.edgeSources[e]), v = Int(graph.edgeTargets[e])
            let w = graph.weight(ofEdge: e)
            records.append(CascadeDependency(dependent: u, dependency: v, group: Int32(truncatingIfNeeded: e), weight: w))
            if !graph.isDirected && u != v {
                records.append(CascadeDependency(dependent: v, dependency: u, group: Int32(truncatingIfNeeded: e), weight: w))
            }
        }
        try self.init(nodeCount: graph.nodeCount, dependencies: records)
    }

    /// Runs a cascade from the removal of `removing` to its fixed point, round by round.
    ///
    /// - Parameters:
    ///   - removing: the initially removed nodes (repeats are ignored).
    ///   - threshold: `τ ∈ (0, 1]`, or `nil` for the group rule alone.
    /// - Throws: `CascadeError.nodeOutOfRange`, `CascadeError.invalidThreshold`.
    /// - Complexity: `O(n + m)` time and extra space.
    public func run(removing: [Int], threshold: Double? = nil) throws(CascadeError) -> CascadeResult {
        try check(threshold)
        for x in removing where x < 0 || x >= nodeCount { throw .nodeOutOfRange(node: x, nodeCount: nodeCount) }
        var workspace = CascadeWorkspace(self)
        workspace.cascade(self, removing: removing, threshold: threshold)
        var rounds: [[Int]] = []
        var start = 0
        for end in workspace.roundEnds {
            rounds.append(workspace.queue[start ..< end].map { Int($0) }.sorted())
            start = end
        }
        return CascadeResult(rounds: rounds, failed: workspace.failed)
    }

    /// For each node `X`, the number of consumers `C ≠ X` that fail when `X` alone is removed.
    ///
    /// One cascade per node, spread over all cores (`SourcePartitions`), each partition with its own
    /// workspace that resets only the entries a cascade touched; deterministic, and the same with
    /// `parallel` off.
    ///
    /// - Parameters:
    ///   - consumers: the nodes whose failure counts (`nil`: every node).
    ///   - threshold: as in `run(removing:threshold:)`.
    /// - Returns: `n` counts, by removed node.
    /// - Throws: `CascadeError.nodeOutOfRange` for a consumer, `CascadeError.invalidThreshold`.
    /// - Complexity: `O(Σ_X cascade(X))` time, at most `O(n (n + m))`; `O(P (n + m))` extra space for `P`
    ///   partitions.
    public func cascadeImpact(
        consumers: [Int]? = nil, threshold: Double? = nil, parallel: Bool = true
    ) throws(CascadeError) -> [Int] {
        try check(threshold)
        let n = nodeCount
        var isConsumer = [Bool](repeating: consumers == nil, count: n)
        for c in consumers ?? [] {
            guard c >= 0, c < n else { throw .nodeOutOfRange(node: c, nodeCount: n) }
            isConsumer[c] = true
        }
        let partials = SourcePartitions.map(sources: Array(0 ..< n), parallel: parallel) { partition in
            var workspace = CascadeWorkspace(self)
            var counts: [Int] = []
            counts.reserveCapacity(partition.count)
            for x in partition {
                workspace.cascade(self, removing: [x], threshold: threshold)
                var count = 0
                for v in workspace.queue where isConsumer[Int(v)] && Int(v) != x { count += 1 }
                counts.append(count)
            }
            return counts
        }
        var result = [Int](repeating: 0, count: n)
        let stride = partials.count
        for (p, counts) in partials.enumerated() {
            for (j, c) in counts.enumerated() { result[p + j * stride] = c }
        }
        return result
    }

    private func check(_ threshold: Double?) throws(CascadeError) {
        if let threshold, !(threshold > 0 && threshold <= 1) { throw .invalidThreshold(threshold) }
    }
}

/// The mutable state of cascades on one model, reused across runs: each run first undoes what the
/// previous one touched.
struct CascadeWorkspace {
    /// Members still alive in each global group.
    var alive: [Int32]
    var failed: [Bool]
    var failedWeight: [Double]
    /// Failed nodes in the order they failed; round `k` is `queue[roundEnds[k-1] ..< roundEnds[k]]`.
    var queue: [Int32] = []
    var roundEnds: [Int] = []
    var touchedGroups: [Int32] = []
    var touchedWeights: [Int32] = []

    init(_ model: CascadeModel) {
        alive = model.groupSize
        failed = [Bool](repeating: false, count: model.nodeCount)
        failedWeight = [Double](repeating: 0, count: model.nodeCount)
    }

    /// Runs one cascade (inputs already checked), after resetting the entries the last run touched.
    mutating func cascade(_ model: CascadeModel, removing: [Int], threshold: Double?) {
        for g in touchedGroups { alive[Int(g)] = model.groupSize[Int(g)] }
        for v in queue { failed[Int(v)] = false }
        for v in touchedWeights { failedWeight[Int(v)] = 0 }
        touchedGroups.removeAll(keepingCapacity: true)
        touchedWeights.removeAll(keepingCapacity: true)
        queue.removeAll(keepingCapacity: true)
        roundEnds.removeAll(keepingCapacity: true)

        for x in removing where !failed[x] {
            failed[x] = true
            queue.append(Int32(x))
        }
        roundEnds.append(queue.count)
        var head = 0
        while head < queue.count {
            let roundEnd = queue.count
            while head < roundEnd {
                let d = Int(queue[head]); head += 1
                for r in model.byDependencyOffsets[d] ..< model.byDependencyOffsets[d + 1] {
                    let dependent = Int(model.recordDependent[r])
                    if failed[dependent] { continue }
                    let g = Int(model.recordGroup[r])
                    if alive[g] == model.groupSize[g] { touchedGroups.append(Int32(g)) }
                    alive[g] -= 1
                    var fails = alive[g] == 0
                    if let threshold {
                        let w = model.recordWeight[r]
                        if w != 0 {
                            if failedWeight[dependent] == 0 { touchedWeights.append(Int32(dependent)) }
                            failedWeight[dependent] += w
                        }
                        let total = model.totalWeight[dependent]
                        if total > 0 && failedWeight[dependent] >= threshold * total { fails = true }
                    }
                    if fails {
                        failed[dependent] = true
                        queue.append(Int32(dependent))
                    }
                }
            }
            if queue.count > roundEnd { roundEnds.append(queue.count) }
        }
    }
}
