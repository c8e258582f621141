// The indexed 4-ary min-heap of the Dijkstra traversals (weighted betweenness, closeness, harmonic).

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
///
/// Used by the Dijkstra traversals: weighted betweenness (`ShortestPathDAG`) and weighted closeness and
/// harmonic centrality (`DistanceWorkspace`).
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
