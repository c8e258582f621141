// Single-source shortest paths shared by the path-based centralities (betweenness, closeness, harmonic).
//
// Everything here is internal: flat, preallocated workspaces that one partition of `SourcePartitions`
// reuses for all of its sources, and the traversals that fill them. Its unsafe pointer code and that of
// `MultiSourceBFS.swift` (unweighted distances, 64 sources at a time) are the only such code of the
// shortest-path family; the measures only call the traversals and read results.

// MARK: - Weights

extension CSRGraph {
    /// Whether a measure called with `weighted` runs Dijkstra (`true`) or breadth-first search (`false`).
    ///
    /// With `weighted`, a weight is a distance, so every weight must be `>= 0` (zero is allowed, as in
    /// NetworkX); a graph built without weights is unweighted. Without `weighted`, weights are ignored.
    /// - Throws: `CSRGraphError.negativeWeight` naming the edge with the smallest id that has a negative
    ///   weight.
    /// - Complexity: `O(m)` when weights are used, `O(1)` otherwise.
    func usesDistanceWeights(_ weighted: Bool) throws(CSRGraphError) -> Bool {
        guard weighted, let weights else { return false }
        for edge in weights.indices where weights[edge] < 0 {
            throw .negativeWeight(
                source: Int(edgeSources[edge]), target: Int(edgeTargets[edge]), weight: weights[edge])
        }
        return true
    }

    /// Calls `body` with unsafe views of the arrays a traversal reads.
    ///
    /// - Parameter weighted: whether the view carries the weights, in arc order (`nil` otherwise). A
    ///   forward directed graph's arcs are its edge ids, so its weights are used in place; otherwise (an
    ///   undirected graph, or a reversed view) they are gathered into arc order once, so that relaxing a
    ///   node's arcs reads its weights sequentially instead of one random edge id at a time.
    /// - Complexity: `O(1)` unweighted; `O(a)` time and, unless weights are used in place, `8a` bytes for
    ///   `a` arcs, once per measure (the view is shared by all partitions).
    func withArcView<Result>(weighted: Bool, _ body: (ArcView) -> Result) -> Result {
        var arcWeights: [Double] = []
        if weighted, let weights {
            let arcsAreEdges = outEdges.count == weights.count
                && outEdges.withUnsafeBufferPointer { edges in
                    var identity = true
                    for arc in edges.indices where Int(edges[arc]) != arc { identity = false; break }
                    return identity
                }
            if arcsAreEdges {
                arcWeights = weights
            } else {
                arcWeights = outEdges.map { weights[Int($0)] }
            }
        }
        return outOffsets.withUnsafeBufferPointer { offsets in
            outTargets.withUnsafeBufferPointer { targets in
                outEdges.withUnsafeBufferPointer { edges in
                    inOffsets.withUnsafeBufferPointer { inOffsets in
                        arcWeights.withUnsafeBufferPointer { arcWeights in
                            body(ArcView(offsets: offsets, targets: targets, edges: edges,
                                         weights: weighted && weights != nil ? arcWeights : nil,
                                         predecessorStart: inOffsets))
                        }
                    }
                }
            }
        }
    }
}

/// Read-only unsafe views of a graph's out-adjacency, valid inside `CSRGraph.withArcView`.
struct ArcView {
    let offsets: UnsafeBufferPointer<Int>
    let targets: UnsafeBufferPointer<Int32>
    let edges: UnsafeBufferPointer<Int32>
    /// Weights by arc (`weights[arc]` is the weight of edge `edges[arc]`), or `nil` for an unweighted
    /// traversal.
    let weights: UnsafeBufferPointer<Double>?
    /// Where each node's predecessor slots start in a flat predecessor array: the in-adjacency offsets,
    /// since a node's shortest-path predecessors are distinct in-neighbours (parallel edges are merged).
    let predecessorStart: UnsafeBufferPointer<Int>

    var nodeCount: Int { offsets.count - 1 }
    var arcCount: Int { targets.count }
}

// MARK: - Indexed 4-ary heap

/// A heap entry: tentative distance, push sequence number (ties on distance pop in push order, as
/// NetworkX's `heappush(Q, (dist, next(c), ...))` does), node.
struct HeapEntry {
    var distance: Double
    var sequence: UInt32
    var node: Int32

    @inline(__always)
    static func precedes(_ a: HeapEntry, _ b: HeapEntry) -> Bool {
        a.distance < b.distance || (a.distance == b.distance && a.sequence < b.sequence)
    }
}

/// A 4-ary min-heap of nodes keyed by (distance, sequence), with decrease-key, on flat arrays (four
/// 16-byte children share a cache line; half the depth of a binary heap).
///
/// NetworkX pushes a new `(dist, count, ...)` tuple when a node's distance decreases and skips the stale
/// one later; giving the node a new key `(dist, next sequence)` instead pops nodes in the same order while
/// keeping the heap at most `n` entries.
struct IndexedHeap: ~Copyable {
    private let entries: UnsafeMutablePointer<HeapEntry>
    /// The position of each node in `entries` while it is in the heap.
    private let position: UnsafeMutablePointer<Int32>
    private(set) var count = 0
    private var nextSequence: UInt32 = 0

    init(capacity: Int) {
        entries = .allocate(capacity: max(1, capacity))
        position = .allocate(capacity: max(1, capacity))
    }

    deinit {
        entries.deallocate()
        position.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    /// Empties the heap and restarts the sequence numbers.
    mutating func reset() {
        count = 0
        nextSequence = 0
    }

    /// Adds a node that is not in the heap.
    @inline(__always)
    mutating func push(_ node: Int32, distance: Double) {
        let entry = HeapEntry(distance: distance, sequence: nextSequence, node: node)
        nextSequence &+= 1
        count += 1
        siftUp(entry, from: count - 1)
    }

    /// Gives a node that is in the heap a smaller distance (and a new sequence number).
    @inline(__always)
    mutating func decrease(_ node: Int32, distance: Double) {
        let entry = HeapEntry(distance: distance, sequence: nextSequence, node: node)
        nextSequence &+= 1
        siftUp(entry, from: Int(position[Int(node)]))
    }

    /// Removes and returns the entry with the smallest (distance, sequence).
    @inline(__always)
    mutating func popMin() -> HeapEntry {
        let top = entries[0]
        count -= 1
        if count > 0 { siftDown(entries[count], from: 0) }
        return top
    }

    @inline(__always)
    private func siftUp(_ entry: HeapEntry, from start: Int) {
        var hole = start
        while hole > 0 {
            let parent = (hole - 1) >> 2
            let p = entries[parent]
            guard HeapEntry.precedes(entry, p) else { break }
            entries[hole] = p
            position[Int(p.node)] = Int32(truncatingIfNeeded: hole)
            hole = parent
        }
        entries[hole] = entry
        position[Int(entry.node)] = Int32(truncatingIfNeeded: hole)
    }

    @inline(__always)
    private func siftDown(_ entry: HeapEntry, from start: Int) {
        var hole = start
        let n = count
        while true {
            let first = 4 * hole + 1
            if first >= n { break }
            // The smallest of up to four children (contiguous: 64 bytes).
            var child = first
            var best = entries[first]
            let last = min(first + 4, n)
            var c = first + 1
            while c < last {
                let e = entries[c]
                if HeapEntry.precedes(e, best) { best = e; child = c }
                c += 1
            }
            guard HeapEntry.precedes(best, entry) else { break }
            entries[hole] = best
            position[Int(best.node)] = Int32(truncatingIfNeeded: hole)
            hole = child
        }
        entries[hole] = entry
        position[Int(entry.node)] = Int32(truncatingIfNeeded: hole)
    }
}

// MARK: - Dijkstra shortest-path DAG (weighted betweenness)

/// The shortest-path DAG of Dijkstra's algorithm from one source, as Brandes' algorithm needs it: nodes
/// in the order they were settled (`order`), path counts `sigma` (as `Double`: counts overflow 64-bit
/// integers on a 37x37 grid), and each node's predecessors stored flat in the node's in-arc slots
/// (`predecessorStart[w] ..< predecessorStart[w] + predecessorCount[w]`; a node's predecessors are
/// distinct in-neighbours, so its in-degree bounds their number).
///
/// Predecessors are stored rather than recomputed because NetworkX's tie rule is order-dependent with
/// zero weights (see `dijkstra(from:_:recordEdges:)`); storing them reproduces it step by step.
///
/// One workspace serves all sources of a partition: each traversal first clears only the nodes the
/// previous one reached, so a source costs `O((reached nodes + their arcs) log n)`, not `O(n)`.
///
/// - Complexity: memory `60 n` bytes (node records, dependencies, order, heap) plus 4 bytes per arc (8
///   when predecessor edges are recorded).
struct ShortestPathDAG: ~Copyable {
    /// What Dijkstra reads and writes for a node when relaxing an arc, in one 32-byte record (one cache
    /// line access instead of five arrays).
    struct NodeState {
        /// Tentative, then final, distance (valid when `predecessorCount >= 0`).
        var distance: Double
        var sigma: Double
        /// Number of recorded predecessors; -1 while the node has no tentative distance.
        var predecessorCount: Int32
        /// The node that last lowered the distance (its path count is added when the node is settled, as
        /// NetworkX's `sigma[v] += sigma[pred]`), -1 for the source.
        var pusher: Int32
        /// Where the node's predecessor slots start (its first in-arc position).
        var slotStart: UInt32
        var padding: UInt32 = 0
    }

    /// Nodes in the order they were settled; `order[0]` is the source.
    let order: UnsafeMutablePointer<Int32>
    /// Number of nodes reached by the last traversal (`order[0 ..< reached]`).
    private(set) var reached = 0
    let state: UnsafeMutablePointer<NodeState>
    /// Dependencies, zero on entry to an accumulation.
    let delta: UnsafeMutablePointer<Double>
    let predecessors: UnsafeMutablePointer<Int32>
    /// The edge id of each recorded predecessor arc (edge betweenness only).
    let predecessorEdges: UnsafeMutablePointer<Int32>?
    private var heap: IndexedHeap

    init(_ view: ArcView, recordEdges: Bool) {
        let n = view.nodeCount
        let cells = max(1, n)
        precondition(view.arcCount < Int(UInt32.max), "too many arcs for 32-bit predecessor slots")
        order = .allocate(capacity: cells)
        state = .allocate(capacity: cells)
        for v in 0 ..< n {
            state[v] = NodeState(
                distance: 0, sigma: 0, predecessorCount: -1, pusher: -1,
                slotStart: UInt32(truncatingIfNeeded: view.predecessorStart[v]))
        }
        delta = .allocate(capacity: cells)
        delta.initialize(repeating: 0, count: cells)
        predecessors = .allocate(capacity: max(1, view.arcCount))
        predecessorEdges = recordEdges ? .allocate(capacity: max(1, view.arcCount)) : nil
        heap = IndexedHeap(capacity: n)
    }

    deinit {
        order.deallocate()
        state.deallocate()
        delta.deallocate()
        predecessors.deallocate()
        predecessorEdges?.deallocate()
    }

    /// Dijkstra from `source` with weights as distances: NetworkX's `_single_source_dijkstra_path_basic`.
    ///
    /// Equal lengths are ties only when exactly equal (`vw_dist == seen[w]`), and NetworkX's conventions
    /// are kept even where zero weights make them matter: nodes settle in (distance, push order), a
    /// node's first predecessor adds its path count when the node is settled, and an equal-length arc
    /// into an already settled node (possible only through a zero weight) still adds to its path count
    /// and predecessors. (NetworkX scans neighbours in insertion order, this kernel by neighbour index, so
    /// with zero-weight ties the two agree when NetworkX's adjacency is sorted.)
    /// - Complexity: `O((reached nodes + their out-arcs) log n)`.
    @inline(__always)
    mutating func dijkstra(from source: Int, _ view: ArcView, recordEdges: Bool) {
        let order = self.order, state = self.state, delta = self.delta
        let predecessors = self.predecessors, predecessorEdges = self.predecessorEdges
        for i in 0 ..< reached {
            let v = Int(order[i])
            state[v].predecessorCount = -1
            delta[v] = 0
        }
        let offsets = view.offsets, targets = view.targets, edges = view.edges
        let weights = view.weights.unsafelyUnwrapped
        heap.reset()
        let source32 = Int32(truncatingIfNeeded: source)
        state[source].distance = 0
        state[source].sigma = 1
        state[source].pusher = -1
        state[source].predecessorCount = 0
        heap.push(source32, distance: 0)
        var settled = 0
        while !heap.isEmpty {
            let top = heap.popMin()
            let v32 = top.node
            let v = Int(v32)
            let dv = top.distance
            let p = state[v].pusher
            if p >= 0 { state[v].sigma += state[Int(p)].sigma }
            order[settled] = v32
            settled &+= 1
            for arc in offsets[v] ..< offsets[v &+ 1] {
                let w32 = targets[arc]
                let w = Int(w32)
                let vw = dv + weights[arc]
                let sw = state[w]
                let seenW = sw.predecessorCount >= 0
                if !seenW || vw < sw.distance {
                    // A settled node cannot be improved: weights are >= 0 and rounding is monotone.
                    if seenW { heap.decrease(w32, distance: vw) } else { heap.push(w32, distance: vw) }
                    let slot = Int(sw.slotStart)
                    state[w] = NodeState(
                        distance: vw, sigma: 0, predecessorCount: 1, pusher: v32, slotStart: sw.slotStart)
                    predecessors[slot] = v32
                    if recordEdges { predecessorEdges.unsafelyUnwrapped[slot] = edges[arc] }
                } else if vw == sw.distance {
                    state[w].sigma = sw.sigma + state[v].sigma
                    let slot = Int(sw.slotStart) &+ Int(sw.predecessorCount)
                    state[w].predecessorCount = sw.predecessorCount &+ 1
                    predecessors[slot] = v32
                    if recordEdges { predecessorEdges.unsafelyUnwrapped[slot] = edges[arc] }
                }
            }
        }
        reached = settled
    }
}

// MARK: - Breadth-first shortest-path DAG (unweighted betweenness)

/// The shortest-path DAG of a breadth-first search, without stored predecessors.
///
/// With unit lengths the DAG arcs are exactly the arcs `v -> w` with `level(w) = level(v) + 1`, so the
/// backward pass *gathers* over each node's out-arcs instead of scattering over stored predecessors:
/// `δ(v) = Σ_{w : level(w) = level(v)+1} σ(v) / σ(w) · (1 + δ(w))` (Brandes 2001, eq. 6, read from `v`'s
/// side). Same values as NetworkX's `_accumulate_*` up to summation order, with no predecessor storage:
/// per arc, each pass reads the compact level array (4 bytes a node, cache-resident far longer than
/// 16-byte records) and touches `value` only for DAG arcs. The queue doubles as the visit-order stack.
///
/// - Complexity: memory `16 n` bytes per workspace; time `O(reached nodes + their out-arcs)` per source.
struct BreadthFirstDAG: ~Copyable {
    /// Nodes in visit order; `order[0]` is the source.
    let order: UnsafeMutablePointer<Int32>
    /// Hops from the source, -1 unseen.
    let level: UnsafeMutablePointer<Int32>
    /// The path count `σ(v)`; the backward pass overwrites it with `(1 + δ(v)) / σ(v)` once `v` is done.
    let value: UnsafeMutablePointer<Double>
    private(set) var reached = 0

    init(nodeCount n: Int) {
        let cells = max(1, n)
        order = .allocate(capacity: cells)
        level = .allocate(capacity: cells)
        level.initialize(repeating: -1, count: cells)
        value = .allocate(capacity: cells)
        value.initialize(repeating: 0, count: cells)
    }

    deinit {
        order.deallocate()
        level.deallocate()
        value.deallocate()
    }

    /// Forward pass: levels and path counts (NetworkX's `_single_source_shortest_path_basic`).
    @inline(__always)
    mutating func traverse(from source: Int, _ view: ArcView) {
        let order = self.order, level = self.level, value = self.value
        for i in 0 ..< reached { level[Int(order[i])] = -1 }
        let offsets = view.offsets, targets = view.targets
        level[source] = 0
        value[source] = 1
        order[0] = Int32(truncatingIfNeeded: source)
        var head = 0, tail = 1
        while head < tail {
            let v = Int(order[head])
            head &+= 1
            let next = level[v] &+ 1
            let sigmaV = value[v]
            for arc in offsets[v] ..< offsets[v &+ 1] {
                let w32 = targets[arc]
                let w = Int(w32)
                let lw = level[w]
                if lw < 0 {
                    level[w] = next
                    value[w] = sigmaV
                    order[tail] = w32
                    tail &+= 1
                } else if lw == next {
                    value[w] += sigmaV
                }
            }
        }
        reached = tail
    }

    /// Backward pass for node betweenness: adds `δ(v)` (plus 1 with `endpoints`) to every reached
    /// `v != source`, and with `endpoints` the number of other reached nodes to the source.
    @inline(__always)
    func accumulate(
        source: Int, endpoints: Bool, _ view: ArcView, into scores: UnsafeMutableBufferPointer<Double>
    ) {
        let order = self.order, level = self.level, value = self.value
        let offsets = view.offsets, targets = view.targets
        if endpoints { scores[source] += Double(reached - 1) }
        var i = reached
        while i > 0 {
            i &-= 1
            let v = Int(order[i])
            let next = level[v] &+ 1
            var sum = 0.0
            for arc in offsets[v] ..< offsets[v &+ 1] {
                let w = Int(targets[arc])
                if level[w] == next { sum += value[w] }
            }
            let sigmaV = value[v]
            let delta = sigmaV * sum
            if v != source { scores[v] += endpoints ? delta + 1 : delta }
            value[v] = (1 + delta) / sigmaV
        }
    }

    /// Backward pass for edge betweenness: each DAG arc `v -> w` gains `σ(v) / σ(w) · (1 + δ(w))`.
    @inline(__always)
    func accumulateEdges(_ view: ArcView, into scores: UnsafeMutableBufferPointer<Double>) {
        let order = self.order, level = self.level, value = self.value
        let offsets = view.offsets, targets = view.targets, edges = view.edges
        var i = reached
        while i > 0 {
            i &-= 1
            let v = Int(order[i])
            let next = level[v] &+ 1
            let sigmaV = value[v]
            var delta = 0.0
            for arc in offsets[v] ..< offsets[v &+ 1] {
                let w = Int(targets[arc])
                if level[w] == next {
                    let c = sigmaV * value[w]
                    scores[Int(edges[arc])] += c
                    delta += c
                }
            }
            value[v] = (1 + delta) / sigmaV
        }
    }
}

// MARK: - Distances only (closeness, harmonic)

/// What closeness and harmonic centrality need from one traversal.
struct DistanceSummary {
    /// Nodes reached, the source included.
    var reached: Int
    /// Sum of hop counts (breadth-first search), exact.
    var hopSum: Int
    /// Sum of distances (Dijkstra), added in the order nodes were settled.
    var distanceSum: Double
    /// Sum of `1 / d` over reached nodes at a distance `d != 0`.
    var reciprocalSum: Double
}

/// A workspace for distance-only traversals: a queue that doubles as the settle order, visit stamps (so
/// nothing is cleared between sources), and for Dijkstra a distance array and an indexed heap.
///
/// - Complexity: memory `8 n` bytes, plus `28 n` for Dijkstra.
struct DistanceWorkspace: ~Copyable {
    private let queue: UnsafeMutablePointer<Int32>
    private let stamp: UnsafeMutablePointer<UInt32>
    private var currentStamp: UInt32 = 0
    private let cells: Int
    private let distance: UnsafeMutablePointer<Double>?
    private var heap: IndexedHeap

    init(nodeCount n: Int, weighted: Bool) {
        cells = max(1, n)
        queue = .allocate(capacity: cells)
        stamp = .allocate(capacity: cells)
        stamp.initialize(repeating: 0, count: cells)
        if weighted {
            distance = .allocate(capacity: cells)
        } else {
            distance = nil
        }
        heap = IndexedHeap(capacity: weighted ? n : 0)
    }

    deinit {
        queue.deallocate()
        stamp.deallocate()
        distance?.deallocate()
    }

    @inline(__always)
    private mutating func nextStamp() -> UInt32 {
        if currentStamp == .max {
            stamp.update(repeating: 0, count: cells)
            currentStamp = 0
        }
        currentStamp += 1
        return currentStamp
    }

    /// Distances from `source` by BFS or Dijkstra (as the view carries weights), summarised.
    @inline(__always)
    mutating func summary(from source: Int, _ view: ArcView) -> DistanceSummary {
        view.weights == nil ? breadthFirst(from: source, view) : dijkstra(from: source, view)
    }

    /// Breadth-first search level by level; NetworkX's `single_source_shortest_path_length`.
    /// - Complexity: `O(reached nodes + their out-arcs)`.
    mutating func breadthFirst(from source: Int, _ view: ArcView) -> DistanceSummary {
        let mark = nextStamp()
        let offsets = view.offsets, targets = view.targets
        let queue = self.queue, stamp = self.stamp
        stamp[source] = mark
        queue[0] = Int32(truncatingIfNeeded: source)
        var head = 0, tail = 1, levelEnd = 1
        var level = 0, hopSum = 0
        var reciprocal = 0.0
        while head < tail {
            if head == levelEnd {
                level += 1
                levelEnd = tail
            }
            let v = Int(queue[head])
            head += 1
            var found = 0
            for arc in offsets[v] ..< offsets[v &+ 1] {
                let w32 = targets[arc]
                let w = Int(w32)
                if stamp[w] != mark {
                    stamp[w] = mark
                    queue[tail &+ found] = w32
                    found &+= 1
                }
            }
            if found > 0 {
                // Nodes found from level `level` are at `level + 1`.
                let levelReciprocal = 1 / Double(level + 1)
                hopSum += found * (level + 1)
                for _ in 0 ..< found { reciprocal += levelReciprocal }
                tail &+= found
            }
        }
        return DistanceSummary(reached: tail, hopSum: hopSum, distanceSum: Double(hopSum), reciprocalSum: reciprocal)
    }

    /// Dijkstra; NetworkX's `single_source_dijkstra_path_length` (settled in (distance, push order)).
    /// - Complexity: `O((reached nodes + their out-arcs) log n)`.
    mutating func dijkstra(from source: Int, _ view: ArcView) -> DistanceSummary {
        let mark = nextStamp()
        let offsets = view.offsets, targets = view.targets
        let weights = view.weights.unsafelyUnwrapped
        let stamp = self.stamp, distance = self.distance.unsafelyUnwrapped
        heap.reset()
        stamp[source] = mark
        distance[source] = 0
        heap.push(Int32(truncatingIfNeeded: source), distance: 0)
        var reached = 0
        var distanceSum = 0.0, reciprocal = 0.0
        while !heap.isEmpty {
            let top = heap.popMin()
            let v = Int(top.node)
            let dv = top.distance
            reached += 1
            distanceSum += dv
            if dv != 0 { reciprocal += 1 / dv }
            for arc in offsets[v] ..< offsets[v &+ 1] {
                let w32 = targets[arc]
                let w = Int(w32)
                let vw = dv + weights[arc]
                if stamp[w] != mark {
                    stamp[w] = mark
                    distance[w] = vw
                    heap.push(w32, distance: vw)
                } else if vw < distance[w] {
                    // Only nodes still in the heap can improve (weights >= 0).
                    distance[w] = vw
                    heap.decrease(w32, distance: vw)
                }
            }
        }
        return DistanceSummary(reached: reached, hopSum: 0, distanceSum: distanceSum, reciprocalSum: reciprocal)
    }
}

extension CSRGraph {
    /// Runs one distance-only traversal from every node (of this graph, as given: closeness and harmonic
    /// pass `reversed` for incoming distances) and maps its summary to that node's value, in parallel
    /// partitions. Each node's value comes from its own traversal, so parallel and serial agree exactly.
    /// Unweighted, the traversals are multi-source bit-parallel BFS, 64 sources at a time
    /// (`multiSourceDistanceSummaries`).
    /// - Complexity: `O(n)` extra space per running partition plus the `n` results.
    func perNodeDistanceSummaries(
        weighted: Bool, parallel: Bool, _ value: (DistanceSummary) -> Double
    ) -> [Double] {
        guard weighted else { return multiSourceDistanceSummaries(parallel: parallel).map(value) }
        let n = nodeCount
        let partials = withArcView(weighted: weighted) { view in
            SourcePartitions.map(sources: Array(0 ..< n), parallel: parallel) { partition in
                var values: [Double] = []
                values.reserveCapacity(partition.count)
                var workspace = DistanceWorkspace(nodeCount: n, weighted: weighted)
                for u in partition { values.append(value(workspace.summary(from: u, view))) }
                return values
            }
        }
        // Partition p holds the values of nodes p, p + P, p + 2P, ...
        var result = [Double](repeating: 0, count: n)
        let stride = partials.count
        for (p, values) in partials.enumerated() {
            for (j, x) in values.enumerated() { result[p + j * stride] = x }
        }
        return result
    }
}
