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
    /// small local graph, sorted topologically, and searched once per schedule while it is in cache.
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

        // Schedules in batches, so the per-partition histograms stay small (about 2^19 counters each).
        var results: [ReachabilityDecay] = []
        var first = 0
        while first < schedules.count {
            var last = first + 1, counters = schedules[first].steps + 2
            while last < schedules.count, counters + schedules[last].steps + 2 <= 1 << 19 {
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
        // Steps by node, the runs of a node side by side: a consumer's local steps are gathered row by row.
        var steps = [Int32](repeating: 0, count: n * runs)
        for (s, schedule) in batch.enumerated() {
            for v in 0 ..< n { steps[v * runs + s] = schedule.nodeStep[v] }
        }
        var offsets = [0]
        for schedule in batch { offsets.append(offsets.last! + schedule.steps + 2) }
        let edgeSteps = batch.map(\.edgeStep)
        let cutsEdges = edgeSteps.contains { $0 != nil }

        let partials = SourcePartitions.map(sources: sources, parallel: parallel) { partition in
            var histogram = [Int](repeating: 0, count: offsets[runs])
            var cutDelta = [Int](repeating: 0, count: offsets[runs])
            var local = LocalReach(nodeCount: n)
            for c in partition {
                local.extract(self, from: c, order: order, providers: providers)
                local.gatherSteps(steps, runs: runs)
                for s in 0 ..< runs {
                    local.search(run: s, runs: runs, edgeStep: cutsEdges ? edgeSteps[s] : nil)
                    let base = offsets[s]
                    var lowest = Int32.max
                    for i in 1 ..< local.count where local.isProvider[i] {
                        let w = local.width[i]
                        histogram[base + Int(w)] += 1
                        if w < lowest { lowest = w }
                    }
                    if lowest != Int32.max {
                        cutDelta[base + Int(lowest)] += 1
                        cutDelta[base + Int(local.steps[s])] -= 1
                    }
                }
                local.clear()
            }
            return (histogram, cutDelta)
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

/// One consumer's reach as a small graph in topological order (local node 0 is the consumer), with the
/// per-schedule search state. Reused across consumers: `clear()` resets only what `extract` touched.
private struct LocalReach {
    /// Local index of each global node, -1 when not in the current reach.
    var localOf: [Int32]
    /// Global node of each local node.
    var nodes: [Int32] = []
    var count = 0
    /// Local out-adjacency: arcs of local node `i` are `arcStart[i] ..< arcStart[i + 1]`.
    var arcStart: [Int32] = []
    var arcTarget: [Int32] = []
    var arcEdge: [Int32] = []
    /// End (exclusive) of the cyclic component that starts at a local node; `i + 1` for acyclic nodes.
    var blockEnd: [Int32] = []
    var isProvider: [Bool] = []
    /// Steps of the local nodes for every run of the batch, `steps[i * runs + s]`.
    var steps: [Int32] = []
    var best: [Int32] = []
    var width: [Int32] = []
    var settled: [Bool] = []
    var heap = PackedMaxHeap()
    var keys: [UInt64] = []

    init(nodeCount: Int) { localOf = [Int32](repeating: -1, count: nodeCount) }

    /// Collects the reach of `c` (breadth-first), sorts it by component place (the consumer first), and
    /// builds the local adjacency.
    mutating func extract(_ graph: CSRGraph, from c: Int, order: DecayOrder, providers: [Bool]?) {
        nodes.removeAll(keepingCapacity: true)
        localOf[c] = 0
        nodes.append(Int32(c))
        var head = 0
        while head < nodes.count {
            let u = Int(nodes[head]); head += 1
            for v in graph.successors(of: u) where localOf[Int(v)] < 0 {
                localOf[Int(v)] = 0
                nodes.append(v)
            }
        }
        count = nodes.count
        // Sort by (component place, node), the consumer first: its component comes before every other.
        keys.removeAll(keepingCapacity: true)
        let cPlace = UInt64(order.position[c])
        keys.append(cPlace << 32)
        for v in nodes.dropFirst() { keys.append(UInt64(order.position[Int(v)]) << 32 | UInt64(v + 1)) }
        keys.sort()
        for (i, key) in keys.enumerated() {
            let low = Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)
            let v = i == 0 ? Int32(c) : low - 1
            nodes[i] = v
            localOf[Int(v)] = Int32(i)
        }
        arcStart.removeAll(keepingCapacity: true)
        arcTarget.removeAll(keepingCapacity: true)
        arcEdge.removeAll(keepingCapacity: true)
        blockEnd.removeAll(keepingCapacity: true)
        isProvider.removeAll(keepingCapacity: true)
        for i in 0 ..< count {
            let u = Int(nodes[i])
            arcStart.append(Int32(arcTarget.count))
            for arc in graph.outArcs(u) {
                arcTarget.append(localOf[Int(graph.outTargets[arc])])
                arcEdge.append(graph.outEdges[arc])
            }
            isProvider.append(providers?[u] ?? true)
            blockEnd.append(Int32(i + 1))
        }
        arcStart.append(Int32(arcTarget.count))
        // Cyclic components: runs of equal place among nodes whose component has a cycle.
        var i = 0
        while i < count {
            let v = Int(nodes[i])
            var j = i + 1
            if order.cyclic[v] {
                while j < count && order.position[Int(nodes[j])] == order.position[v] { j += 1 }
            }
            blockEnd[i] = Int32(j)
            i = j
        }
        if best.count < count {
            best = [Int32](repeating: 0, count: count)
            width = best
            settled = [Bool](repeating: false, count: count)
        }
    }

    /// Copies the steps of the local nodes for every run.
    mutating func gatherSteps(_ all: [Int32], runs: Int) {
        steps.removeAll(keepingCapacity: true)
        for i in 0 ..< count {
            let base = Int(nodes[i]) * runs
            steps.append(contentsOf: all[base ..< base + runs])
        }
    }

    /// Bottleneck widths from local node 0 for run `s`: `width[i]` is the checkpoint at which node `i` stops
    /// being reachable.
    mutating func search(run s: Int, runs: Int, edgeStep: [Int32]?) {
        for i in 0 ..< count { best[i] = 0 }
        best[0] = Int32.max
        var i = 0
        while i < count {
            let end = Int(blockEnd[i])
            if end == i + 1 {
                let w = min(best[i], steps[i * runs + s])
                width[i] = w
                relax(from: i, width: w, edgeStep: edgeStep, blockEnd: end)
            } else {
                settleBlock(i ..< end, run: s, runs: runs, edgeStep: edgeStep)
            }
            i = end
        }
    }

    /// Offers `w` (capped by each arc's step) to the successors of `i` outside its block (`target >= blockEnd`).
    @inline(__always)
    private mutating func relax(from i: Int, width w: Int32, edgeStep: [Int32]?, blockEnd: Int) {
        for arc in Int(arcStart[i]) ..< Int(arcStart[i + 1]) {
            let t = Int(arcTarget[arc])
            if t < blockEnd { continue }
            var candidate = w
            if let edgeStep { candidate = min(candidate, edgeStep[Int(arcEdge[arc])]) }
            if candidate > best[t] { best[t] = candidate }
        }
    }

    /// Max–min Dijkstra inside one cyclic component, seeded with what reaches it from earlier components.
    private mutating func settleBlock(_ block: Range<Int>, run s: Int, runs: Int, edgeStep: [Int32]?) {
        heap.removeAll()
        for x in block {
            settled[x] = false
            let key = min(best[x], steps[x * runs + s])
            best[x] = key
            if key > 0 { heap.push(UInt64(UInt32(key)) << 32 | UInt64(x)) }
        }
        while let top = heap.pop() {
            let x = Int(top & 0xFFFF_FFFF), key = Int32(top >> 32)
            if settled[x] || key != best[x] { continue }
            settled[x] = true
            width[x] = key
            for arc in Int(arcStart[x]) ..< Int(arcStart[x + 1]) {
                let t = Int(arcTarget[arc])
                var candidate = key
                if let edgeStep { candidate = min(candidate, edgeStep[Int(arcEdge[arc])]) }
                if block.contains(t) {
                    if settled[t] { continue }
                    candidate = min(candidate, steps[t * runs + s])
                    if candidate > best[t] {
                        best[t] = candidate
                        heap.push(UInt64(UInt32(candidate)) << 32 | UInt64(t))
                    }
                } else if t >= block.upperBound, candidate > best[t] {
                    best[t] = candidate
                }
            }
        }
    }

    /// Forgets the current reach.
    mutating func clear() {
        for v in nodes { localOf[Int(v)] = -1 }
    }
}
