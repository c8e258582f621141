// Brandes' algorithm for shortest-path betweenness (Brandes 2001, 2008), both phases from one source:
// the forward phase builds the shortest-path DAG (path counts and settle order), the backward phase
// accumulates dependencies over it. Weighted graphs use Dijkstra (`ShortestPathDAG`), unweighted ones
// breadth-first search (`BreadthFirstDAG`). The public measures, source sampling and rescaling are in
// `Betweenness.swift`.
//
// Everything here is internal: flat, preallocated workspaces that one partition of `SourcePartitions`
// reuses for all of its sources, and the traversals that fill them. Its unsafe pointer code, that of
// `MultiSourceBFS.swift` (unweighted distances, 64 sources at a time) and that of the traversal helpers
// in `Internals/` (`ArcView`, `IndexedHeap`, `DistanceWorkspace`) are the only such code of the
// shortest-path family; the measures only call the traversals and read results.

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

    // MARK: Backward phase

    /// Brandes' dependency accumulation (NetworkX `_accumulate_basic`, or `_accumulate_endpoints`): walks
    /// the settle order backwards, `δ(v) += σ(v) / σ(w) · (1 + δ(w))` for each stored predecessor `v` of
    /// `w`, and adds `δ(w)` (plus 1 with `endpoints`) to `w != s`; with `endpoints` the source gains the
    /// number of other nodes it reaches.
    /// - Complexity: `O(reached nodes + shortest-path arcs)`.
    @inline(__always)
    func accumulate(source: Int, endpoints: Bool, into scores: UnsafeMutableBufferPointer<Double>) {
        let order = self.order, state = self.state, delta = self.delta, predecessors = self.predecessors
        if endpoints { scores[source] += Double(reached - 1) }
        var i = reached
        while i > 0 {
            i &-= 1
            let w = Int(order[i])
            let sw = state[w]
            let coefficient = (1 + delta[w]) / sw.sigma
            let start = Int(sw.slotStart)
            for slot in start ..< start &+ Int(sw.predecessorCount) {
                let v = Int(predecessors[slot])
                delta[v] += state[v].sigma * coefficient
            }
            // Read δ(w) again: a zero-weight self-loop makes `w` its own predecessor, as in NetworkX.
            if w != source { scores[w] += endpoints ? delta[w] + 1 : delta[w] }
        }
    }

    /// Edge accumulation (NetworkX `_accumulate_edges`): each predecessor arc `v -> w` gains
    /// `σ(v) / σ(w) · (1 + δ(w))`, by edge id.
    @inline(__always)
    func accumulateEdges(into scores: UnsafeMutableBufferPointer<Double>) {
        let order = self.order, state = self.state, delta = self.delta, predecessors = self.predecessors
        let predecessorEdges = self.predecessorEdges.unsafelyUnwrapped
        var i = reached
        while i > 0 {
            i &-= 1
            let w = Int(order[i])
            let sw = state[w]
            let coefficient = (1 + delta[w]) / sw.sigma
            let start = Int(sw.slotStart)
            for slot in start ..< start &+ Int(sw.predecessorCount) {
                let v = Int(predecessors[slot])
                let c = state[v].sigma * coefficient
                scores[Int(predecessorEdges[slot])] += c
                delta[v] += c
            }
        }
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
