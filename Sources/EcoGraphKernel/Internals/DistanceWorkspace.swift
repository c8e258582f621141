// Distance-only single-source traversals (breadth-first search, Dijkstra) and what they report, for
// closeness and harmonic centrality.

/// What closeness and harmonic centrality need from one traversal: filled by `DistanceWorkspace` (one
/// source at a time, breadth-first or Dijkstra) and by `MultiSourceBFS` (64 sources at a time).
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
/// One workspace per running partition of `perNodeDistanceSummaries` (weighted closeness and harmonic
/// centrality; unweighted ones use `MultiSourceBFS`).
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
