// Reachable (consumer, provider) pairs and cut-off consumers at every checkpoint of removal schedules, from one
// bottleneck-path search per consumer and schedule.

/// What a set of consumers still reaches at each checkpoint `0 ... K` of one removal schedule (see
/// `CSRGraph.reachabilityDecay(consumers:providers:schedules:parallel:)`).
public struct ReachabilityDecay: Sendable, Equatable {
    /// `reachablePairs[k]`: the pairs `(c, p)` of a consumer `c` present at checkpoint `k` and a provider
    /// `p ≠ c` it reaches in the graph of that checkpoint.
    public let reachablePairs: [Int]
    /// `cutOffConsumers[k]`: the consumers present at checkpoint `k` that no longer reach at least one
    /// provider they reached at checkpoint 0 (a removed provider counts as lost).
    public let cutOffConsumers: [Int]
}

extension CSRGraph {
    /// For each removal schedule, the reachable (consumer, provider) pairs and the cut-off consumers at every
    /// checkpoint.
    ///
    /// Definitions, for consumer `c`, provider `p ≠ c` and checkpoint `k`: `p` is reachable from `c` at `k`
    /// when a path `c → … → p` (out-arcs: in the dependency view, `c` depends on `p` directly or not) has all
    /// its nodes and edges present at `k` (`c` and `p` included; see `RemovalSchedule`). `c` is cut off at `k`
    /// when it is present and some provider it reached at checkpoint 0 is not reachable at `k`; a removed
    /// consumer is neither counted in pairs nor cut off. NetworkX: pairs at `k` are
    /// `Σ_c |nx.descendants(G_k, c) ∩ P|` over consumers `c` in `G_k`.
    ///
    /// Method: searching again at every checkpoint would cost `O(K · |C| · (n + m))`. Instead, give every node
    /// and edge the step at which it goes (`K + 1`: never). `p` is reachable from `c` at `k` exactly when some
    /// path's smallest step exceeds `k`, so the checkpoint at which the pair dies is the *bottleneck* (max–min)
    /// path value from `c` to `p`, `width(p)`: reachable at checkpoints `0 ..< width(p)`. One search per
    /// consumer gives every width, hence the whole curve: a histogram of widths, summed from the top, gives the
    /// pairs; a consumer is cut off from `min_p width(p)` until its own step. The search walks the consumer's
    /// reach in topological order of the strongly connected components (one pass,
    /// `width(v) = min(step(v), max over arcs u → v of min(width(u), step(u → v)))`), and uses a max-heap
    /// (Dijkstra's order for max–min paths) only inside components with a cycle.
    ///
    /// Many schedules (the runs of a random order) share each consumer's reach: it is extracted once into a
    /// small local graph, sorted topologically, and searched for all the schedules of a batch together, a row
    /// of one entry per schedule for each node (loops the compiler vectorises).
    /// Consumers are spread over cores (`SourcePartitions`); counts are integers, so results are the same
    /// with `parallel` off and on any number of cores.
    ///
    /// - Parameters:
    ///   - consumers: the consumers (repeats count once).
    ///   - providers: a flag per node for the nodes whose loss counts, or `nil` for every node.
    ///   - schedules: the removal schedules, each for this graph.
    ///   - parallel: spread consumers over all cores.
    /// - Returns: one `ReachabilityDecay` per schedule, in order.
    /// - Throws: `RemovalScheduleError.nodeOutOfRange` for a consumer that is not a node, `.graphMismatch`
    ///   for a schedule or provider mask made for another graph.
    /// - Complexity: `O(n + m)` for the components, then per consumer `c` with reach `r_c` and `a_c` arcs,
    ///   `O(r_c log r_c + a_c)` once and `O(r_c + a_c)` per schedule (`O((r + a) log r)` inside cyclic
    ///   components); `O(n · B + Σ K)` extra space for `B` schedules at a time.
    public func reachabilityDecay(
        consumers: [Int], providers: [Bool]? = nil, schedules: [RemovalSchedule], parallel: Bool = true
    ) throws(RemovalScheduleError) -> [ReachabilityDecay] {
        let n = nodeCount
        for schedule in schedules { try schedule.check(self) }
        if let providers, providers.count != n {
            throw .graphMismatch(scheduleNodes: providers.count, scheduleEdges: nil, graphNodes: n, graphEdges: edgeCount)
        }
        var seen = [Bool](repeating: false, count: n)
        var sources: [Int] = []
        for c in consumers {
            guard c >= 0, c < n else { throw .nodeOutOfRange(node: c, nodeCount: n) }
            if !seen[c] { seen[c] = true; sources.append(c) }
        }
        guard !schedules.isEmpty else { return [] }
        let order = DecayOrder(self)

        // Schedules in batches, so that the per-partition histograms (about 2^19 counters), the steps by node
        // (2^24 entries) and a consumer's rows (128 runs) stay small.
        let batchRuns = max(1, min(128, (1 << 24) / max(1, n)))
        var results: [ReachabilityDecay] = []
        var first = 0
        while first < schedules.count {
            var last = first + 1, counters = schedules[first].steps + 2
            while last < schedules.count, last - first < batchRuns, counters + schedules[last].steps + 2 <= 1 << 19 {
                counters += schedules[last].steps + 2
                last += 1
            }
            results += decayBatch(Array(schedules[first ..< last]), sources: sources, providers: providers, order: order, parallel: parallel)
            first = last
        }
        return results
    }

    private func decayBatch(
        _ batch: [RemovalSchedule], sources: [Int], providers: [Bool]?, order: DecayOrder, parallel: Bool
    ) -> [ReachabilityDecay] {
        let n = nodeCount, runs = batch.count
        // Steps by node, the runs of a node side by side: a search reads each local node's row in place.
        var steps = [Int32](repeating: 0, count: n * runs)
        for (s, schedule) in batch.enumerated() {
            for v in 0 ..< n { steps[v * runs + s] = schedule.nodeStep[v] }
        }
        var offsets = [0]
        for schedule in batch { offsets.append(offsets.last! + schedule.steps + 2) }
        // Edge steps likewise by edge, the runs side by side (a run that cuts no edge on its own: never).
        let cutsEdges = batch.contains { $0.edgeStep != nil }
        var edgeSteps = [Int32](repeating: Int32.max, count: cutsEdges ? edgeCount * runs : 0)
        for (s, schedule) in batch.enumerated() {
            guard let edgeStep = schedule.edgeStep else { continue }
            for e in 0 ..< edgeCount { edgeSteps[e * runs + s] = edgeStep[e] }
        }

        let partials = withGraphView { view in
            SourcePartitions.map(sources: sources, parallel: parallel) { partition in
                var histogram = [Int](repeating: 0, count: offsets[runs])
                var cutDelta = [Int](repeating: 0, count: offsets[runs])
                let local = LocalReach(nodeCount: n, runs: runs, keepsEdges: cutsEdges)
                steps.withUnsafeBufferPointer { steps in
                    edgeSteps.withUnsafeBufferPointer { edgeSteps in
                        offsets.withUnsafeBufferPointer { offsets in
                            histogram.withUnsafeMutableBufferPointer { histogram in
                                cutDelta.withUnsafeMutableBufferPointer { cutDelta in
                                    for c in partition {
                                        local.extract(view, from: c, order: order, providers: providers)
                                        local.search(steps: steps.baseAddress!, edgeSteps: cutsEdges ? edgeSteps.baseAddress : nil, offsets: offsets.baseAddress!,
                                                     histogram: histogram.baseAddress!, cutDelta: cutDelta.baseAddress!)
                                        local.clear()
                                    }
                                }
                            }
                        }
                    }
                }
                return (histogram, cutDelta)
            }
        }
        var histogram = [Int](repeating: 0, count: offsets[runs])
        var cutDelta = histogram
        for (partialHistogram, partialCuts) in partials {
            for i in histogram.indices {
                histogram[i] += partialHistogram[i]
                cutDelta[i] += partialCuts[i]
            }
        }
        return batch.indices.map { s in
            let base = offsets[s], k = batch[s].steps
            var pairs = [Int](repeating: 0, count: k + 1)
            var alive = 0
            for checkpoint in stride(from: k, through: 0, by: -1) {
                alive += histogram[base + checkpoint + 1]  // pairs whose width exceeds the checkpoint
                pairs[checkpoint] = alive
            }
            var cut = [Int](repeating: 0, count: k + 1)
            var running = 0
            for checkpoint in 0 ... k {
                running += cutDelta[base + checkpoint]
                cut[checkpoint] = running
            }
            return ReachabilityDecay(reachablePairs: pairs, cutOffConsumers: cut)
        }
    }
}

/// A topological order of the strongly connected components: `position[v]` is the place of `v`'s component
/// (every arc between two components goes to a later place), and `cyclic[v]` says whether that component
/// has more than one node.
private struct DecayOrder: Sendable {
    let position: [Int32]
    let cyclic: [Bool]

    init(_ graph: CSRGraph) {
        let n = graph.nodeCount
        let components = graph.stronglyConnectedComponents()
        let count = components.count
        var size = [Int](repeating: 0, count: count)
        for c in components.component { size[Int(c)] += 1 }
        // Kahn's algorithm on the condensation (arcs counted with repeats; each is removed once).
        var indegree = [Int](repeating: 0, count: count)
        for u in 0 ..< n {
            let cu = components.component[u]
            for v in graph.successors(of: u) where components.component[Int(v)] != cu { indegree[Int(components.component[Int(v)])] += 1 }
        }
        var members = [[Int32]](repeating: [], count: count)
        for v in 0 ..< n { members[Int(components.component[v])].append(Int32(v)) }
        var queue: [Int] = (0 ..< count).filter { indegree[$0] == 0 }
        var place = [Int32](repeating: 0, count: count)
        var head = 0
        while head < queue.count {
            let component = queue[head]
            place[component] = Int32(head)
            head += 1
            for u in members[component] {
                for v in graph.successors(of: Int(u)) {
                    let cv = Int(components.component[Int(v)])
                    if cv == component { continue }
                    indegree[cv] -= 1
                    if indegree[cv] == 0 { queue.append(cv) }
                }
            }
        }
        position = components.component.map { place[Int($0)] }
        cyclic = components.component.map { size[Int($0)] > 1 }
    }
}

/// Raw views of the out-adjacency, valid inside `CSRGraph.withGraphView`.
private struct GraphView {
    let offsets: UnsafeBufferPointer<Int>
    let targets: UnsafeBufferPointer<Int32>
    let edges: UnsafeBufferPointer<Int32>
}

extension CSRGraph {
    fileprivate func withGraphView<R>(_ body: (GraphView) -> R) -> R {
        outOffsets.withUnsafeBufferPointer { offsets in
            outTargets.withUnsafeBufferPointer { targets in
                outEdges.withUnsafeBufferPointer { edges in body(GraphView(offsets: offsets, targets: targets, edges: edges)) }
            }
        }
    }
}

extension Optional where Wrapped == [Int32] {
    /// The array's buffer, or `nil`, for the length of `body`.
    fileprivate func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Int32>?) -> R) -> R {
        guard let array = self else { return body(nil) }
        return array.withUnsafeBufferPointer { body($0) }
    }
}

/// One consumer's reach as a small graph in topological order (local node 0 is the consumer), with the
/// search state of every run of a batch side by side, on raw buffers that grow as needed: the searches run
/// once per consumer for all runs, so their loops go without bounds or uniqueness checks. Reused across consumers: `clear()` resets only what
/// `extract` touched. One per partition, never shared.
private final class LocalReach {
    /// Local index of each global node, -1 outside the current reach.
    private let localOf: UnsafeMutablePointer<Int32>
    private let nodeCount: Int
    /// Whether arcs keep their edge ids (edges are cut on their own in some schedule).
    private let keepsEdges: Bool
    /// The runs searched together: per-node state is a row of `runs` entries, one per run.
    private let runs: Int
    /// Local nodes: `count` of them, the consumer first.
    private(set) var count = 0
    private var nodeCapacity = 0
    /// Global node of each local node.
    private var nodes: UnsafeMutablePointer<Int32>
    /// Arcs of local node `i`: `arcStart[i] ..< arcStart[i + 1]` (`nodeCapacity + 1` entries).
    private var arcStart: UnsafeMutablePointer<Int32>
    /// End (exclusive) of the cyclic component that starts at a local node; `i + 1` for an acyclic node.
    private var blockEnd: UnsafeMutablePointer<Int32>
    private var isProvider: UnsafeMutablePointer<Bool>
    private var settled: UnsafeMutablePointer<Bool>
    private var arcCapacity = 0
    private var arcTarget: UnsafeMutablePointer<Int32>
    private var arcEdge: UnsafeMutablePointer<Int32>
    private var rowCapacity = 0
    /// The best width offered to each local node so far (its width once it is settled), `best[i * runs + s]`.
    private var best: UnsafeMutablePointer<Int32>
    /// The smallest width of a provider, per run.
    private let lowest: UnsafeMutablePointer<Int32>
    private var keys: [UInt64] = []
    private var heap = PackedMaxHeap()

    init(nodeCount n: Int, runs: Int, keepsEdges: Bool) {
        nodeCount = n
        self.runs = runs
        self.keepsEdges = keepsEdges
        lowest = .allocate(capacity: max(1, runs))
        localOf = .allocate(capacity: max(1, n))
        localOf.initialize(repeating: -1, count: n)
        nodes = .allocate(capacity: 1)
        arcStart = .allocate(capacity: 2)
        blockEnd = .allocate(capacity: 1)
        isProvider = .allocate(capacity: 1)
        settled = .allocate(capacity: 1)
        arcTarget = .allocate(capacity: 1)
        arcEdge = .allocate(capacity: 1)
        best = .allocate(capacity: 1)
        reserveNodes(64)
        reserveArcs(256)
    }

    deinit {
        for pointer in [localOf, nodes, arcStart, blockEnd, arcTarget, arcEdge, best, lowest] { pointer.deallocate() }
        isProvider.deallocate()
        settled.deallocate()
    }

    /// Room for `needed` local nodes; keeps the nodes collected so far (the rest is scratch).
    private func reserveNodes(_ needed: Int) {
        guard needed > nodeCapacity else { return }
        let capacity = max(needed, 2 * nodeCapacity)
        let grown = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        grown.update(from: nodes, count: count)
        nodes.deallocate()
        nodes = grown
        for pointer in [arcStart, blockEnd] { pointer.deallocate() }
        isProvider.deallocate()
        settled.deallocate()
        arcStart = .allocate(capacity: capacity + 1)
        blockEnd = .allocate(capacity: capacity)
        isProvider = .allocate(capacity: capacity)
        settled = .allocate(capacity: capacity)
        nodeCapacity = capacity
    }

    /// Room for `needed` local arcs, keeping the first `kept`.
    private func reserveArcs(_ needed: Int, keeping kept: Int = 0) {
        guard needed > arcCapacity else { return }
        let capacity = max(needed, 2 * arcCapacity)
        let targets = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        targets.update(from: arcTarget, count: kept)
        arcTarget.deallocate()
        arcTarget = targets
        let edges = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        edges.update(from: arcEdge, count: keepsEdges ? kept : 0)
        arcEdge.deallocate()
        arcEdge = edges
        arcCapacity = capacity
    }

    /// Collects the reach of `c` (breadth-first), sorts it by component place (the consumer first), and
    /// builds the local adjacency.
    func extract(_ graph: GraphView, from c: Int, order: DecayOrder, providers: [Bool]?) {
        let localOf = self.localOf
        var nodes = self.nodes, found = 1, capacity = nodeCapacity
        localOf[c] = 0
        nodes[0] = Int32(c)
        var head = 0
        while head < found {
            let u = Int(nodes[head]); head += 1
            for arc in graph.offsets[u] ..< graph.offsets[u + 1] {
                let v = graph.targets[arc]
                if localOf[Int(v)] >= 0 { continue }
                localOf[Int(v)] = 0
                if found == capacity {
                    count = found  // reserveNodes keeps the nodes found so far
                    reserveNodes(found + 1)
                    nodes = self.nodes
                    capacity = nodeCapacity
                }
                nodes[found] = v
                found += 1
            }
        }
        count = found
        // Sort by (component place, node), the consumer first: its component comes before every other.
        var keys: [UInt64] = []
        swap(&keys, &self.keys)
        defer { swap(&keys, &self.keys) }
        keys.removeAll(keepingCapacity: true)
        keys.append(UInt64(order.position[c]) << 32)
        for i in 1 ..< found {
            let v = Int(nodes[i])
            keys.append(UInt64(order.position[v]) << 32 | UInt64(v + 1))
        }
        keys.sort()
        for i in 0 ..< found {
            let low = Int32(truncatingIfNeeded: keys[i] & 0xFFFF_FFFF)
            let v = i == 0 ? Int32(c) : low - 1
            nodes[i] = v
            localOf[Int(v)] = Int32(i)
        }
        var arcs = 0
        let arcStart = self.arcStart, isProvider = self.isProvider, keepsEdges = self.keepsEdges
        var arcTarget = self.arcTarget, arcEdge = self.arcEdge
        for i in 0 ..< found {
            let u = Int(nodes[i])
            arcStart[i] = Int32(arcs)
            let range = graph.offsets[u] ..< graph.offsets[u + 1]
            if arcs + range.count > arcCapacity {
                reserveArcs(arcs + range.count, keeping: arcs)
                arcTarget = self.arcTarget
                arcEdge = self.arcEdge
            }
            for arc in range {
                arcTarget[arcs] = localOf[Int(graph.targets[arc])]
                if keepsEdges { arcEdge[arcs] = graph.edges[arc] }
                arcs += 1
            }
            isProvider[i] = providers?[u] ?? true
        }
        arcStart[found] = Int32(arcs)
        // Cyclic components: runs of equal place among nodes whose component has a cycle.
        let blockEnd = self.blockEnd
        var i = 0
        while i < found {
            let v = Int(nodes[i])
            var j = i + 1
            if order.cyclic[v] {
                while j < found && order.position[Int(nodes[j])] == order.position[v] { j += 1 }
            }
            blockEnd[i] = Int32(j)
            i = j
        }
    }

    /// Room for a row of runs per local node.
    private func reserveRows() {
        guard count * runs > rowCapacity else { return }
        best.deallocate()
        rowCapacity = max(count * runs, 2 * rowCapacity)
        best = .allocate(capacity: rowCapacity)
    }

    /// The bottleneck widths from local node 0 in every run (node `i` stays reachable at checkpoints
    /// `0 ..< width(i)`), counted into each run's histogram of widths and cut-off differences (run `s`'s at
    /// `offsets[s]`). Acyclic nodes are settled for all runs at once, row by row (loops the compiler
    /// vectorises); cyclic components run by run.
    /// `steps` holds the runs' steps by node, a row of runs per node (`steps[v * runs + s]`); each local node's
    /// row is read where it is, once.
    func search(steps: UnsafePointer<Int32>, edgeSteps: UnsafePointer<Int32>?, offsets: UnsafePointer<Int>, histogram: UnsafeMutablePointer<Int>,
                cutDelta: UnsafeMutablePointer<Int>) {
        reserveRows()
        // Locals: the class's stored properties would be checked for exclusive access at every use.
        let count = self.count, runs = self.runs, best = self.best, lowest = self.lowest, nodes = self.nodes
        let isProvider = self.isProvider, blockEnd = self.blockEnd, arcStart = self.arcStart
        let arcTarget = self.arcTarget, arcEdge = self.arcEdge
        best.update(repeating: 0, count: count * runs)
        best.update(repeating: Int32.max, count: runs)
        lowest.update(repeating: Int32.max, count: runs)
        var i = 0
        while i < count {
            let end = Int(blockEnd[i])
            if end == i + 1 {
                let row = best + i * runs, step = steps + Int(nodes[i]) * runs
                for s in 0 ..< runs { row[s] = min(row[s], step[s]) }
                if i > 0 && isProvider[i] {
                    for s in 0 ..< runs { histogram[offsets[s] + Int(row[s])] += 1 }
                    for s in 0 ..< runs { lowest[s] = min(lowest[s], row[s]) }
                }
                // A self-loop raises this node's own row, which is final already: no harm.
                for arc in Int(arcStart[i]) ..< Int(arcStart[i + 1]) {
                    let target = best + Int(arcTarget[arc]) * runs
                    if let edgeSteps {
                        let cut = edgeSteps + Int(arcEdge[arc]) * runs
                        for s in 0 ..< runs { target[s] = max(target[s], min(row[s], cut[s])) }
                    } else {
                        for s in 0 ..< runs { target[s] = max(target[s], row[s]) }
                    }
                }
            } else {
                for s in 0 ..< runs { settleBlock(i ..< end, run: s, steps: steps, edgeSteps: edgeSteps) }
                for x in i ..< end where x > 0 && isProvider[x] {
                    let row = best + x * runs
                    for s in 0 ..< runs { histogram[offsets[s] + Int(row[s])] += 1 }
                    for s in 0 ..< runs { lowest[s] = min(lowest[s], row[s]) }
                }
            }
            i = end
        }
        for s in 0 ..< runs where lowest[s] != Int32.max {
            cutDelta[offsets[s] + Int(lowest[s])] += 1
            cutDelta[offsets[s] + Int(steps[Int(nodes[0]) * runs + s])] -= 1
        }
    }

    /// Max–min Dijkstra inside one cyclic component for run `s`, seeded with what reaches it from earlier
    /// components; then offers the widths to later components.
    private func settleBlock(_ block: Range<Int>, run s: Int, steps: UnsafePointer<Int32>, edgeSteps: UnsafePointer<Int32>?) {
        let runs = self.runs, best = self.best, settled = self.settled, nodes = self.nodes
        let arcStart = self.arcStart, arcTarget = self.arcTarget, arcEdge = self.arcEdge
        // The heap is borrowed for the search (a stored property would be checked at every push and pop).
        var heap = PackedMaxHeap()
        swap(&heap, &self.heap)
        defer { swap(&heap, &self.heap) }
        heap.removeAll()
        for x in block {
            settled[x] = false
            let key = min(best[x * runs + s], steps[Int(nodes[x]) * runs + s])
            best[x * runs + s] = key
            if key > 0 { heap.push(UInt64(UInt32(key)) << 32 | UInt64(x)) }
        }
        while let top = heap.pop() {
            let x = Int(top & 0xFFFF_FFFF), key = Int32(top >> 32)
            if settled[x] || key != best[x * runs + s] { continue }
            settled[x] = true
            for arc in Int(arcStart[x]) ..< Int(arcStart[x + 1]) {
                let t = Int(arcTarget[arc])
                var candidate = key
                if let edgeSteps { candidate = min(candidate, edgeSteps[Int(arcEdge[arc]) * runs + s]) }
                if block.contains(t) {
                    if settled[t] { continue }
                    candidate = min(candidate, steps[Int(nodes[t]) * runs + s])
                    if candidate > best[t * runs + s] {
                        best[t * runs + s] = candidate
                        heap.push(UInt64(UInt32(candidate)) << 32 | UInt64(t))
                    }
                } else if t >= block.upperBound, candidate > best[t * runs + s] {
                    best[t * runs + s] = candidate
                }
            }
        }
    }

    /// Forgets the current reach.
    func clear() {
        let localOf = self.localOf, nodes = self.nodes
        for i in 0 ..< count { localOf[Int(nodes[i])] = -1 }
        count = 0
    }
}
