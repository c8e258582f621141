// Multi-source bit-parallel breadth-first search (MS-BFS; Then et al., "The More the Merrier: Efficient
// Multi-Source Graph Traversal", VLDB 2014) for the unweighted distance summaries of closeness and
// harmonic centrality.
//
// One traversal runs 64 sources at once: node `v` carries one `UInt64` each for `seen`, `frontier` and
// `next`, bit `i` standing for source `i` of the batch. A level ORs each frontier node's word into its
// out-neighbours' `next` words, then keeps the bits a node had not seen. An arc is read once per level for
// the whole batch instead of once per source, and the sources of a batch share their cache misses.
//
// What a source gets from each level is the number of nodes it reached there; those counts are exact
// integers, so a source's summary does not depend on which other sources share its batch, on the batch
// order, or on threading. Closeness uses the exact hop sum (identical to one BFS per source); harmonic adds
// `count × (1 / level)` over levels in increasing order (a few ulps from adding `1 / level` once per node).

/// A reusable MS-BFS workspace for batches of up to 64 sources.
///
/// - Complexity: memory `32 n` bytes (three words and two list slots per node).
struct MultiSourceBFS: ~Copyable {
    /// Sources per batch: one bit each in a node's word.
    static let width = 64

    private let nodeCount: Int
    private let seen: UnsafeMutablePointer<UInt64>
    private let frontier: UnsafeMutablePointer<UInt64>
    private let next: UnsafeMutablePointer<UInt64>
    /// Nodes with a nonzero `frontier` word.
    private let frontierList: UnsafeMutablePointer<Int32>
    /// Nodes with a nonzero `next` word (sparse levels only).
    private let nextList: UnsafeMutablePointer<Int32>
    /// Bit-sliced per-source counters for the current level: plane `j` holds bit `j` of each source's count,
    /// so adding a node's new bits costs a few word operations, not one per bit.
    private let planes: UnsafeMutablePointer<UInt64>
    private let planeCount: Int

    init(nodeCount n: Int) {
        nodeCount = n
        let cells = max(1, n)
        seen = .allocate(capacity: cells)
        seen.initialize(repeating: 0, count: cells)
        frontier = .allocate(capacity: cells)
        frontier.initialize(repeating: 0, count: cells)
        next = .allocate(capacity: cells)
        next.initialize(repeating: 0, count: cells)
        frontierList = .allocate(capacity: cells)
        nextList = .allocate(capacity: cells)
        // A level adds at most n to a source's count.
        planeCount = UInt64.bitWidth - UInt64(cells).leadingZeroBitCount + 1
        planes = .allocate(capacity: planeCount)
        planes.initialize(repeating: 0, count: planeCount)
    }

    deinit {
        seen.deallocate()
        frontier.deallocate()
        next.deallocate()
        frontierList.deallocate()
        nextList.deallocate()
        planes.deallocate()
    }

    /// Adds one to the level count of each source whose bit is set in `bits`.
    @inline(__always)
    private func count(_ bits: UInt64) {
        var carry = bits
        var j = 0
        while carry != 0 {
            let plane = planes[j]
            planes[j] = plane ^ carry
            carry &= plane
            j &+= 1
        }
    }

    /// Distances from the distinct `sources` (at most 64), summarised per source into `out[i]` for
    /// `sources[i]`: the same summaries as `DistanceWorkspace.breadthFirst`, with the reciprocal sum added
    /// level by level.
    /// - Complexity: `O(L·n + Σ_levels (frontier nodes + their out-arcs))` for `L` levels.
    mutating func summaries(
        from sources: Range<Int>, _ view: ArcView, into out: UnsafeMutablePointer<DistanceSummary>
    ) {
        let n = nodeCount
        let offsets = view.offsets, targets = view.targets
        let seen = self.seen, frontier = self.frontier, next = self.next
        let planes = self.planes, planeCount = self.planeCount
        let frontierList = self.frontierList, nextList = self.nextList
        let k = sources.count
        precondition(k <= Self.width)
        seen.update(repeating: 0, count: n)

        var reached = [Int](repeating: 1, count: k)
        var hopSum = [Int](repeating: 0, count: k)
        var reciprocal = [Double](repeating: 0, count: k)

        var frontierCount = 0
        for (i, s) in sources.enumerated() {
            seen[s] = 1 << UInt64(i)
            frontier[s] = 1 << UInt64(i)
            frontierList[frontierCount] = Int32(truncatingIfNeeded: s)
            frontierCount += 1
        }
        var level = 0
        while frontierCount > 0 {
            level += 1
            var frontierArcs = 0
            for j in 0 ..< frontierCount {
                let v = Int(frontierList[j])
                frontierArcs &+= offsets[v &+ 1] &- offsets[v]
            }
            var newCount = 0
            var found: UInt64 = 0
            if frontierArcs &* 4 < n {
                // Sparse level: collect the touched nodes in a list.
                var touched = 0
                for j in 0 ..< frontierCount {
                    let v = Int(frontierList[j])
                    let f = frontier[v]
                    frontier[v] = 0
                    for arc in offsets[v] ..< offsets[v &+ 1] {
                        let w32 = targets[arc]
                        let w = Int(w32)
                        let old = next[w]
                        if old == 0 {
                            nextList[touched] = w32
                            touched &+= 1
                        }
                        next[w] = old | f
                    }
                }
                for j in 0 ..< touched {
                    let w32 = nextList[j]
                    let w = Int(w32)
                    let s = seen[w]
                    let bits = next[w] & ~s
                    next[w] = 0
                    if bits != 0 {
                        seen[w] = s | bits
                        frontier[w] = bits
                        frontierList[newCount] = w32
                        newCount &+= 1
                        found |= bits
                        count(bits)
                    }
                }
            } else {
                // Dense level: scatter without bookkeeping, then sweep all nodes.
                for j in 0 ..< frontierCount {
                    let v = Int(frontierList[j])
                    let f = frontier[v]
                    frontier[v] = 0
                    for arc in offsets[v] ..< offsets[v &+ 1] {
                        let w = Int(targets[arc])
                        next[w] |= f
                    }
                }
                for w in 0 ..< n {
                    let x = next[w]
                    if x != 0 {
                        next[w] = 0
                        let s = seen[w]
                        let bits = x & ~s
                        if bits != 0 {
                            seen[w] = s | bits
                            frontier[w] = bits
                            frontierList[newCount] = Int32(truncatingIfNeeded: w)
                            newCount &+= 1
                            found |= bits
                            count(bits)
                        }
                    }
                }
            }
            frontierCount = newCount
            // Read out each source's count for this level and clear the planes.
            let levelReciprocal = 1 / Double(level)
            var lanes = found
            while lanes != 0 {
                let i = lanes.trailingZeroBitCount
                lanes &= lanes &- 1
                var c = 0
                for j in 0 ..< planeCount { c |= Int(truncatingIfNeeded: (planes[j] &>> UInt64(i)) & 1) &<< j }
                reached[i] += c
                hopSum[i] += c * level
                reciprocal[i] += Double(c) * levelReciprocal
            }
            if found != 0 { planes.update(repeating: 0, count: planeCount) }
        }
        for i in 0 ..< k {
            out[i] = DistanceSummary(
                reached: reached[i], hopSum: hopSum[i], distanceSum: Double(hopSum[i]), reciprocalSum: reciprocal[i])
        }
    }
}

extension CSRGraph {
    /// Breadth-first distance summaries from every node of this graph (as given: closeness and harmonic
    /// pass `reversed`), by MS-BFS over batches of 64 consecutive sources spread over the partitions of
    /// `SourcePartitions`. Each source's summary depends only on its own distances, so parallel and
    /// serial runs agree exactly.
    /// - Complexity: `32 n` bytes per running partition plus the `n` summaries.
    func multiSourceDistanceSummaries(parallel: Bool) -> [DistanceSummary] {
        let n = nodeCount
        guard n > 0 else { return [] }
        let width = MultiSourceBFS.width
        let batchCount = (n + width - 1) / width
        var result = [DistanceSummary](
            repeating: DistanceSummary(reached: 0, hopSum: 0, distanceSum: 0, reciprocalSum: 0), count: n)
        let partials = withArcView(weighted: false) { view in
            SourcePartitions.map(sources: Array(0 ..< batchCount), parallel: parallel) { batches in
                var summaries: [DistanceSummary] = []
                summaries.reserveCapacity(batches.count * width)
                var workspace = MultiSourceBFS(nodeCount: n)
                let scratch = UnsafeMutablePointer<DistanceSummary>.allocate(capacity: width)
                defer { scratch.deallocate() }
                for b in batches {
                    let sources = b * width ..< min(n, (b + 1) * width)
                    workspace.summaries(from: sources, view, into: scratch)
                    summaries.append(contentsOf: UnsafeBufferPointer(start: scratch, count: sources.count))
                }
                return summaries
            }
        }
        // Partition p holds batches p, p + P, p + 2P, ..., each of `width` sources (the last may be short).
        let stride = partials.count
        for (p, summaries) in partials.enumerated() {
            for (j, summary) in summaries.enumerated() {
                let batch = p + (j / width) * stride
                result[batch * width + j % width] = summary
            }
        }
        return result
    }
}
