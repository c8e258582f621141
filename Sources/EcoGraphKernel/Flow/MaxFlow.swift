// Maximum flow on flat arrays: Dinic's algorithm (BFS levels, iterative blocking-flow search).

/// A capacity type for `FlowNetwork`: an ordered additive quantity with a zero and an "infinite" value.
///
/// `Int` (infinite capacity `Int.max`) and `Double` (`.infinity`) conform. The infinite value is absorbing:
/// `FlowNetwork` never subtracts from or adds to an infinite residual capacity, so an arc of infinite
/// capacity stays infinite whatever flows through it.
public protocol FlowCapacity: Comparable, Sendable {
    static var zero: Self { get }
    /// The capacity that no flow can saturate.
    static var infiniteCapacity: Self { get }
    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    /// Whether the value can be a capacity (finite and >= 0, or the infinite value).
    var isValidCapacity: Bool { get }
}

extension Int: FlowCapacity {
    @inlinable public static var infiniteCapacity: Int { .max }
    @inlinable public var isValidCapacity: Bool { self >= 0 }
}

extension Double: FlowCapacity {
    @inlinable public static var infiniteCapacity: Double { .infinity }
    @inlinable public var isValidCapacity: Bool { self >= 0 && !isNaN }
}

/// Why a maximum flow, or a minimum cut built on one, could not be computed.
public enum FlowError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A node index is not in `0 ..< nodeCount`.
    case nodeOutOfRange(node: Int, nodeCount: Int)
    /// A capacity is negative or NaN (arc `index` of the input, or node `index` for node capacities).
    case invalidCapacity(what: String, index: Int, value: Double)
    /// The source is the sink.
    case sourceIsSink(node: Int)
    /// A path of infinite capacity joins the source to the sink (NetworkX's `NetworkXUnbounded`).
    case unbounded

    public var description: String {
        switch self {
        case let .nodeOutOfRange(node, count):
            "node index \(node) is out of range 0..<\(count)"
        case let .invalidCapacity(what, index, value):
            "\(what) \(index) has capacity \(value); capacities must be >= 0 (or infinite)"
        case let .sourceIsSink(node):
            "the source and the sink are the same node (\(node)); a flow needs two distinct nodes"
        case .unbounded:
            "a path of infinite capacity joins the source to the sink, so the maximum flow is unbounded"
        }
    }
}

/// A flow network in CSR form, with its residual arcs, built once and solved any number of times.
///
/// Every input arc `tail -> head` of capacity `c` becomes two residual arcs: the forward arc (capacity `c`)
/// and its mate, the reverse arc (capacity 0); both are stored in the CSR row of their tail, and `mate[a]`
/// gives the other arc of the pair. Parallel arcs and self-loops are allowed (self-loops never carry flow).
///
/// Storage, with `n` nodes and `m` input arcs: `offsets` (`n + 1`), `heads`, `mates`, `capacities`
/// (`2m` each), `forwardArc` (`m`: the residual arc of each input arc).
///
/// - Complexity: building is `O(n + m)` time and space.
public struct FlowNetwork<Capacity: FlowCapacity>: Sendable {
    public let nodeCount: Int
    /// Residual arcs of node `u`: `offsets[u] ..< offsets[u + 1]`.
    public let offsets: [Int]
    public let heads: [Int32]
    public let mates: [Int32]
    /// The capacity of each residual arc (0 for reverse arcs).
    public let capacities: [Capacity]
    /// The residual arc that carries input arc `i` forward.
    public let forwardArc: [Int32]

    /// Builds the network from parallel arrays of arcs.
    ///
    /// - Throws: `FlowError.nodeOutOfRange` for an endpoint outside `0 ..< nodeCount`,
    ///   `FlowError.invalidCapacity` for a negative or NaN capacity.
    /// - Complexity: `O(n + m)`.
    public init(
        nodeCount: Int, tails: [Int], heads: [Int], capacities: [Capacity]
    ) throws(FlowError) {
        precondition(tails.count == heads.count && heads.count == capacities.count, "arc arrays differ in length")
        precondition(nodeCount >= 0 && nodeCount < Int(Int32.max) && 2 * tails.count < Int(Int32.max))
        let n = nodeCount, m = tails.count
        var offsets = [Int](repeating: 0, count: n + 1)
        for i in 0 ..< m {
            let u = tails[i], v = heads[i]
            guard u >= 0, u < n else { throw .nodeOutOfRange(node: u, nodeCount: n) }
            guard v >= 0, v < n else { throw .nodeOutOfRange(node: v, nodeCount: n) }
            guard capacities[i].isValidCapacity else {
                throw .invalidCapacity(what: "arc", index: i, value: Self.double(capacities[i]))
            }
            offsets[u + 1] += 1
            offsets[v + 1] += 1
        }
        for u in 0 ..< n { offsets[u + 1] += offsets[u] }
        var next = offsets
        var arcHeads = [Int32](repeating: 0, count: 2 * m)
        var mates = [Int32](repeating: 0, count: 2 * m)
        var arcCapacities = [Capacity](repeating: .zero, count: 2 * m)
        var forward = [Int32](repeating: 0, count: m)
        for i in 0 ..< m {
            let u = tails[i], v = heads[i]
            let a = next[u]; next[u] += 1
            let b = next[v]; next[v] += 1
            arcHeads[a] = Int32(v); arcHeads[b] = Int32(u)
            mates[a] = Int32(b); mates[b] = Int32(a)
            arcCapacities[a] = capacities[i]
            forward[i] = Int32(a)
        }
        self.nodeCount = n
        self.offsets = offsets
        self.heads = arcHeads
        self.mates = mates
        self.capacities = arcCapacities
        self.forwardArc = forward
    }

    private static func double(_ c: Capacity) -> Double {
        if let d = c as? Double { return d }
        if let i = c as? Int { return Double(i) }
        return .nan
    }

    /// A maximum flow from `source` to `sink` (Dinic 1970).
    ///
    /// Each phase labels nodes with their BFS level from the source in the residual network, then finds a
    /// blocking flow in the level graph with an iterative depth-first search (an explicit path stack and a
    /// current-arc pointer per node; no recursion). The minimum cut read off the result is the one closest
    /// to the source: `sourceSide` holds exactly the nodes reachable from the source in the final residual
    /// network, which is the smallest source side over all minimum cuts, so the cut is deterministic.
    ///
    /// Integer capacities give an exact integral flow (their sum must fit in `Int`); `Double` capacities
    /// are exact as long as every partial sum is an integer below 2^53 or otherwise exactly representable.
    ///
    /// - Throws: `FlowError.nodeOutOfRange`, `FlowError.sourceIsSink`, `FlowError.unbounded` when a path of
    ///   infinite-capacity arcs joins source and sink.
    /// - Complexity: `O(n² m)` time in general, `O(m √n)` on unit-capacity networks where every node but
    ///   the terminals has one entering or one leaving arc (node-splitting networks), `O(m min(√m, n^(2/3)))`
    ///   on unit-capacity networks; `O(n + m)` extra space.
    public func maximumFlow(from source: Int, to sink: Int) throws(FlowError) -> MaximumFlow<Capacity> {
        let n = nodeCount
        guard source >= 0, source < n else { throw .nodeOutOfRange(node: source, nodeCount: n) }
        guard sink >= 0, sink < n else { throw .nodeOutOfRange(node: sink, nodeCount: n) }
        guard source != sink else { throw .sourceIsSink(node: source) }
        var residual = capacities
        var level = [Int32](repeating: -1, count: n)
        var queue = [Int32](repeating: 0, count: n)
        var current = [Int](repeating: 0, count: n)
        var path: [Int] = []
        var total = Capacity.zero
        while true {
            // 1. BFS levels from the source over arcs with residual capacity; stop once the sink is labelled
            //    (nodes at the sink's level or beyond cannot lie on a shortest augmenting path).
            for i in 0 ..< n { level[i] = -1 }
            level[source] = 0
            queue[0] = Int32(source)
            var head = 0, tail = 1
            bfs: while head < tail {
                let u = Int(queue[head]); head += 1
                let next = level[u] + 1
                for a in offsets[u] ..< offsets[u + 1] where residual[a] > .zero {
                    let v = Int(heads[a])
                    if level[v] < 0 {
                        level[v] = next
                        if v == sink { break bfs }
                        queue[tail] = Int32(v); tail += 1
                    }
                }
            }
            guard level[sink] >= 0 else { break }
            // 2. Blocking flow: advance along admissible arcs (level + 1, residual > 0), augment at the sink,
            //    retreat from dead ends (and forget them for this phase).
            for u in 0 ..< n { current[u] = offsets[u] }
            path.removeAll(keepingCapacity: true)
            var u = source
            let sinkLevel = level[sink]
            while true {
                if u == sink {
                    var bottleneck = Capacity.infiniteCapacity
                    for a in path where residual[a] < bottleneck { bottleneck = residual[a] }
                    if bottleneck == .infiniteCapacity { throw .unbounded }
                    var firstSaturated = -1
                    for (k, a) in path.enumerated() {
                        if residual[a] != .infiniteCapacity {
                            residual[a] = residual[a] - bottleneck
                            if residual[a] == .zero && firstSaturated < 0 { firstSaturated = k }
                        }
                        let b = Int(mates[a])
                        if residual[b] != .infiniteCapacity { residual[b] = residual[b] + bottleneck }
                    }
                    total = total + bottleneck
                    // Resume from the tail of the first saturated arc.
                    path.removeSubrange(firstSaturated...)
                    u = path.last.map { Int(heads[$0]) } ?? source
                    continue
                }
                var advanced = false
                let end = offsets[u + 1]
                let wanted = level[u] + 1
                if wanted <= sinkLevel {
                    while current[u] < end {
                        let a = current[u]
                        let v = Int(heads[a])
                        if residual[a] > .zero && level[v] == wanted && (wanted < sinkLevel || v == sink) {
                            path.append(a)
                            u = v
                            advanced = true
                            break
                        }
                        current[u] += 1
                    }
                }
                if advanced { continue }
                // Dead end: no blocking-flow path leaves u in this phase.
                if u == source { break }
                level[u] = -1
                path.removeLast()
                u = path.last.map { Int(heads[$0]) } ?? source
                current[u] += 1
            }
        }
        // 3. The source side of the minimum cut: nodes reachable from the source in the residual network.
        var sourceSide = [Bool](repeating: false, count: n)
        sourceSide[source] = true
        queue[0] = Int32(source)
        var head = 0, tail = 1
        while head < tail {
            let u = Int(queue[head]); head += 1
            for a in offsets[u] ..< offsets[u + 1] where residual[a] > .zero {
                let v = Int(heads[a])
                if !sourceSide[v] { sourceSide[v] = true; queue[tail] = Int32(v); tail += 1 }
            }
        }
        return MaximumFlow(value: total, residual: residual, sourceSide: sourceSide)
    }
}

/// The result of `FlowNetwork.maximumFlow`.
public struct MaximumFlow<Capacity: FlowCapacity>: Sendable {
    /// The value of a maximum flow (the capacity of a minimum cut).
    public let value: Capacity
    /// The residual capacity of every residual arc of the network after the flow.
    public let residual: [Capacity]
    /// The source side of the minimum cut closest to the source: the nodes reachable from the source in
    /// the residual network (the sink is never among them).
    public let sourceSide: [Bool]

    /// The flow on input arc `i` of `network`: the residual capacity its reverse arc gained.
    public func flow(onArc i: Int, of network: FlowNetwork<Capacity>) -> Capacity {
        residual[Int(network.mates[Int(network.forwardArc[i])])]
    }
}
