/// What can be wrong with the edges handed to a `CSRGraphBuilder`, or with a graph handed to a measure.
public enum CSRGraphError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An endpoint is not a node index `0 ..< nodeCount`.
    case nodeOutOfRange(node: Int, nodeCount: Int)
    /// A weight is NaN or infinite.
    case nonFiniteWeight(source: Int, target: Int, weight: Double)
    /// A measure that needs non-negative weights met a negative one.
    case negativeWeight(source: Int, target: Int, weight: Double)
    /// A list of sources names a node twice, or a sample asks for a number of sources outside `1 ... n`.
    case invalidSources(reason: String)

    /// One line naming the offending edge.
    public var description: String {
        switch self {
        case let .invalidSources(reason):
            "invalid sources: \(reason)"
        case let .nodeOutOfRange(node, count):
            "node index \(node) is out of range 0..<\(count)"
        case let .nonFiniteWeight(source, target, weight):
            "edge \(source) -> \(target) has a weight that is not a finite number (\(weight))"
        case let .negativeWeight(source, target, weight):
            "edge \(source) -> \(target) has a negative weight (\(weight)); this measure needs weights >= 0"
        }
    }
}

/// Collects an edge list and builds a `CSRGraph` from it.
///
/// Parallel edges collapse into one, keeping the weight given last (NetworkX `add_edge` semantics);
/// edges without a weight weigh 1 (NetworkX's default for a missing `weight` attribute). The graph is
/// weighted when any edge was given a weight.
///
/// - Complexity: `build()` is `O(n + m log d)` time (a counting sort by source, then a sort inside each
///   row of `d` arcs) and `O(n + m)` extra space.
public struct CSRGraphBuilder: Sendable {
    /// The number of nodes of the graph to build.
    public let nodeCount: Int
    /// Whether the graph to build is directed.
    public let isDirected: Bool
    private var sources: [Int32] = []
    private var targets: [Int32] = []
    private var weights: [Double] = []
    private var hasWeights = false

    /// A builder for a graph on nodes `0 ..< nodeCount` (which must fit in `Int32`).
    public init(nodeCount: Int, isDirected: Bool) {
        precondition(nodeCount >= 0 && nodeCount < Int(Int32.max), "node count must fit in Int32")
        self.nodeCount = nodeCount
        self.isDirected = isDirected
    }

    /// Reserves room for this many edges.
    public mutating func reserveCapacity(_ edgeCount: Int) {
        sources.reserveCapacity(edgeCount)
        targets.reserveCapacity(edgeCount)
        weights.reserveCapacity(edgeCount)
    }

    /// Adds the edge `source -> target` (or `source -- target`), with an optional weight.
    public mutating func addEdge(_ source: Int, _ target: Int, weight: Double? = nil) throws(CSRGraphError) {
        guard source >= 0, source < nodeCount else { throw .nodeOutOfRange(node: source, nodeCount: nodeCount) }
        guard target >= 0, target < nodeCount else { throw .nodeOutOfRange(node: target, nodeCount: nodeCount) }
        if let weight {
            guard weight.isFinite else { throw .nonFiniteWeight(source: source, target: target, weight: weight) }
            hasWeights = true
        }
        sources.append(Int32(truncatingIfNeeded: source))
        targets.append(Int32(truncatingIfNeeded: target))
        weights.append(weight ?? 1)
    }

    /// Appends an edge whose endpoints and weight a `CSRGraph` already checked.
    mutating func appendChecked(_ source: Int32, _ target: Int32, weight: Double?) {
        if weight != nil { hasWeights = true }
        sources.append(source)
        targets.append(target)
        weights.append(weight ?? 1)
    }

    /// Builds the immutable graph.
    public func build() -> CSRGraph {
        let n = nodeCount
        // Undirected edges are normalised to (min, max) so that u--v and v--u are the same edge.
        var from = sources, to = targets
        if !isDirected {
            for i in from.indices where from[i] > to[i] { swap(&from[i], &to[i]) }
        }
        // 1. Counting sort of the input by source, stable, then sort each row by (target, input order).
        var rowStart = [Int](repeating: 0, count: n + 1)
        for s in from { rowStart[Int(s) + 1] += 1 }
        for i in 0 ..< n { rowStart[i + 1] += rowStart[i] }
        var keys = [UInt64](repeating: 0, count: from.count)
        var cursor = rowStart
        for i in from.indices {
            let s = Int(from[i])
            keys[cursor[s]] = UInt64(UInt32(bitPattern: to[i])) << 32 | UInt64(UInt32(truncatingIfNeeded: i))
            cursor[s] += 1
        }
        keys.withUnsafeMutableBufferPointer { buffer in
            for u in 0 ..< n where rowStart[u + 1] - rowStart[u] > 1 {
                var row = UnsafeMutableBufferPointer(rebasing: buffer[rowStart[u] ..< rowStart[u + 1]])
                row.sort()
            }
        }
        // 2. Merge parallel edges: within a row, equal targets are adjacent; the last one wins.
        var edgeSources: [Int32] = [], edgeTargets: [Int32] = [], edgeWeights: [Double] = []
        edgeSources.reserveCapacity(keys.count)
        edgeTargets.reserveCapacity(keys.count)
        if hasWeights { edgeWeights.reserveCapacity(keys.count) }
        var selfLoops = 0
        for u in 0 ..< n {
            var k = rowStart[u]
            let end = rowStart[u + 1]
            while k < end {
                let target = UInt32(truncatingIfNeeded: keys[k] >> 32)
                var last = k
                while last + 1 < end, UInt32(truncatingIfNeeded: keys[last + 1] >> 32) == target { last += 1 }
                edgeSources.append(Int32(u))
                edgeTargets.append(Int32(bitPattern: target))
                if hasWeights { edgeWeights.append(weights[Int(UInt32(truncatingIfNeeded: keys[last]))]) }
                if Int(target) == u { selfLoops += 1 }
                k = last + 1
            }
        }
        keys = []
        let m = edgeSources.count
        // 3. Arcs. Filling rows in edge-id order keeps every row sorted by neighbour (see the type's notes).
        if isDirected {
            var outOffsets = [Int](repeating: 0, count: n + 1)
            var inOffsets = [Int](repeating: 0, count: n + 1)
            for e in 0 ..< m {
                outOffsets[Int(edgeSources[e]) + 1] += 1
                inOffsets[Int(edgeTargets[e]) + 1] += 1
            }
            for i in 0 ..< n {
                outOffsets[i + 1] += outOffsets[i]
                inOffsets[i + 1] += inOffsets[i]
            }
            let outEdges = (0 ..< Int32(m)).map { $0 }
            var inSources = [Int32](repeating: 0, count: m)
            var inEdges = [Int32](repeating: 0, count: m)
            var next = inOffsets
            for e in 0 ..< m {
                let v = Int(edgeTargets[e])
                inSources[next[v]] = edgeSources[e]
                inEdges[next[v]] = Int32(e)
                next[v] += 1
            }
            return CSRGraph(
                nodeCount: n, isDirected: true,
                outOffsets: outOffsets, outTargets: edgeTargets, outEdges: outEdges,
                inOffsets: inOffsets, inSources: inSources, inEdges: inEdges,
                weights: hasWeights ? edgeWeights : nil,
                edgeSources: edgeSources, edgeTargets: edgeTargets, selfLoopCount: selfLoops)
        } else {
            var offsets = [Int](repeating: 0, count: n + 1)
            for e in 0 ..< m {
                offsets[Int(edgeSources[e]) + 1] += 1
                if edgeSources[e] != edgeTargets[e] { offsets[Int(edgeTargets[e]) + 1] += 1 }
            }
            for i in 0 ..< n { offsets[i + 1] += offsets[i] }
            let arcCount = offsets[n]
            var neighbours = [Int32](repeating: 0, count: arcCount)
            var arcEdges = [Int32](repeating: 0, count: arcCount)
            var next = offsets
            for e in 0 ..< m {
                let u = Int(edgeSources[e]), v = Int(edgeTargets[e])
                neighbours[next[u]] = Int32(v)
                arcEdges[next[u]] = Int32(e)
                next[u] += 1
                if u != v {
                    neighbours[next[v]] = Int32(u)
                    arcEdges[next[v]] = Int32(e)
                    next[v] += 1
                }
            }
            return CSRGraph(
                nodeCount: n, isDirected: false,
                outOffsets: offsets, outTargets: neighbours, outEdges: arcEdges,
                inOffsets: offsets, inSources: neighbours, inEdges: arcEdges,
                weights: hasWeights ? edgeWeights : nil,
                edgeSources: edgeSources, edgeTargets: edgeTargets, selfLoopCount: selfLoops)
        }
    }
}
